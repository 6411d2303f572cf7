#!/usr/bin/env bash
# App-gateway benchmark (issue 6): authenticated GET /api/me and GET /api/projects with wrk at 64
# connections, with the rate limiter on (a plan far too big to 429) and off
# (GATEWAY_RATE_LIMIT_ENABLED=false), plus `pgbench -S` against the same PostgreSQL as a reference.
#
# Self-contained: it provisions its own tenant the way the provisioner + route-publisher would
# (NOLOGIN role tenant_<key> owning schema tenant_<key> in database app_gateway_bench, granted to
# gateway_app; the provisioner's tenant migrations applied as that role; a first admin; the Redis
# directory hash tenant:<key> + a PUBLISH on tenant-directory), so it needs only the local
# PostgreSQL (trust auth), Redis and the app-gateway jar. Everything it creates is dropped at exit.
# Loopback only; every wrk/pgbench run is bounded by DURATION.
#
# Beside each tenant API run, pgbench runs the identical transaction (bench/gateway/pgbench.sh) against
# the same tenant at the same concurrency, so the gateway's figure reads as a share of what the database
# itself allows. Two more modes (bench/gateway/tenants.sh): --tenants N (N tenants, 80 % schema and
# 20 % database isolation, Zipf-chosen per request) and --noisy (one tenant's slow requests beside 50
# tenants' normal mix); --metering (bench/gateway/metering.sh: usage metering on vs off); --drivers
# (bench/gateway/drivers.sh: CPU per transaction of the gateway, of other drivers and thread models, of pgbench).
# Every result file states the machine's load before and after.
#   bench/gateway.sh [duration_seconds=15] [connections=64] [--tenants N | --noisy | --metering | --drivers]
set -euo pipefail

MODE=single
TENANTS=0
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tenants) MODE=tenants TENANTS="${2:?--tenants needs a number}"; shift 2 ;;
    --noisy) MODE=noisy; shift ;;
    --metering) MODE=metering; shift ;;
    --drivers) MODE=drivers; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
DURATION="${ARGS[0]:-15}"
CONNECTIONS="${ARGS[1]:-64}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${GATEWAY_BENCH_JAR:-$ROOT/app-gateway/target/app-gateway-0.1.0-SNAPSHOT.jar}" # another build, to compare
MIGRATIONS="$ROOT/provisioner/src/main/resources/db/tenant"
PGBENCH="${PGBENCH:-$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -n1)}"
source "$ROOT/bench/lib/private-postgres.sh"
# --tenants needs more connections than the machine's PostgreSQL allows (max_connections 100; 200 database
# tenants with pools of their own): it starts a private server allowing 600, and a budget of 420 lets
# every pool stay open. Its data lives in memory (/dev/shm) where the machine has it: writing out 200 fresh
# databases, and removing them afterwards, kept this machine's disk busy for minutes, into the runs.
# GATEWAY_BENCH_PGPORT names another local PostgreSQL (trust auth) for any mode; the tenants' directory
# entries and the gateway's allowed pool servers follow it.
PRIVATE_PG=""
if [[ "$MODE" == tenants && -z "${GATEWAY_BENCH_PGPORT:-}" ]]; then
  PRIVATE_PG="$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)"
  chmod 755 "$PRIVATE_PG"
  GATEWAY_BENCH_PGPORT="$(free_port)"
  export GATEWAY_APP_DB_CONNECTION_BUDGET="${GATEWAY_APP_DB_CONNECTION_BUDGET:-420}"
fi
PRIVATE_PG_SETTINGS=(-c max_connections=600 -c shared_buffers=256MB)
PGHOST=127.0.0.1 PGPORT="${GATEWAY_BENCH_PGPORT:-5432}" PGUSER=postgres
export PGHOST PGPORT PGUSER
PORT="${GATEWAY_BENCH_PORT:-18680}" # limiter on; limiter off listens on PORT+1
MANAGEMENT_OFFSET=100                # each gateway's management port: its port + 100
DB=app_gateway_bench
PGBENCH_DB=app_gateway_pgbench
KEY="bench$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
NAME="tenant_$KEY"
PASSWORD="bench-password"
HASH='$2a$10$mQtkMacb4XGFKlRPs4bW9.H/Qh4N5TMhMszSnOlFNSom.HdCcQam.' # bcrypt of bench-password
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/gateway-$STAMP.md"
WORK="$(mktemp -d)"
GATEWAY_PIDS=()
ROUNDS="${GATEWAY_BENCH_ROUNDS:-3}"
SHARED_POOL_SIZE="${GATEWAY_APP_DB_POOL_SIZE:-10}"
# one tenant alone may use the whole shared pool (or GATEWAY_BENCH_PLAN_CONCURRENCY transactions at once),
# waiting for a place as long as for a connection; the many-tenant modes keep the defaults (4 places, 250 ms)
PLAN_LIMITS="bench=${GATEWAY_BENCH_PLAN_CONCURRENCY:-$SHARED_POOL_SIZE}/5s"
PLACE_WAIT=3s

