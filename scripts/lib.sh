# Shared by ./gamingapi and ./run-tests: find a JDK 21+, install nats-server when missing,
# start a throwaway PostgreSQL for the tests, build what is missing. Sourced, not run.

say() { printf '%s\n' "$*" >&2; }

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1 || echo 0
}

find_jdk() { # exports JAVA_HOME pointing at a JDK 21 or newer
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME; return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then best="$dir"; best_major="$major"; fi
  done
  if [ -n "$best" ] && [ "$best_major" -ge 21 ]; then
    export JAVA_HOME="$best"; return 0
  fi
  say "GamingAPI needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm."
  say "Install one (for example Temurin 21 from your distribution or adoptium) and set JAVA_HOME."
  exit 1
}

as_root() { # runs "$@" as root when we can, without prompting
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi
}

ensure_nats_server() { # installs Debian's nats-server when it is missing
  if command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || [ -n "${NATS_SERVER_BIN:-}" ]; then return 0; fi
  if command -v apt-get >/dev/null; then
    say "nats-server is missing: installing Debian's package..."
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null 2>&1 \
      || { as_root apt-get update -qq >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null 2>&1; }; then
      return 0
    fi
  fi
  say "nats-server is missing and could not be installed here. Run:"
  say "  sudo apt-get install -y nats-server"
  exit 1
}

ensure_chromium() { # installs Debian's chromium and chromium-driver for the portal's browser tests
  if { command -v chromium >/dev/null || [ -x "${GAMINGAPI_CHROMIUM:-/usr/bin/chromium}" ]; } \
    && { command -v chromedriver >/dev/null || [ -x "${GAMINGAPI_CHROMEDRIVER:-/usr/bin/chromedriver}" ]; }; then
    return 0
  fi
  if command -v apt-get >/dev/null; then
    say "Chromium is missing (the portal's tests drive it): installing Debian's chromium and chromium-driver..."
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 \
      || { as_root apt-get update -qq >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; }; then
      return 0
    fi
  fi
  # Fatal, like nats-server: CI must not pass with the browser tests skipped. (Run alone through
  # Maven, the portal's tests skip with this advice when Chromium is absent.)
  say "Chromium is missing and could not be installed here. Run:"
  say "  sudo apt-get install -y chromium chromium-driver"
  exit 1
}

ensure_promtool() { # installs Debian's prometheus package for promtool; exports GAMINGAPI_PROMTOOL
  # The build checks deploy/observability/ with it (PromtoolTest); named in GAMINGAPI_PROMTOOL, a
  # missing promtool fails that test instead of skipping it. (On a machine run by systemd the
  # package also starts a Prometheus on :9090; the tests use only promtool.)
  local found
  found="$(command -v promtool || true)"
  if [ -z "$found" ] && command -v apt-get >/dev/null; then
    say "promtool is missing (the alert rules' tests run it): installing Debian's prometheus..."
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1 \
      || { as_root apt-get update -qq >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1; }; then
      found="$(command -v promtool || true)"
    fi
  fi
  if [ -z "$found" ]; then
    say "promtool is missing and could not be installed here. Run:"
    say "  sudo apt-get install -y prometheus"
    exit 1
  fi
  export GAMINGAPI_PROMTOOL="$found"
}

pg_bindir() { # prints the directory of the newest PostgreSQL server binaries, or nothing
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; fi
  return 0 # an empty answer means "none": callers run under set -e
}

free_port() { # prints a loopback TCP port nothing listens on (bash's /dev/tcp: no extra tool)
  local port tries=0
  while [ $tries -lt 50 ]; do
    port=$((20000 + RANDOM % 40000)); tries=$((tries + 1))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

ensure_postgres() { # exports GAMINGAPI_TEST_DATABASE_URL: a throwaway cluster, stopped on exit
  if [ -n "${GAMINGAPI_TEST_DATABASE_URL:-}" ]; then return 0; fi
  local started=$SECONDS bin
  bin=$(pg_bindir)
  if [ -z "$bin" ] && command -v apt-get >/dev/null; then
    say "PostgreSQL is missing: trying to install Debian's package..."
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
      || { as_root apt-get update -qq >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1; } \
      || true
    bin=$(pg_bindir)
  fi
  if [ -z "$bin" ]; then
    say "The tests need PostgreSQL, which is missing and could not be installed here. Either run:"
    say "  sudo apt-get install -y postgresql"
    say "or point the tests at a PostgreSQL of yours whose user may CREATE DATABASE:"
    say "  export GAMINGAPI_TEST_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=USER&password=...'"
    say "then run ./run-tests again."
    exit 1
  fi
  # initdb and postgres refuse to run as root: the cluster then belongs to an unprivileged user
  # (Debian's package makes 'postgres'), and so does its directory.
  local run=() owner=""
  if [ "$(id -u)" = 0 ]; then
    owner=postgres; getent passwd postgres >/dev/null || owner=nobody
    run=(runuser -u "$owner" --)
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gamingapi-pg.XXXXXX")
  [ -z "$owner" ] || chown "$owner" "$PG_DIR"
  PG_RUN=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data")
  trap stop_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # Trust auth on loopback only: the cluster lives as long as this script, for tests.
  if ! "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U gamingapi --auth=trust -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1; then
    say "initdb failed:"; cat "$PG_DIR/initdb.log" >&2; exit 1
  fi
  # fsync and friends off: a test database that is lost in a crash costs nothing, and tests run
  # much faster without waiting for the disk. Benchmarks (GAMINGAPI_PG_DURABLE=1) keep PostgreSQL's
  # defaults, so that their figures are those of a database that keeps what it commits.
  local port attempt durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${GAMINGAPI_PG_DURABLE:-}" = 1 ] && durability=""
  for attempt in 1 2 3; do
    port=$(free_port) || break
    if "${PG_RUN[@]}" -w -t 30 -l "$PG_DIR/postgres.log" -o "-p $port -c listen_addresses=127.0.0.1 \
-c unix_socket_directories=$PG_DIR $durability" start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    say "PostgreSQL did not start; its log:"; cat "$PG_DIR/postgres.log" >&2 2>/dev/null; exit 1
  fi
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U gamingapi gamingapi_test \
    || { say "cannot create the test database; PostgreSQL's log:"; cat "$PG_DIR/postgres.log" >&2; exit 1; }
  export GAMINGAPI_TEST_DATABASE_URL="jdbc:postgresql://127.0.0.1:$port/gamingapi_test?user=gamingapi"
  say "PostgreSQL for the tests on 127.0.0.1:$port, ready in $((SECONDS - started))s."
}

stop_postgres() { # the EXIT trap of ensure_postgres: stops the throwaway cluster, removes it
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_RUN[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

build_if_needed() { # builds the CLI jar when it is missing or older than any source
  local jar="$TOP/cli/target/gamingapi.jar"
  if [ -f "$jar" ] && [ -z "$(find "$TOP" -path "$TOP/data" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  say "Building GamingAPI (first run, or sources changed)..."
  (cd "$TOP" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl cli -am package) >&2 || { say "Build failed: run './mvnw -B -DskipTests install' to see why."; exit 1; }
}
