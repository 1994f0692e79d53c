#!/usr/bin/env bash
# Builds the jar if needed and starts the whole record on its embedded default (H2 under ./data).
# Extra arguments go to the jar, e.g. ./run.sh --spring.profiles.active=demo   (loads the Hanoi 2021 data set)
set -euo pipefail
cd "$(dirname "$0")"
jar=server/target/council-record.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./server/target -prune -o -name '*.java' -newer "$jar" -print -quit)" ]; then
  mvn -B -q -ntp -DskipTests install
fi
# The collector the Dockerfile uses (see it).
exec java -XX:+UseParallelGC -jar "$jar" "$@"
