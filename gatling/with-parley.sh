#!/usr/bin/env bash
# Runs a command against a throw-away local Parley: starts target/parley.jar (built by the root
# `mvn verify` or `mvn package`) on a free loopback port (http.port 0) with a temporary data directory
# (embedded PostgreSQL) and gatling/parley-load.yaml, waits for /_health, runs the command with
# PARLEY_URL=http://127.0.0.1:PORT in its environment (the simulations' default -DbaseUrl),
# then stops Parley (SIGTERM to its process group; Parley stops its PostgreSQL) and deletes
# the data. PARLEY_JAVA_OPTS adds JVM options to Parley's (e.g. a JFR recording; keep its file
# outside the data directory). Usage: gatling/with-parley.sh COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=$ROOT/target/parley.jar
[[ -f $JAR ]] || { echo "with-parley: $JAR is missing; run 'mvn verify' (or package) in the repository root first" >&2; exit 1; }
[[ $# -gt 0 ]] || { echo "usage: gatling/with-parley.sh COMMAND [ARGS...]" >&2; exit 2; }

DATA=$(mktemp -d -t parley-load.XXXXXX)
LOG=$DATA/parley.log
PARLEY_PID=

stop_parley() {
  local status=$?
  if [[ -n $PARLEY_PID ]] && kill -0 "$PARLEY_PID" 2>/dev/null; then
    kill -TERM -- "-$PARLEY_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$PARLEY_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$PARLEY_PID" 2>/dev/null || true
  fi
  # Parley stops its embedded PostgreSQL on SIGTERM; if it could not, stop that postmaster by its pid file.
  local pidfile=$DATA/postgres/postmaster.pid
  if [[ -f $pidfile ]]; then
    local pg; pg=$(head -1 "$pidfile")
    if [[ -n $pg ]] && kill -0 "$pg" 2>/dev/null; then
      echo "with-parley: embedded PostgreSQL $pg still running; stopping it" >&2
      kill -INT "$pg" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  if [[ $status -ne 0 && -f $LOG ]]; then
    echo "with-parley: failed; last lines of Parley's log:" >&2; tail -40 "$LOG" >&2
  fi
  rm -rf "$DATA"
  exit "$status"
}
trap stop_parley EXIT

echo "with-parley: starting Parley on a free loopback port (data in $DATA)"
PARLEY_HTTP_PORT=0 PARLEY_DATA_DIR=$DATA setsid java -Xmx1g ${PARLEY_JAVA_OPTS:-} -jar "$JAR" --config "$ROOT/gatling/parley-load.yaml" \
  >"$LOG" 2>&1 </dev/null &
PARLEY_PID=$!

# http.port 0 lets the OS pick the port; Parley logs the one it got.
PORT=
for i in $(seq 1 120); do
  [[ -z $PORT ]] && PORT=$(sed -nE 's/.*Parley serving HTTP on [^ ]*:([0-9]+).*/\1/p' "$LOG" | head -1)
  if [[ -n $PORT ]] && curl -sf "http://127.0.0.1:$PORT/_health" >/dev/null 2>&1; then break; fi
  kill -0 "$PARLEY_PID" 2>/dev/null || { echo "with-parley: Parley exited during start" >&2; exit 1; }
  [[ $i -eq 120 ]] && { echo "with-parley: Parley not healthy after 60 s" >&2; exit 1; }
  sleep 0.5
done
echo "with-parley: Parley is up on 127.0.0.1:$PORT"
export PARLEY_URL="http://127.0.0.1:$PORT"
"$@"

