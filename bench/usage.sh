#!/usr/bin/env bash
# usage-meter benchmark: ingest rate of activity events into rollups (target >= 20,000 events/s) and the p95 of
# GET /api/gateway/usage/top over 1,000 tenants x 30 days of rollups (target <= 100 ms). Runs the usage-meter jar on
# a database of its own on the local PostgreSQL (usage_bench, dropped at the end) and on a nats-server of its own.
#   bench/usage.sh [events=400000] [queries=200]
set -euo pipefail

EVENTS="${1:-400000}"
QUERIES="${2:-200}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/usage-meter"
JAR="$MODULE/target/usage-meter-0.1.0-SNAPSHOT.jar"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/usage-$STAMP.md"

cd "$ROOT"
if [[ ! -f "$JAR" || ! -d "$MODULE/target/test-classes/dev/gateway/usage/bench" ]]; then
  mvn -B -q -pl usage-meter -am package -DskipTests -Dskip.npm
fi
mkdir -p "$ROOT/bench/results"
# the driver runs from the test classes with the shaded jar's libraries (jnats, nimbus, jackson, pgjdbc, contracts)
timeout 900 java -cp "$MODULE/target/test-classes:$JAR" dev.gateway.usage.bench.UsageBench \
  "$JAR" "$OUT" "$EVENTS" "$QUERIES"
rm -f "$OUT.log"
echo "results: $OUT"
