# The steps of scripts/deploy-test, sourced: compose up and down, and what a self-hosting owner
# would check from outside the containers, through the published ports only. COMPOSE_FILE names
# the compose file in use, WORK a scratch directory, JAR the CLI, TOKEN the operator token.

compose() { docker-compose -f "$COMPOSE_FILE" "$@"; }

compose_tail() { # the state and the last lines of every service, after a failure
  compose ps >&2 || true
  compose logs --no-color --tail 25 >&2 2>&1 || true
}

await() { # DESCRIPTION SECONDS COMMAND...: polls COMMAND each second until it succeeds
  local what=$1 limit=$2 start=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      compose_tail
      [ ! -s "$WORK/body" ] || printf 'last HTTP answer: %s\n' "$(head -c 300 "$WORK/body")" >&2
      fail "$what: not within ${limit}s"
    fi
    sleep 1
  done
}

compose_up() { # PORTS...: up -d, once the host ports the file publishes are free
  local port name
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is taken on this machine; $COMPOSE_FILE publishes it"; fi
  done
  name=${COMPOSE_FILE#"$TOP"/}
  stage "$name: up -d"
  UP_STARTED=$SECONDS
  compose up -d >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; compose_tail; fail "docker-compose -f $name up -d failed"; }
}

compose_down() {
  stage "${COMPOSE_FILE#"$TOP"/}: down -v"
  compose down -v --remove-orphans >"$WORK/down.log" 2>&1 || { cat "$WORK/down.log" >&2; fail "down failed"; }
}

health() { podman inspect --format '{{.State.Health.Status}}' "$(compose ps -q "$1")"; }

is_healthy() { # SERVICE [PORT]: the container's health check passes, and REST answers on PORT
  [ "$(health "$1")" = healthy ] || return 1
  [ -z "${2:-}" ] || curl -fsS -m 3 "http://127.0.0.1:$2/api/v1/health" >/dev/null
}

await_healthy() { # SERVICE [PORT]
  await "$1 healthy" 240 is_healthy "$@"
  stage "$1 healthy ($((SECONDS - UP_STARTED))s after up)"
}

operator_token() { # SERVICE: the token, read as docs/operating.md says
  compose exec -T "$1" cat /var/lib/gamingapi/operator.token | tr -d '\r\n' \
    || fail "cannot read operator.token in $1"
}

http_code() { # PORT PATH [curl options]: the status code of a request
  local port=$1 path=$2
  shift 2
  : >"$WORK/body"
  # 000 when no answer came (curl fails): the caller says what it expected.
  curl -s -o "$WORK/body" -w '%{http_code}' -m "${HTTP_TIMEOUT:-10}" "$@" "http://127.0.0.1:$port$path" || true
}

check_operator_token() { # PORT: the token lists the tenants; no token is refused
  local code
  code=$(http_code "$1" /api/v1/accounts -H "Authorization: Bearer $TOKEN")
  [ "$code" = 200 ] && grep -q '"default"' "$WORK/body" \
    || fail "GET /api/v1/accounts on :$1 with the operator token answered $code: $(head -c 300 "$WORK/body")"
  code=$(http_code "$1" /api/v1/accounts)
  [ "$code" = 401 ] || fail "GET /api/v1/accounts on :$1 without a token answered $code, not 401"
  stage "operator token works on :$1"
}

fetch_creds() { # SERVICE NAME: a creds file the platform wrote, copied out of its volume
  compose exec -T "$1" cat "/var/lib/gamingapi/creds/$2.creds" >"$WORK/$2.creds" \
    && grep -q 'BEGIN NATS USER JWT' "$WORK/$2.creds" || fail "no creds/$2.creds in $1"
  chmod 600 "$WORK/$2.creds"
}

define_board() { # PORT: a kills leaderboard on the default tenant
  local code
  # The answer waits for the board's backfill from the log (up to 30 s, docs/history.md).
  code=$(HTTP_TIMEOUT=60 http_code "$1" /api/v1/accounts/default/leaderboards/kills -X PUT \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"stat":"kills"}')
  [ "$code" = 200 ] || fail "PUT leaderboards/kills answered $code: $(head -c 300 "$WORK/body")"
  stage "leaderboard kills defined on :$1 ($(grep -o '"backfilling" *: *[a-z]*' "$WORK/body"))"
}

publish_kills() { # URLS PLAYER N: the game server "demo" publishes N kills by PLAYER (the CLI)
  local i
  for i in $(seq 1 "$3"); do printf '{"data":{"victim_id":"victim-%s"}}\n' "$RANDOM$i"; done \
    | "$JAVA_HOME/bin/java" -jar "$JAR" events publish --creds "$WORK/demo.creds" --url "$1" \
      --journal-dir "$WORK/journal" --type player.killed --player "$2" --lines - --progress 0s \
      >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; fail "the game server could not publish through $1"; }
  stage "published $3 kills of $2 ($(tail -n 1 "$WORK/publish.log"))"
}

score_is() { # PORT PLAYER SCORE
  [ "$(http_code "$1" "/api/v1/accounts/default/leaderboards/kills/players/$2" \
    -H "Authorization: Bearer $TOKEN")" = 200 ] && grep -q "\"score\" *: *$3[,}. ]" "$WORK/body"
}

await_score() { # PORT PLAYER SCORE
  rm -f "$WORK/body"
  await "the kills leaderboard on :$1 to give $2 a score of $3" 90 score_is "$@"
  stage "leaderboard on :$1: $2 has $3 kills"
}

crash() { # SERVICE: SIGKILL to the container's main process from the host, as a crash would
  local id pid
  id=$(compose ps -q "$1")
  pid=$(podman inspect --format '{{.State.Pid}}' "$id")
  [ "${pid:-0}" -gt 0 ] || fail "$1 has no process to kill"
  kill -9 "$pid"
  stage "killed $1 (pid $pid, SIGKILL)"
}

check_stack_file() { # deploy/swarm/stack.yaml through the docker CLI's own stack loader
  if ! command -v docker >/dev/null; then
    stage "no docker CLI: deploy/swarm/stack.yaml is checked by SwarmStackTest only (Compose Specification)"
    return 0
  fi
  # The operator files the stack's header makes with `docker run ... init`, made the same way.
  mkdir -p "$WORK/operator"
  podman run --rm -v "$WORK/operator:/operator" gamingapi:latest init --operator-dir /operator >"$WORK/init.log" 2>&1 \
    || { cat "$WORK/init.log" >&2; fail "gamingapi init in the platform image failed"; }
  # Offline: stack config loads, validates and interpolates without a daemon (none here).
  GAMINGAPI_IMAGE=gamingapi:latest GAMINGAPI_OPERATOR_DIR="$WORK/operator" GAMINGAPI_NFS_SERVER=192.0.2.1 \
    DOCKER_HOST=unix:///nonexistent docker stack config -c "$TOP/deploy/swarm/stack.yaml" \
    >"$WORK/stack.yaml" 2>"$WORK/stack.err" || fail "docker stack config refuses deploy/swarm/stack.yaml: $(head -n 1 "$WORK/stack.err")"
  [ ! -s "$WORK/stack.err" ] || fail "docker stack config warns about deploy/swarm/stack.yaml: $(head -n 1 "$WORK/stack.err")"
  stage "deploy/swarm/stack.yaml: docker $(docker --version | sed 's/^Docker version \([^,]*\).*/\1/') stack config loads it"
}
