# Sourced by bench/gateway.sh: --drivers. Where the CPU of a tenant page read goes, per transaction, and what
# another driver or thread model would save. Measured: the gateway (GET /api/me and GET /api/projects, limiter off;
# the same gateway on GATEWAY_BENCH_PLATFORM_JAVA, by default the machine's /usr/bin/java, where a JDK before 21
# runs each request's blocking work on a platform thread of its own); DriverCost.java's clients doing the same transaction without
# HTTP (bench/gateway/drivers/: pgjdbc with the gateway's thread model, pgjdbc with a thread per connection, the
# Vert.x reactive client pipelining on an event loop); pgbench's page-batched script. All at CONNECTIONS callers
# over the gateway's pool size. For each: transactions a second, CPU µs per transaction of the client process (the
# gateway's JVM, DriverCost's JVM, pgbench) and of the whole machine, and the machine's context switches per
# transaction. Rounds alternate the order of DriverCost's clients.

# busy CPU ticks (user, nice, system, irq, softirq: not idle, iowait or what the hypervisor stole) and context
# switches of the machine so far
machine_counters() { awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8} $1 == "ctxt" {print $2}' /proc/stat | paste -sd' '; }
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# $1 label, $2 pid of the client process, $3 "machine counters before", $4 client ticks before, $5 transactions
costs_row() {
  local after ticks
  after="$(machine_counters)"
  ticks="$(process_ticks "$2")"
  awk -v l="$1" -v n="$5" -v d="$DURATION" -v b="$3" -v a="$after" -v t0="$4" -v t1="$ticks" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    printf "%s|%.0f|%.0f|%.0f|%.1f\n", l, n / d, (t1 - t0) * 1e4 / n, (y[1] - x[1]) * 1e4 / n, (y[2] - x[2]) / n }'
}

gateway_costs() { # $1 off (the bench's java) | on (the other java), $2 path, $3 round -> row
  local pid="${GATEWAY_PIDS[0]}" label="gateway GET $2" before ticks row
  [[ "$1" == on ]] && pid="${GATEWAY_PIDS[1]}" label="gateway GET $2, Java $OTHER_JAVA_VERSION"
  before="$(machine_counters)"
  ticks="$(process_ticks "$pid")"
  row="$(run_wrk "$label" "$(base_of "$1")$2" "${TOKEN[$1]}" "$DURATION")"
  costs_row "$label, round $3" "$pid" "$before" "$ticks" "$(awk -F'|' -v d="$DURATION" '{print $2 * d}' <<<"$row")"
}

pgbench_costs() { # $1 round -> row
  local before out TIMEFORMAT='cpu %U %S'
  before="$(machine_counters)"
  # pgbench's CPU from the shell's time: it exits before its /proc entry could be read
  out="$( { time pgbench_same_work pgbench "$DB" page-batched "$CONNECTIONS"; } 2>&1)"
  local tps cpu after
  tps="$(awk -F'|' '$1 == "pgbench" {print $2}' <<<"$out")"
  cpu="$(awk '/^cpu / {print $2 + $3}' <<<"$out")"
  after="$(machine_counters)"
  awk -v l="pgbench page-batched, round $1" -v tps="$tps" -v c="$cpu" -v d="$DURATION" -v b="$before" -v a="$after" 'BEGIN {
    split(b, x, " "); split(a, y, " "); n = tps * d
    printf "%s|%.0f|%.0f|%.0f|%.1f\n", l, tps, c * 1e6 / n, (y[1] - x[1]) * 1e4 / n, (y[2] - x[2]) / n }'
}