source "$ROOT/bench/gateway/pgbench.sh"
source "$ROOT/bench/gateway/tenants.sh"
source "$ROOT/bench/gateway/metering.sh"
source "$ROOT/bench/gateway/drivers.sh"

for tool in wrk psql redis-cli curl java openssl; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
[[ -x "$PGBENCH" ]] || { echo "missing pgbench (postgresql-contrib)" >&2; exit 1; }
if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && mvn -B -q -pl app-gateway package -DskipTests)
fi

stop_gateways() {
  local pid
  for pid in "${GATEWAY_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  GATEWAY_PIDS=()
}

cleanup() {
  stop_gateways
  redis-cli -h 127.0.0.1 DEL "tenant:$KEY" "rl:$KEY" >/dev/null 2>&1 || true
  redis-cli -h 127.0.0.1 PUBLISH tenant-directory "$KEY" >/dev/null 2>&1 || true
  psql -q -d "$DB" -c "DROP SCHEMA IF EXISTS $NAME CASCADE" >/dev/null 2>&1 || true
  psql -q -d postgres -c "DROP ROLE IF EXISTS $NAME" >/dev/null 2>&1 || true
  if [[ -n "$PRIVATE_PG" ]]; then # the tenants' schemas, databases and roles go with it
    private_postgres_stop "$PRIVATE_PG/data"
    rm -rf "$PRIVATE_PG"
  fi
  drop_bench_tenants
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ -z "$PRIVATE_PG" ]] || private_postgres_start "$PRIVATE_PG/data" "$PGPORT" "${PRIVATE_PG_SETTINGS[@]}"
# the gateway's token signing key, so that the bench can sign tokens for many tenants without logging in
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null

