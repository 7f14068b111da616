#!/bin/bash
# Writes the compose deployment's secrets: compose/.env (database passwords, the adapters' client and operator
# settings and their shared person-key secret, the core's users) and compose/secrets/agency-tokens.txt (the bearer tokens to hand to the agency systems,
# the adapters' operators and the core's users). Neither is ever committed.
# Usage: compose/make-secrets.sh [JURISDICTION [DIRECTORY]]    (defaults: 530600, this script's directory)
set -euo pipefail
jurisdiction=${1:-530600}
here=${2:-$(cd "$(dirname "$0")" && pwd)}
random() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
adapter_access() { # client-id client-token operator-id operator-token
  printf '{"adapter":{"clients":[{"id":"%s","token-sha256":"%s","jurisdictions":["%s"]}],' \
    "$1" "$(sha256 "$2")" "$jurisdiction"
  printf '"operators":[{"id":"%s","token-sha256":"%s"}]}}' "$3" "$(sha256 "$4")"
}
core_users() { # auditor-token operator-token officer-token
  printf '{"clue-exchange":{"access":{"users":[{"id":"auditor","role":"AUDITOR","token-sha256":"%s"},{"id":"operator","role":"OPERATOR","token-sha256":"%s"},{"id":"officer-%s","role":"OFFICER","jurisdiction":"%s","token-sha256":"%s"}]}}}' \
    "$(sha256 "$1")" "$(sha256 "$2")" "$jurisdiction" "$jurisdiction" "$(sha256 "$3")"
}
police_token=$(random)
discipline_token=$(random)
police_operator_token=$(random)
discipline_operator_token=$(random)
auditor_token=$(random)
operator_token=$(random)
officer_token=$(random)
umask 077
mkdir -p "$here/secrets"
cat > "$here/.env" <<ENV
JURISDICTION=$jurisdiction
POSTGRES_PASSWORD=$(random)
CORE_DB_PASSWORD=$(random)
POLICE_DB_PASSWORD=$(random)
DISCIPLINE_DB_PASSWORD=$(random)
PERSON_KEY_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
POLICE_ADAPTER_CLIENTS=$(adapter_access "police-case-system-$jurisdiction" "$police_token" \
  "police-adapter-operator" "$police_operator_token")
DISCIPLINE_ADAPTER_CLIENTS=$(adapter_access "discipline-clue-system-$jurisdiction" "$discipline_token" \
  "discipline-adapter-operator" "$discipline_operator_token")
CORE_USERS=$(core_users "$auditor_token" "$operator_token" "$officer_token")
ENV
cat > "$here/secrets/agency-tokens.txt" <<TOKENS
# Bearer tokens for the agency systems of $jurisdiction, the adapters' operators and the core's users; the
# applications hold only their SHA-256.
POLICE_CASE_SYSTEM_TOKEN=$police_token
DISCIPLINE_CLUE_SYSTEM_TOKEN=$discipline_token
POLICE_ADAPTER_OPERATOR_TOKEN=$police_operator_token
DISCIPLINE_ADAPTER_OPERATOR_TOKEN=$discipline_operator_token
# The core's users: the auditor, the operator and the reconciliation officer of $jurisdiction.
CORE_AUDITOR_TOKEN=$auditor_token
CORE_OPERATOR_TOKEN=$operator_token
CORE_OFFICER_${jurisdiction}_TOKEN=$officer_token
TOKENS
echo "wrote $here/.env and $here/secrets/agency-tokens.txt"
