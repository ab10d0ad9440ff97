#!/usr/bin/env bash
# Smoke run of the load-test suite, for CI: GatewayConnections and MessageFanout with tiny
# numbers and SLOs loose enough for a busy CI machine (it guards the suite against rot; it is
# not a performance gate), against a throw-away local Parley (see with-parley.sh); first the
# suite's own unit tests.
# Usage: gatling/smoke.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
bash gatling/with-parley.sh mvn -B -ntp "$@" -f gatling/pom.xml test gatling:test \
  -Dgatling.runMultipleSimulations=true \
  -Dgatling.includes=io.parley.load.GatewayConnections,io.parley.load.MessageFanout \
  -Dusers=20 -Dramp=2 -Dduration=5 -Dheartbeat=2 \
  -Dlisteners=5 -Dsenders=2 -Drate=20 -Dwarmup=2 -Ddrain=15 \
  -DreadyP99Ms=10000 -DdeliveryP99Ms=10000 -DpostP99Ms=10000
echo "smoke: passed; reports under gatling/target/gatling/"
