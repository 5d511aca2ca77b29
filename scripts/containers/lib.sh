# Containers for scripts/deploy-test, sourced after scripts/lib.sh: podman with the runc runtime and
# cgroupfs, its Docker-compatible API socket for Debian's docker-compose, a Debian base image made
# with debootstrap (no image registry is reachable from CI), and local stand-ins for the official
# images the compose files name, tagged with those names so that the files run unchanged.

STANDIN_BASE=gamingapi-standin/debian:bookworm
IMAGE_CACHE=${GAMINGAPI_IMAGE_CACHE:-/var/cache/gamingapi-images}
DEBIAN_MIRROR=${GAMINGAPI_DEBIAN_MIRROR:-http://deb.debian.org/debian}

stage() { printf 'deploy-test: [%3ss] %s\n' "$((SECONDS - T0))" "$*" >&2; }
fail() { printf 'deploy-test: FAILED: %s\n' "$*" >&2; exit 1; }

apt_install() { # installs Debian packages, updating the lists once when the first try fails
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 \
    || { as_root apt-get update -qq >/dev/null 2>&1 \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; }
}

ensure_container_tools() { # podman, runc, netavark, debootstrap and docker-compose
  local missing=() tool
  for tool in podman runc debootstrap docker-compose; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ -x /usr/lib/podman/netavark ] || missing+=(netavark aardvark-dns)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || fail "podman here runs as root (runc, cgroupfs, bridge networks); run as root or install: ${missing[*]}"
  apt_install "${missing[@]}" catatonit conmon containernetworking-plugins \
    || fail "cannot install ${missing[*]} with apt-get"
}

start_podman() { # a containers.conf of our own, and podman's Docker API socket for docker-compose
  PODMAN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gamingapi-podman.XXXXXX")
  # crun fails on this kernel's cgroup layout: runc and cgroupfs. Containers get the host's own
  # hard limits: podman's default nofile (1048576) is above them here, and runc then refuses.
  # runc also refused an nproc above kernel.pid_max here (setrlimit: operation not permitted).
  local nofile nproc pid_max
  nofile=$(ulimit -Hn); nproc=$(ulimit -Hu); pid_max=$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 32768)
  [ "$nproc" = unlimited ] || [ "$nproc" -gt "$pid_max" ] && nproc=$pid_max
  [ "$nofile" = unlimited ] && nofile=1048576
  cat >"$PODMAN_DIR/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_CONF="$PODMAN_DIR/containers.conf"
  # podman build does not read default_ulimits: its RUN steps get the same limits by flag.
  BUILD_LIMITS=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
  podman system service --time=0 "unix://$PODMAN_DIR/podman.sock" >"$PODMAN_DIR/service.log" 2>&1 &
  PODMAN_SERVICE_PID=$!
  export DOCKER_HOST="unix://$PODMAN_DIR/podman.sock"
  local tries=0
  until curl -fsS --unix-socket "$PODMAN_DIR/podman.sock" http://d/_ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || { cat "$PODMAN_DIR/service.log" >&2; fail "podman's API socket did not answer"; }
    kill -0 "$PODMAN_SERVICE_PID" 2>/dev/null || { cat "$PODMAN_DIR/service.log" >&2; fail "podman system service exited"; }
    sleep 0.1
  done
}

stop_podman() {
  if [ -n "${PODMAN_SERVICE_PID:-}" ]; then kill "$PODMAN_SERVICE_PID" 2>/dev/null || true; wait "$PODMAN_SERVICE_PID" 2>/dev/null || true; fi
  [ -z "${PODMAN_DIR:-}" ] || rm -rf "$PODMAN_DIR"
}

