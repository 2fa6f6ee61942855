#!/usr/bin/env bash
# Creates the development cluster's Secrets in the namespace federation-dev, with random values
# made here: nothing secret is ever committed. Secrets that exist already are kept (a new
# PostgreSQL password would not match the database's data directory, a new audit subject key would
# stop the trail's hashes from matching the old ones); --force replaces them all.
#
#   make-secrets.sh            create the missing Secrets (needs kubectl with a cluster)
#   make-secrets.sh --force    replace every Secret
#   make-secrets.sh --print    print them as YAML instead, touching no cluster
#
# It also writes the development cluster's token key to $FEDERATION_DEV_TOKEN_KEY (default
# ~/.config/federation/dev-cluster-token-key, mode 0600), for the gateway's token command:
#   dotnet run --project gateway/Federation.Gateway -- token --agency <credit code> --key-file ~/.config/federation/dev-cluster-token-key
set -euo pipefail

namespace=federation-dev
mode=create
case ${1:-} in
  '') ;;
  --force) mode=force ;;
  --print) mode=print ;;
  *) echo "usage: make-secrets.sh [--force|--print]" >&2; exit 2 ;;
esac
command -v openssl >/dev/null || { echo "make-secrets.sh: needs openssl (apt-get install openssl)" >&2; exit 1; }
command -v kubectl >/dev/null || { echo "make-secrets.sh: needs kubectl (docs/kubernetes.md says how to get it)" >&2; exit 1; }

umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

random() { openssl rand -base64 "$1" | tr -d '\n'; }
# Passwords go into connection strings and pgpass lines: letters and digits only.
password() { openssl rand -hex 24; }

secret() { # name, then --from-literal/--from-file arguments
  local name=$1
  shift
  local yaml
  yaml=$(kubectl create secret generic "$name" --namespace "$namespace" --dry-run=client -o yaml "$@")
  case $mode in
    print) printf -- '---\n%s\n' "$yaml" ;;
    create)
      if kubectl get secret "$name" --namespace "$namespace" >/dev/null 2>&1; then
        echo "make-secrets.sh: $name exists, kept"
      else
        printf '%s\n' "$yaml" | kubectl apply -f - >/dev/null && echo "make-secrets.sh: $name created"
      fi ;;
    force) printf '%s\n' "$yaml" | kubectl apply -f - >/dev/null && echo "make-secrets.sh: $name replaced" ;;
  esac
}

# The gateway signs every subgraph request with this secret; the subgraphs check it.
secret gateway-signature --from-literal=secret="$(random 48)"

# The audit trail: the key of the subjects' keyed hashes (HMAC-SHA-256) and the ECDSA P-256 key
# the checkpoints are signed with.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/checkpoint-key.pem" 2>/dev/null
secret gateway-audit-keys --from-literal=subject-key="$(random 32)" --from-file=checkpoint-key.pem="$work/checkpoint-key.pem"

# The key that signs the development cluster's tokens.
token_key=$(random 32)
secret gateway-authentication --from-literal=signing-key="$token_key"

pgpass=""
database() { # service, database name
  local pw
  pw=$(password)
  pgpass+="$1-postgres:5432:*:postgres:$pw"$'\n'
  common=("--from-literal=postgres-password=$pw")
  if [ "$1" = gateway ]; then
    secret gateway-database "${common[@]}" \
      --from-literal=sharing="Host=gateway-postgres;Database=gateway;Username=postgres;Password=$pw" \
      --from-literal=audit="Host=gateway-postgres;Database=gateway;Username=postgres;Password=$pw"
  else
    secret "$1-database" "${common[@]}" \
      --from-literal=connection="Host=$1-postgres;Database=$2;Username=postgres;Password=$pw"
  fi
}
database population population
database legal-persons legal_persons
database spatial spatial
database licences licences
database gateway gateway
printf '%s' "$pgpass" > "$work/pgpass"
secret backup-pgpass --from-file=pgpass="$work/pgpass"

redis_password=$(password)
secret redis --from-literal=password="$redis_password" \
  --from-literal=configuration="redis:6379,password=$redis_password,abortConnect=false"

if [ "$mode" != print ]; then
  key_file=${FEDERATION_DEV_TOKEN_KEY:-$HOME/.config/federation/dev-cluster-token-key}
  if [ "$mode" = force ] || [ ! -e "$key_file" ]; then
    mkdir -p "$(dirname "$key_file")"
    # Only meaningful when gateway-authentication was created or replaced just now; a kept Secret
    # keeps its key: read it back instead.
    kubectl get secret gateway-authentication --namespace "$namespace" -o jsonpath='{.data.signing-key}' | base64 -d > "$key_file"
    chmod 600 "$key_file"
    echo "make-secrets.sh: the token key is in $key_file"
  fi
fi
