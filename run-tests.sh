#!/usr/bin/env bash
# Runs every test. Integration tests need PostgreSQL: this script uses 127.0.0.1:5432 when it answers, starts the
# local cluster when it is down, installs PostgreSQL when it is missing, and creates a fresh database for the run.
set -euo pipefail
cd "$(dirname "$0")"

# docker-compose.yml is also read by DockerComposeTest; where a Compose client is installed, it parses the file too.
if docker compose version >/dev/null 2>&1; then
  docker compose -f docker-compose.yml config -q
elif command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f docker-compose.yml config -q
fi

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1 || ! pg_up; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "run-tests: PostgreSQL is missing; installing it"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "run-tests: starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "run-tests: PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }
fi

# A role of our own with a password works whatever the cluster's auth method (trust, md5 or scram).
user=${COUNCIL_TEST_PG_USER:-council_test}
password=${COUNCIL_TEST_PG_PASSWORD:-council_test}
# Reads SQL from standard input, as the cluster's superuser.
psql_admin() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    su postgres -c "psql -v ON_ERROR_STOP=1 -q -d postgres"
  else
    psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -U postgres -d postgres
  fi
}
run_db="council_run_$(date +%s)"
psql_admin <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE $user LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
CREATE DATABASE $run_db OWNER $user;
SQL
trap 'echo "DROP DATABASE IF EXISTS $run_db WITH (FORCE);" | psql_admin >/dev/null 2>&1 || true' EXIT

# Each Spring test context creates (and drops) its own database through this run's database.
export COUNCIL_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$run_db"
export COUNCIL_TEST_PG_USER="$user"
export COUNCIL_TEST_PG_PASSWORD="$password"
mvn -B -ntp verify "$@"
