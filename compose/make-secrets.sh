#!/bin/bash
# Writes the compose deployment's secrets: compose/.env (database passwords, the adapters' client and operator
# settings and their shared person-key secret, each adapter's Ed25519 signing key, the core's users),
# compose/secrets/agency-tokens.txt (the bearer tokens to hand to the agency systems, the adapters' operators and the
# core's users) and compose/secrets/agency-keys.properties (the public keys every application trusts, no secret).
# None is ever committed. Needs openssl 1.1.1 or later for the Ed25519 keys.
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
# An agency's signing key: its private key as base64 PKCS#8 on the first line, its public key as base64 X.509 on the
# second, the forms adapter.signing.private-key and the agency keys file take.
signing_key() {
  local private
  private=$(openssl genpkey -algorithm ed25519 -outform DER | base64 | tr -d '\n')
  printf '%s\n' "$private"
  printf '%s' "$private" | base64 -d | openssl pkey -inform DER -pubout -outform DER | base64 | tr -d '\n'
  echo
}
agency_key() { # key-id agency public-key
  printf '%s.agency=%s\n%s.jurisdictions=%s\n%s.public-key=%s\n%s.valid-from=%s\n' "$1" "$2" "$1" "$jurisdiction" \
    "$1" "$3" "$1" "$valid_from"
}
command -v openssl >/dev/null || { echo "make-secrets.sh needs openssl (1.1.1 or later) to make the signing keys" >&2; exit 1; }
valid_from=$(date -u +%Y-%m-%dT%H:%M:%SZ)
police_key_id="police-$jurisdiction-$(date -u +%Y%m%d)"
discipline_key_id="discipline-$jurisdiction-$(date -u +%Y%m%d)"
{ read -r police_private; read -r police_public; } < <(signing_key)
{ read -r discipline_private; read -r discipline_public; } < <(signing_key)
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
AGENCY_KEYS_FILE=$here/secrets/agency-keys.properties
POLICE_SIGNING_KEY_ID=$police_key_id
POLICE_SIGNING_PRIVATE_KEY=$police_private
DISCIPLINE_SIGNING_KEY_ID=$discipline_key_id
DISCIPLINE_SIGNING_PRIVATE_KEY=$discipline_private
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
{
  echo "# The agencies' public keys every application of the exchange trusts ($jurisdiction). To rotate a key, give it"
  echo "# valid-until (the first instant it no longer covers) and add its successor; facts signed before keep verifying."
  agency_key "$police_key_id" POLICE "$police_public"
  agency_key "$discipline_key_id" DISCIPLINE "$discipline_public"
} > "$here/secrets/agency-keys.properties"
chmod 644 "$here/secrets/agency-keys.properties"
echo "wrote $here/.env, $here/secrets/agency-tokens.txt and $here/secrets/agency-keys.properties"
