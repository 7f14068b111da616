#!/bin/bash
# Writes the compose deployment's secrets: compose/.env (database passwords, the adapters' client settings) and
# compose/secrets/agency-tokens.txt (the bearer tokens to hand to the agency systems). Neither is ever committed.
# Usage: compose/make-secrets.sh [JURISDICTION [DIRECTORY]]    (defaults: 530600, this script's directory)
set -euo pipefail
jurisdiction=${1:-530600}
here=${2:-$(cd "$(dirname "$0")" && pwd)}
random() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
clients() { # client-id token
  printf '{"adapter":{"clients":[{"id":"%s","token-sha256":"%s","jurisdictions":["%s"]}]}}' \
    "$1" "$(sha256 "$2")" "$jurisdiction"
}
police_token=$(random)
discipline_token=$(random)
umask 077
mkdir -p "$here/secrets"
cat > "$here/.env" <<ENV
JURISDICTION=$jurisdiction
POSTGRES_PASSWORD=$(random)
CORE_DB_PASSWORD=$(random)
POLICE_DB_PASSWORD=$(random)
DISCIPLINE_DB_PASSWORD=$(random)
POLICE_ADAPTER_CLIENTS=$(clients "police-case-system-$jurisdiction" "$police_token")
DISCIPLINE_ADAPTER_CLIENTS=$(clients "discipline-clue-system-$jurisdiction" "$discipline_token")
ENV
cat > "$here/secrets/agency-tokens.txt" <<TOKENS
# Bearer tokens for the agency systems of $jurisdiction; the adapters hold only their SHA-256.
POLICE_CASE_SYSTEM_TOKEN=$police_token
DISCIPLINE_CLUE_SYSTEM_TOKEN=$discipline_token
TOKENS
echo "wrote $here/.env and $here/secrets/agency-tokens.txt"
