# Shared by ./gamingapi and ./run-tests: find a JDK 21+, install nats-server when missing,
# build what is missing. Sourced, not run.

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

build_if_needed() { # builds the CLI jar when it is missing or older than any source
  local jar="$TOP/cli/target/gamingapi.jar"
  if [ -f "$jar" ] && [ -z "$(find "$TOP" -path "$TOP/data" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  say "Building GamingAPI (first run, or sources changed)..."
  (cd "$TOP" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl cli -am package) >&2 || { say "Build failed: run './mvnw -B -DskipTests install' to see why."; exit 1; }
}