ensure_base_image() { # a Debian bookworm (minbase) image from debootstrap, its tarball cached
  podman image exists "$STANDIN_BASE" && return 0
  local tar="$IMAGE_CACHE/debian-bookworm-minbase.tar" root
  if [ ! -s "$tar" ]; then
    stage "debootstrap: a Debian bookworm root filesystem from $DEBIAN_MIRROR (cached in $IMAGE_CACHE)"
    mkdir -p "$IMAGE_CACHE"
    root=$(mktemp -d "$IMAGE_CACHE/rootfs.XXXXXX")
    debootstrap --variant=minbase bookworm "$root" "$DEBIAN_MIRROR" >"$root.log" 2>&1 \
      || { tail -n 20 "$root.log" >&2; rm -rf "$root"; fail "debootstrap failed (log above)"; }
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
    rm -rf "$root" "$root.log"
  fi
  podman import -q --change 'CMD ["/bin/bash"]' "$tar" "$STANDIN_BASE" >/dev/null || fail "podman import of $tar failed"
}

build_standin() { # TAG CONTAINERFILE CONTEXT [MORE TAGS]: builds a stand-in unless TAG exists
  local tag=$1 file=$2 context=$3 extra log
  shift 3
  if ! podman image exists "$tag"; then
    stage "building the stand-in for $tag"
    log="$PODMAN_DIR/build-${tag//[^a-z0-9]/_}.log"
    podman build -q --network host "${BUILD_LIMITS[@]}" -t "$tag" -f "$file" "$context" >"$log" 2>&1 \
      || { tail -n 30 "$log" >&2; fail "building the stand-in $tag failed (log above)"; }
  fi
  for extra in "$@"; do podman tag "$tag" "$extra"; done
}

ensure_jdk_standin() { # eclipse-temurin:21-jdk and :21-jre, which deploy/Dockerfile builds FROM
  # The JDK is the build context: find_jdk's (21 or newer), copied where Temurin's images have it.
  build_standin docker.io/library/eclipse-temurin:21-jdk "$TOP/scripts/containers/temurin/Containerfile" \
    "$JAVA_HOME" docker.io/library/eclipse-temurin:21-jre
}

start_service_standins() { # nats:2.9.10-alpine and postgres:15, in the background (mostly apt)
  local dir="$TOP/scripts/containers"
  build_standin docker.io/library/nats:2.9.10-alpine "$dir/nats/Containerfile" "$dir/nats" &
  STANDIN_PIDS=($!)
  build_standin docker.io/library/postgres:15 "$dir/postgres/Containerfile" "$dir/postgres" &
  STANDIN_PIDS+=($!)
}

await_service_standins() {
  local pid
  for pid in "${STANDIN_PIDS[@]}"; do wait "$pid" || fail "a stand-in image did not build"; done
}

# Podman (4.3) runs health checks from systemd timers; without systemd (CI, containers) nobody
# runs them and a service stays "starting", which blocks depends_on: service_healthy. This loop
# plays the Docker daemon's part: each running container's check at its own interval.
start_health_checks() {
  (
    declare -A due step
    while :; do
      now=$(date +%s)
      for id in $(podman ps -q 2>/dev/null); do
        if [ -z "${due[$id]:-}" ]; then
          interval=$(podman inspect --format '{{if .Config.Healthcheck}}{{.Config.Healthcheck.Interval}}{{end}}' "$id" 2>/dev/null || true)
          case "$interval" in '' | '<nil>') due[$id]=never; continue ;; esac
          due[$id]=$now
          # "5s", "10s", "1m0s": whole seconds are enough for a scheduler of health checks.
          case "$interval" in *m*) interval=$((${interval%%m*} * 60))s ;; esac
          interval=${interval%s}; [[ "$interval" =~ ^[0-9]+$ ]] || interval=5
          step[$id]=$interval
        fi
        [ "${due[$id]}" = never ] && continue
        if [ "$now" -ge "${due[$id]}" ]; then
          podman healthcheck run "$id" >/dev/null 2>&1 || true
          due[$id]=$((now + ${step[$id]}))
        fi
      done
      sleep 1
    done
  ) &
  HEALTH_PID=$!
}

stop_health_checks() { if [ -n "${HEALTH_PID:-}" ]; then kill "$HEALTH_PID" 2>/dev/null || true; wait "$HEALTH_PID" 2>/dev/null || true; fi; }
