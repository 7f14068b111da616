#!/bin/bash
# Creates each application's database and owner, idempotently, with the passwords the deployment gives.
set -euo pipefail
create() { # database user password
  psql -v ON_ERROR_STOP=1 -d postgres -v user="$2" -v password="$3" <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$1', :'user')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$1') \gexec
SQL
}
create clue_exchange clue_exchange "$CORE_DB_PASSWORD"
create police_adapter police_adapter "$POLICE_DB_PASSWORD"
create discipline_adapter discipline_adapter "$DISCIPLINE_DB_PASSWORD"
echo "databases ready"
