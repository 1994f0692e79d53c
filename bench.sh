#!/usr/bin/env bash
# Runs the benchmark harness (issue 6): builds the jars, then starts the server on a fresh PostgreSQL database and
# drives it. Results: bench-results/<timestamp>/results.{json,md}. Arguments go to the harness, e.g.
#   ./bench.sh                      # the full run: 16 clients, 30 s per scenario, a 1,000,000-event rebuild, Hanoi load
#   ./bench.sh --smoke              # tiny numbers, a minute
#   ./bench.sh --clients 32 --seconds 60
# PostgreSQL: COUNCIL_TEST_PG_URL / _USER / _PASSWORD (default jdbc:postgresql://127.0.0.1:5432/postgres, postgres).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -DskipTests install
exec java -jar bench/target/bench.jar "$@"
