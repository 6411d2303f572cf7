#!/usr/bin/env bash
# Route-publisher benchmark: event -> Redis keys latency (p50/p99) and the cost of a full reconcile.
# Starts the route-publisher jar against a loopback stub of the registry's tenant API, publishes
# tenant.ready events to the local NATS and watches the local Redis. Everything it writes lives under
# its own Traefik root and tenant-key prefix and is deleted at the end.
#   bench/routes.sh [events=500] [burst=200] [reconcile_tenants=10000]
set -euo pipefail

EVENTS="${1:-500}"
BURST="${2:-200}"
TENANTS="${3:-10000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/route-publisher"
JAR="$MODULE/target/route-publisher-0.1.0-SNAPSHOT.jar"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/routes-$STAMP.md"

cd "$ROOT"
if [[ ! -f "$JAR" || ! -d "$MODULE/target/test-classes/dev/gateway/routes/bench" ]]; then
  mvn -B -q -pl route-publisher package -DskipTests
  mvn -B -q -pl route-publisher test-compile
fi
mkdir -p "$ROOT/bench/results"
# the driver runs from the test classes with the shaded jar's libraries (jnats, lettuce, jackson, contracts)
timeout 600 java -cp "$MODULE/target/test-classes:$JAR" dev.gateway.routes.bench.RoutesBench \
  "$JAR" "$OUT" "$EVENTS" "$BURST" "$TENANTS"
rm -f "$OUT.log"
echo "results: $OUT"
