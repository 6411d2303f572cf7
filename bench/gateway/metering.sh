# Sourced by bench/gateway.sh: --metering. The cost of counting every request for usage on the hot path: two
# gateways, limiter off in both (the fastest path, where a cost shows most), one with GATEWAY_USAGE_METERING=true
# (per-tenant counters, usage.requests published every 10 s to the machine's NATS) and one with it false. The
# pair is started afresh every round (a JVM's compiled code differs from one start to the next by more than the
# cost sought) and the order alternates; the cost is the median over the rounds of 1 - on/off, per path.

metering_bench() {
  OUT="$ROOT/bench/results/gateway-metering-$STAMP.md"
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  local since order mode round path counted
  since="$(date +%s)"
  provision_tenant
  declare -A TOKEN
  : >"$WORK/runs"
  for round in $(seq 1 "$ROUNDS"); do
    order="on off"
    (( round % 2 == 0 )) && order="off on"
    for mode in $order; do
      if [[ "$mode" == on ]]; then
        start_gateway on GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_USAGE_METERING=true
      else
        start_gateway off GATEWAY_USAGE_METERING=false
      fi
    done
    warm_up_gateways
    for path in /api/me /api/projects; do
      for mode in $order; do
        run_wrk "GET $path, metering $mode, round $round" "$(base_of "$mode")$path" "${TOKEN[$mode]}" "$DURATION" >>"$WORK/runs"
      done
    done
    stop_gateways # the metering gateway publishes its last, partial window as it stops
  done
  counted="$(java -cp "$JAR" "$ROOT/bench/gateway/UsageCount.java" "${GATEWAY_NATS_URL:-nats://127.0.0.1:4222}" "$KEY" "$since")"
  LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
  metering_cost() { # $1 path -> median over the rounds of (1 - on/off) in %
    awk -F'|' -v on="GET $1, metering on," -v off="GET $1, metering off," '
      index($1, on) == 1 {a[++n] = $2} index($1, off) == 1 {b[++m] = $2}
      END { for (i = 1; i <= n; i++) c[i] = (1 - a[i] / b[i]) * 100
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
            printf "%.1f %%", c[int((n + 1) / 2)] }' "$WORK/runs"
  }
  {
    echo "# app-gateway benchmark, usage metering on vs off, $STAMP"
    echo
    echo "Machine: $(nproc) cores; load average before: $LOAD_BEFORE, after: $LOAD_AFTER."
    echo "Commit: $(git -C "$ROOT" rev-parse --short HEAD). wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s per run, loopback."
    echo "Two gateways, limiter off in both; metering on = GATEWAY_USAGE_METERING=true (per-tenant counters on the hot path,"
    echo "usage.requests every 10 s), off = false. $ROUNDS rounds, each with both gateways started afresh and warmed up, the order"
    echo "of the two alternating from round to round."
    echo
    table run req/s p50 p99 non-2xx <"$WORK/runs"
    echo
    echo "Metering cost (throughput lost with metering on, median of the rounds' back-to-back pairs; target <= 3 %):"
    echo "GET /api/me $(metering_cost /api/me), GET /api/projects $(metering_cost /api/projects)."
    echo "A negative cost is noise: metering on was the faster of the pair."
    echo
    echo "Requests the metering gateway's usage.requests events counted for the tenant (stream USAGE, from the bench's start): $counted."
    echo
    raw_output "$WORK/wrk.txt"
  } >"$OUT"
  cat "$OUT"
}
