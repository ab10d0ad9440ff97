#!/usr/bin/env bash
# Smoke run of the load-test suite, for CI: starts Parley from target/parley.jar (built by the
# root `mvn verify`) on a free loopback port with a temporary data directory (embedded
# PostgreSQL), waits for /_health, runs GatewayConnections and MessageFanout with tiny
# numbers and SLOs loose enough for a busy CI machine (it guards the suite against rot; it
# is not a performance gate), and stops Parley (SIGTERM to its process group; Parley stops its PostgreSQL).
# Usage: gatling/smoke.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=$ROOT/target/parley.jar
[[ -f $JAR ]] || { echo "smoke: $JAR is missing; run 'mvn verify' (or package) in the repository root first" >&2; exit 1; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"; return 0
    fi
  done
  echo "smoke: no free port found" >&2; return 1
}

PORT=$(free_port)
DATA=$(mktemp -d -t parley-smoke.XXXXXX)
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
      echo "smoke: embedded PostgreSQL $pg still running; stopping it" >&2
      kill -INT "$pg" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  if [[ $status -ne 0 && -f $LOG ]]; then
    echo "smoke: failed; last lines of Parley's log:" >&2; tail -40 "$LOG" >&2
  fi
  rm -rf "$DATA"
  exit "$status"
}
trap stop_parley EXIT

echo "smoke: starting Parley on 127.0.0.1:$PORT (data in $DATA)"
PARLEY_HTTP_PORT=$PORT PARLEY_DATA_DIR=$DATA setsid java -Xmx1g -jar "$JAR" --config "$ROOT/gatling/parley-load.yaml" \
  >"$LOG" 2>&1 </dev/null &
PARLEY_PID=$!

for i in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$PORT/_health" >/dev/null 2>&1; then break; fi
  kill -0 "$PARLEY_PID" 2>/dev/null || { echo "smoke: Parley exited during start" >&2; exit 1; }
  [[ $i -eq 120 ]] && { echo "smoke: Parley not healthy after 60 s" >&2; exit 1; }
  sleep 0.5
done
echo "smoke: Parley is up"

mvn -B -ntp "$@" -f gatling/pom.xml test-compile gatling:test \
  -Dgatling.runMultipleSimulations=true \
  -Dgatling.includes=io.parley.load.GatewayConnections,io.parley.load.MessageFanout \
  -DbaseUrl="http://127.0.0.1:$PORT" \
  -Dusers=20 -Dramp=2 -Dduration=5 -Dheartbeat=2 \
  -Dlisteners=5 -Dsenders=2 -Drate=20 -Dwarmup=2 -Ddrain=5 \
  -DreadyP99Ms=5000 -DdeliveryP99Ms=5000 -DpostP99Ms=5000
echo "smoke: passed; reports under gatling/target/gatling/"