provision_tenant() {
  psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DO \$\$ BEGIN CREATE ROLE gateway_app LOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END \$\$;
CREATE ROLE $NAME NOLOGIN;
GRANT $NAME TO gateway_app;
SQL
  if [[ -z "$(psql -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" -d postgres)" ]]; then
    psql -q -d postgres -c "CREATE DATABASE $DB"
    psql -q -d postgres -c "REVOKE ALL ON DATABASE $DB FROM PUBLIC"
  fi
  psql -q -d postgres -c "GRANT CONNECT ON DATABASE $DB TO gateway_app"
  psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA $NAME AUTHORIZATION $NAME;
REVOKE ALL ON SCHEMA $NAME FROM PUBLIC;
SQL
  # the provisioner runs these with Flyway; plain psql in version order is equivalent for a bench
  for migration in $(ls "$MIGRATIONS"/V*__*.sql | sort -V); do
    { echo "SET ROLE $NAME; SET search_path = $NAME;"; cat "$migration"; } | psql -q -v ON_ERROR_STOP=1 -d "$DB"
  done
  psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
SET ROLE $NAME; SET search_path = $NAME;
INSERT INTO users (id, email, name, password_hash, role)
  VALUES (gen_random_uuid(), 'admin@$KEY.bench', 'Bench admin', '$HASH', 'admin');
INSERT INTO projects (id, name, description)
  SELECT gen_random_uuid(), 'project ' || n, 'bench project' FROM generate_series(1, 50) n;
SQL
  redis-cli -h 127.0.0.1 HSET "tenant:$KEY" status ready company_name "Bench $KEY" plan bench \
    rate_per_second 1000000 burst 1000000 max_users 100 features projects,tasks isolation schema \
    pool_host 127.0.0.1 pool_port "$PGPORT" db_name "$DB" schema_name "$NAME" role "$NAME" revision 1 >/dev/null
  redis-cli -h 127.0.0.1 PUBLISH tenant-directory "$KEY" >/dev/null
  checkpoint
}

start_gateway() { # $1 = limiter on|off; port $PORT (on) or $PORT+1 (off); then NAME=value for its environment
  local enabled=true port="$PORT"
  [[ "$1" == off ]] && enabled=false && port=$((PORT + 1))
  for taken in "$port" $((port + MANAGEMENT_OFFSET)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$taken") 2>/dev/null; then
      echo "port $taken is in use; set GATEWAY_BENCH_PORT" >&2
      exit 1
    fi
  done
  GATEWAY_APP_PORT="$port" GATEWAY_APP_MANAGEMENT_PORT=$((port + MANAGEMENT_OFFSET)) GATEWAY_HOME="$WORK/home" \
    GATEWAY_RATE_LIMIT_ENABLED="$enabled" GATEWAY_APP_JWT_KEY="$WORK/key.pem" GATEWAY_APP_USER_RECHECK=30s \
    GATEWAY_POOL_SERVERS="127.0.0.1:$PGPORT" \
    env GATEWAY_APP_DB_PLAN_LIMITS="$PLAN_LIMITS" GATEWAY_APP_DB_TENANT_MAX_WAIT="$PLACE_WAIT" "${@:2}" java -Xms512m -Xmx512m ${GATEWAY_BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/gateway-$1.log" 2>&1 &
  GATEWAY_PIDS+=($!)
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      await_startup_pass "$WORK/gateway-$1.log" >"$WORK/startup-pass-$1"
      return 0
    fi
    kill -0 "$!" 2>/dev/null || { cat "$WORK/gateway-$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "app-gateway did not become healthy" >&2
  exit 1
}

# Once healthy, a gateway relays every tenant's outbox in the directory (for rows whose pending mark Redis lost),
# opening database tenants' pools as it goes: measured alongside, it would take CPU and pool places from the runs.
await_startup_pass() { # $1 gateway log -> the pass's seconds after health and its log line
  local started=$SECONDS
  for _ in $(seq 1 600); do
    if grep -q 'startup outbox pass' "$1"; then
      echo "$((SECONDS - started)) s: $(grep -o 'startup outbox pass.*' "$1" | head -n1)"
      return 0
    fi
    sleep 0.5
  done
  echo "not over after 300 s"
}

# PostgreSQL writes out what provisioning dirtied now, so that the runs do not pay for it in checkpoint I/O
checkpoint() { psql -q -d postgres -c CHECKPOINT; }

# the median of numbers given one a line (the lower middle one of an even count)
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# seconds of CPU the Redis server has used (user + system)
redis_cpu() { redis-cli -h 127.0.0.1 INFO cpu | tr -d '\r' | awk -F: '/^used_cpu_(user|sys):/ {t += $2} END {print t}'; }

base_of() { [[ "$1" == on ]] && echo "http://127.0.0.1:$PORT" || echo "http://127.0.0.1:$((PORT + 1))"; }

login() { # $1 = on|off
  curl -fsS -H "X-Tenant-ID: $KEY" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@$KEY.bench\",\"password\":\"$PASSWORD\"}" "$(base_of "$1")/api/auth/token" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

warm_up_gateways() { # both gateways: a token each in TOKEN[on|off], then 10 s of /api/me and 5 s of /api/projects
  local mode
  for mode in on off; do
    TOKEN[$mode]="$(login "$mode")"
    run_wrk "warm-up $mode" "$(base_of "$mode")/api/me" "${TOKEN[$mode]}" 10 >/dev/null
    run_wrk "warm-up $mode" "$(base_of "$mode")/api/projects" "${TOKEN[$mode]}" 5 >/dev/null
  done
}

run_wrk() { # $1 label, $2 url, $3 token, $4 seconds[, $5 wrk script] -> "label|req/s|p50|p99|non-2xx"
  local out script=()
  [[ -n "${5:-}" ]] && script=(-s "$5")
  out="$(wrk -t2 -c"$CONNECTIONS" -d"$4s" --timeout 5s --latency "${script[@]}" -H "Authorization: Bearer $3" "$2")"
  printf '== %s\n%s\n' "$1" "$out" >>"$WORK/wrk.txt"
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$1|$rps|$p50|$p99|${errors:-0}"
}

pgbench_reference() {
  if [[ -z "$(psql -Atc "SELECT 1 FROM pg_database WHERE datname = '$PGBENCH_DB'" -d postgres)" ]]; then
    psql -q -d postgres -c "CREATE DATABASE $PGBENCH_DB"
    "$PGBENCH" -q -i -s 1 "$PGBENCH_DB" >/dev/null 2>&1
  fi
  # 16 clients, not 64: the shared PostgreSQL also serves the other services (max_connections 100)
  "$PGBENCH" -S -n -c 16 -j 2 -T "$DURATION" "$PGBENCH_DB" 2>&1 | tee "$WORK/pgbench.txt" >/dev/null
}

mkdir -p "$ROOT/bench/results"
[[ "$MODE" == tenants ]] && { PLAN_LIMITS="" PLACE_WAIT=250ms; tenants_bench "$TENANTS"; exit 0; }
[[ "$MODE" == noisy ]] && { PLAN_LIMITS="" PLACE_WAIT=250ms; noisy_bench; exit 0; }
[[ "$MODE" == metering ]] && { metering_bench; exit 0; }
[[ "$MODE" == drivers ]] && { drivers_bench; exit 0; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
provision_tenant
PROJECT="$(psql -Atq -d "$DB" -c "SET ROLE $NAME; SELECT id FROM $NAME.projects ORDER BY created_at, id LIMIT 1")"
pgbench_scripts "$NAME" "$PROJECT"
start_gateway on
start_gateway off
declare -A TOKEN
warm_up_gateways
curl -fsS -H "Authorization: Bearer ${TOKEN[on]}" -D - -o /dev/null "$(base_of on)/api/me" | tr -d '\r' |
  grep -i '^ratelimit' >"$WORK/headers-on" || true
# the machine is shared: alternate the configurations and report the median of the rounds
: >"$WORK/runs"
for round in $(seq 1 "$ROUNDS"); do
  for path in /api/me /api/projects "/api/projects/$PROJECT/tasks"; do
    for mode in on off; do
      cpu_before="$(redis_cpu)"
      if [[ "$path" == */tasks ]]; then
        run_wrk "POST /api/projects/{id}/tasks, limiter $mode" "$(base_of "$mode")$path" "${TOKEN[$mode]}" "$DURATION" \
          "$ROOT/bench/gateway/post-task.lua" >>"$WORK/runs"
      else
        run_wrk "GET $path, limiter $mode" "$(base_of "$mode")$path" "${TOKEN[$mode]}" "$DURATION" >>"$WORK/runs"
      fi
      echo "$mode $(awk -v a="$cpu_before" -v b="$(redis_cpu)" 'BEGIN { print b - a }')" >>"$WORK/redis-cpu"
    done
  done
done
BATCHES="$(curl -fsS "http://127.0.0.1:$((PORT + MANAGEMENT_OFFSET))/prometheus" | awk '
  /^gateway_ratelimit_batch_size_count/ {calls = $2} /^gateway_ratelimit_batch_size_sum/ {requests = $2}
  END { if (calls > 0) printf "%.0f requests in %.0f script calls, %.2f requests per call", requests, calls, requests / calls }')"
REDIS_CPU="$(awk -v d="$DURATION" '{cpu[$1] += $2; runs[$1]++}
  END { for (m in cpu) printf "limiter %s %.0f %% of a core; ", m, 100 * cpu[m] / (runs[m] * d) }' "$WORK/redis-cpu")"
stop_gateways
pgbench_reference
# the same transactions as the gateway's, same tenant: at the HTTP concurrency and at the gateway's pool size
: >"$WORK/same"
for script in page-per-statement page-batched task-per-statement task-batched; do
  for clients in "$CONNECTIONS" "$SHARED_POOL_SIZE"; do
    pgbench_same_work "$script, $clients clients" "$DB" "$script" "$clients" >>"$WORK/same"
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
# median round (by req/s) per configuration
: >"$WORK/rows"
for label in "GET /api/me, limiter on" "GET /api/me, limiter off" "GET /api/projects, limiter on" \
  "GET /api/projects, limiter off" "POST /api/projects/{id}/tasks, limiter on" "POST /api/projects/{id}/tasks, limiter off"; do
  awk -F'|' -v l="$label" '$1 == l' "$WORK/runs" | sort -t'|' -k2 -n | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2)' >>"$WORK/rows"
done

# limiter cost per round (1 - on/off of the runs made back to back), median over the rounds
cost() { awk -F'|' -v on="$1, limiter on" -v off="$1, limiter off" '
  $1 == on {a[++n] = $2} $1 == off {b[++m] = $2}
  END { for (i = 1; i <= n; i++) c[i] = (1 - a[i] / b[i]) * 100
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
        if (n > 0) printf "%.1f %%", c[int((n + 1) / 2)]; else print "n/a" }' "$WORK/runs"; }
share() { # $1 gateway row label, $2 page|task -> "x req/s = y % of z tps"
  local gw pg
  gw="$(awk -F'|' -v l="$1" '$1 == l {print $2}' "$WORK/rows")"
  pg="$(awk -F'|' -v p="$2-" -v c=", $CONNECTIONS clients" 'index($1, p) == 1 && index($1, c) {if ($2 > best) best = $2} END {print best}' "$WORK/same")"
  awk -v g="$gw" -v p="$pg" 'BEGIN { if (p > 0) printf "%.0f req/s = %.0f %% of %.0f tps", g, 100 * g / p, p; else print "n/a" }'
}
PG_TPS="$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.txt")"
PG_LAT="$(awk '/latency average/ {print $4 " " $5}' "$WORK/pgbench.txt")"

{
  echo "# app-gateway benchmark, $STAMP"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
    "load average before: $LOAD_BEFORE, after: $LOAD_AFTER (the machine is shared with other builds)."
  echo "Commit: $(git -C "$ROOT" rev-parse --short HEAD), jar $JAR. Java: $(java -version 2>&1 | head -n1)."
  echo "wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s per run after a 10 s + 5 s warm-up, loopback."
  echo "Two gateways run side by side (limiter on / off); the runs alternate over $ROUNDS rounds and the table"
  echo "shows the median round by req/s (all rounds below). Each request carries an RS256 bearer token (iss app-gateway) and goes through tenant resolution,"
  echo "the directory cache, the lifecycle gate and (limiter on) the GCRA limiter: every request counted by the script in Redis,"
  echo "concurrent requests sharing one EVALSHA, admitted before Redis answers while the bucket is more than 90 % full."
  echo "/api/projects runs one tenant transaction (SET LOCAL ROLE + search_path + statement_timeout, keyset page of 20 of 50 rows);"
  echo "POST /api/projects/{id}/tasks one more (the project's existence, then the insert). The bench plan may use the whole pool ($PLAN_LIMITS, wait $PLACE_WAIT)."
  echo "Limiter off = GATEWAY_RATE_LIMIT_ENABLED=false; limiter on = plan rate 1,000,000/s (never 429)."
  echo "Access log on (async appender, to a file). Heap 512 MB, 2 request event loops (GATEWAY_APP_EVENT_LOOPS)."
  echo
  echo "| run | req/s | p50 | p99 | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
  awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$WORK/rows"
  echo
  echo "Limiter cost (throughput lost with the limiter on, median of the rounds' back-to-back pairs): /api/me $(cost "GET /api/me"), /api/projects $(cost "GET /api/projects")."
  echo
  echo "Targets (issue 6): /api/me >= 8,000 req/s and p99 <= 15 ms; limiter cost <= 10 %."
  echo
  echo "Same work in pgbench (bench/gateway/pgbench.sh: the gateway's transaction, same tenant, as gateway_app;"
  echo "per-statement = one round trip per statement, batched = BEGIN and the SET LOCALs sent with the first statement):"
  echo
  echo "| pgbench | tps | latency avg |"
  echo "|---|---:|---:|"
  awk -F'|' '{printf "| %s | %s | %s |\n", $1, $2, $3}' "$WORK/same"
  echo
  echo "Gateway / pgbench at $CONNECTIONS connections (median gateway round, limiter off; the best pgbench shape):"
  echo "GET /api/projects $(share "GET /api/projects, limiter off" page); POST tasks $(share "POST /api/projects/{id}/tasks, limiter off" task)."
  echo
  echo "Targets (issue 16): GET /api/projects >= 70 % of pgbench, >= 8,000 req/s, p99 <= 25 ms at 64 connections."
  echo
  echo "Reference, same PostgreSQL: \`pgbench -S -c 16 -j 2 -T $DURATION\` (scale 1): $PG_TPS tps, latency average $PG_LAT."
  echo
  echo "Headers on a limited response (limiter on): $(tr '\n' ' ' <"$WORK/headers-on")"
  echo
  echo "Limiter batching (gateway_ratelimit_batch_size): $BATCHES."
  echo "Redis server CPU during the runs: $REDIS_CPU"

  echo
  echo "All rounds:"
  echo
  echo "| run | req/s | p50 | p99 | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
  awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$WORK/runs"
  echo
  raw_output "$WORK/wrk.txt" "$WORK/pgbench-same.txt"
} >"$OUT"
sed -n '1,/^Headers/p' "$OUT"
echo "results: $OUT"