driver_costs() { # $1 model, $2 round -> row
  local out
  # its stderr is kept apart: HikariCP finds no SLF4J binding here and says so at every start
  out="$(java -Xms512m -Xmx512m -cp "$WORK/drivers:$(cat "$WORK/drivers.cp")" DriverCost "$1" "$DB" "$NAME" \
    "$CONNECTIONS" "$SHARED_POOL_SIZE" "$DURATION" 2>"$WORK/driver.err")" || { cat "$WORK/driver.err" >&2; exit 1; }
  awk -F'|' -v l="$1, round $2" '{print l "|" $2 "|" $3 "|" $4 "|" $5}' <<<"$out"
}

drivers_bench() {
  OUT="$ROOT/bench/results/gateway-drivers-$STAMP.md"
  mvn -B -q -f "$ROOT/bench/gateway/drivers/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/drivers.cp"
  javac -d "$WORK/drivers" -cp "$(cat "$WORK/drivers.cp")" "$ROOT/bench/gateway/drivers/DriverCost.java"
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  provision_tenant
  PROJECT="$(psql -Atq -d "$DB" -c "SET ROLE $NAME; SELECT id FROM $NAME.projects ORDER BY created_at, id LIMIT 1")"
  pgbench_scripts "$NAME" "$PROJECT"
  # the second gateway runs on another JDK: its directory goes first on the PATH that env searches for java
  local other_java="${GATEWAY_BENCH_PLATFORM_JAVA:-/usr/bin/java}"
  OTHER_JAVA_VERSION="$("$other_java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version =/ {print $2}')"
  start_gateway off GATEWAY_ACCESS_LOG=false
  start_gateway on GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_ACCESS_LOG=false PATH="$(dirname "$other_java"):$PATH"
  declare -A TOKEN
  local mode round model
  for mode in off on; do
    TOKEN[$mode]="$(login "$mode")"
    run_wrk warm-up "$(base_of "$mode")/api/me" "${TOKEN[$mode]}" 10 >/dev/null
    run_wrk warm-up "$(base_of "$mode")/api/projects" "${TOKEN[$mode]}" 30 >/dev/null
  done
  : >"$WORK/costs"
  for round in $(seq 1 "$ROUNDS"); do
    gateway_costs off /api/me "$round" >>"$WORK/costs"
    for mode in off on; do
      gateway_costs "$mode" /api/projects "$round" >>"$WORK/costs"
    done
    local models=(jdbc-shared jdbc-per-connection reactive)
    (( round % 2 == 0 )) && models=(reactive jdbc-per-connection jdbc-shared)
    for model in "${models[@]}"; do
      driver_costs "$model" "$round" >>"$WORK/costs"
    done
    pgbench_costs "$round" >>"$WORK/costs"
  done
  stop_gateways
  LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
  {
    echo "# Where a tenant page read's CPU goes, by client, $STAMP"
    echo
    echo "Machine: $(nproc) cores; load average before: $LOAD_BEFORE, after: $LOAD_AFTER."
    echo "Commit: $(git -C "$ROOT" rev-parse --short HEAD). Java: $(java -version 2>&1 | head -n1)."
    echo "$CONNECTIONS callers, ${DURATION}s per run, $ROUNDS rounds; pool of $SHARED_POOL_SIZE connections (the gateway's and"
    echo "DriverCost's; pgbench holds one per caller). The gateways run with the limiter and the access log off; the"
    echo "second runs on Java $OTHER_JAVA_VERSION ($other_java): before 21, each request's blocking work has a platform thread of its own."
    echo "Every row: the same tenant, the same transaction (scope, first page of 21 projects, commit, one round trip);"
    echo "the gateway's rows add HTTP, the token, tenant resolution and JSON. CPU per transaction: the client process"
    echo "(the gateway's JVM, DriverCost's JVM, pgbench) and the whole machine (client + PostgreSQL + wrk + the rest)."
    echo
    echo "| run | tx/s | client CPU µs/tx | machine CPU µs/tx | context switches/tx |"
    echo "|---|---:|---:|---:|---:|"
    awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$WORK/costs"
  } >"$OUT"
  cat "$OUT"
  echo "results: $OUT"
}
