#!/usr/bin/env bash
# Login flood against one tenant: while wrong logins naming tenant "acme" arrive at FLOOD_RATE/s, acme's
# own users work at about 20 authenticated requests/s (inside its starter plan of 50/s, burst 100) and a
# second tenant ("big", a plan it never reaches) runs GET /api/me closed-loop at 16 connections, which
# measures what the gateway still serves. Three phases per gateway build: no flood; a flood from one
# address naming acme's admin; a flood spread over random addresses (X-Forwarded-For from the trusted
# proxy 127.0.0.1) and random emails, which no per-address or per-account rule stops.
#
# Self-contained and private: its own PostgreSQL (initdb, as user postgres when run as root) and Redis on
# free ports under a temp dir, tenants provisioned there as the provisioner would (role tenant_<key>
# owning schema tenant_<key>, the provisioner's tenant migrations applied as that role, a first admin),
# the directory written as the route-publisher would; the gateway jar(s) on free ports. Nothing of the
# machine's own PostgreSQL/Redis/NATS or the platform's default ports is touched. Everything is removed
# at exit.
#   bench/login-flood.sh [duration_seconds=20] [flood_rate=1000]
#   GATEWAY_BENCH_BEFORE_JAR=<jar>  also measure another build first (e.g. the gateway before the throttle)
set -euo pipefail

DURATION="${1:-20}"
FLOOD_RATE="${2:-1000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/app-gateway/target/app-gateway-0.1.0-SNAPSHOT.jar"
BEFORE_JAR="${GATEWAY_BENCH_BEFORE_JAR:-}"
MIGRATIONS="$ROOT/provisioner/src/main/resources/db/tenant"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/login-flood-$STAMP.md"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
DB=app_gateway_bench
PASSWORD="bench-password"
HASH='$2a$10$mQtkMacb4XGFKlRPs4bW9.H/Qh4N5TMhMszSnOlFNSom.HdCcQam.' # bcrypt of bench-password
FLOOD_CONNECTIONS=200
GATEWAY_PID=""
REDIS_PID=""

for tool in wrk psql redis-server redis-cli curl java; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && mvn -B -q -pl app-gateway -am package -DskipTests)
fi

source "$ROOT/bench/lib/private-postgres.sh"
PG_PORT="$(free_port)"
REDIS_PORT="$(free_port)"
APP_PORT="$(free_port)"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)

stop_gateway() {
  if [[ -n "$GATEWAY_PID" ]]; then
    kill "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
    GATEWAY_PID=""
  fi
}

cleanup() {
  stop_gateway
  [[ -n "$REDIS_PID" ]] && { kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; }
  private_postgres_stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT

start_stores() {
  private_postgres_start "$WORK/pg" "$PG_PORT" -c max_connections=60
  mkdir -p "$WORK/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK/redis" \
    >"$WORK/redis/log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" PING >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "private redis-server did not start" >&2
  exit 1
}

provision() { # $1 key, $2 rate/s, $3 burst
  local key="$1" name="tenant_$1"
  "${PSQL[@]}" -d postgres -c "CREATE ROLE $name NOLOGIN; GRANT $name TO gateway_app;"
  "${PSQL[@]}" -d "$DB" -c "CREATE SCHEMA $name AUTHORIZATION $name; REVOKE ALL ON SCHEMA $name FROM PUBLIC;"
  for migration in $(ls "$MIGRATIONS"/V*__*.sql | sort -V); do
    { echo "SET ROLE $name; SET search_path = $name;"; cat "$migration"; } | "${PSQL[@]}" -d "$DB"
  done
  "${PSQL[@]}" -d "$DB" -c "SET ROLE $name; SET search_path = $name;
    INSERT INTO users (id, email, name, password_hash, role)
      VALUES (gen_random_uuid(), 'admin@$key.bench', 'Bench admin', '$HASH', 'admin');"
  redis-cli -p "$REDIS_PORT" HSET "tenant:$key" status ready company_name "Bench $key" plan bench \
    rate_per_second "$2" burst "$3" max_users 100 features projects,tasks isolation schema \
    pool_host 127.0.0.1 pool_port "$PG_PORT" db_name "$DB" schema_name "$name" role "$name" revision 1 >/dev/null
}

provision_all() {
  "${PSQL[@]}" -d postgres -c "CREATE ROLE gateway_app LOGIN NOINHERIT"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
  "${PSQL[@]}" -d postgres -c "REVOKE ALL ON DATABASE $DB FROM PUBLIC; GRANT CONNECT ON DATABASE $DB TO gateway_app"
  "${PSQL[@]}" -d "$DB" -c "REVOKE ALL ON SCHEMA public FROM PUBLIC;"
  provision acme 50 100
  provision big 1000000 1000000
}

start_gateway() { # $1 jar, $2 label
  GATEWAY_APP_PORT="$APP_PORT" GATEWAY_HOME="$WORK/home" GATEWAY_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
    GATEWAY_DEFAULT_POOL_HOST="127.0.0.1:$PG_PORT" GATEWAY_POOL_SERVERS="127.0.0.1:$PG_PORT" \
    GATEWAY_TRUSTED_PROXIES=127.0.0.1 \
    java -Xms512m -Xmx512m -jar "$1" >"$WORK/gateway-$2.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1 && return 0
    kill -0 "$GATEWAY_PID" 2>/dev/null || { cat "$WORK/gateway-$2.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "app-gateway did not become healthy" >&2
  exit 1
}

login() { # $1 tenant key
  curl -fsS -H "X-Tenant-ID: $1" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@$1.bench\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$APP_PORT/api/auth/token" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

write_scripts() {
  # status counts of every thread, printed by done()
  cat >"$WORK/statuses.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("status %d %d\n", code, n)) end
end
LUA
  { cat "$WORK/statuses.lua"; echo 'function delay() return 100 end'; } >"$WORK/users.lua"
  { cat "$WORK/statuses.lua"; cat <<LUA; } >"$WORK/flood-single.lua"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Tenant-ID"] = "acme"
wrk.body = '{"email":"admin@acme.bench","password":"wrong-password"}'
function delay() return $((FLOOD_CONNECTIONS * 1000 / FLOOD_RATE)) end
LUA
  { cat "$WORK/statuses.lua"; cat <<LUA; } >"$WORK/flood-spread.lua"
math.randomseed(os.time())
function request()
  local address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local body = string.format('{"email":"user%d@acme.bench","password":"wrong-password"}', math.random(1, 1000000))
  return wrk.format("POST", "/api/auth/token", {["Content-Type"] = "application/json", ["X-Tenant-ID"] = "acme",
    ["X-Forwarded-For"] = address}, body)
end
function delay() return $((FLOOD_CONNECTIONS * 1000 / FLOOD_RATE)) end
LUA
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"; }

# one wrk run -> "req/s|p50|p99|status counts"
summary() {
  local out="$1" rps p50 p99 codes
  rps="$(awk '/^Requests\/sec/ {print $2}' "$out")"
  p50="$(awk '$1 == "50%" {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  codes="$(awk '/^status / {printf "%s%s x %s", sep, $3, $2; sep = ", "}' "$out")"
  echo "$rps|$p50|$p99|$codes"
}

phase() { # $1 build label, $2 flood: none|single|spread
  local tag="$1-$2" base="http://127.0.0.1:$APP_PORT" ticks_before flood_pid=""
  ticks_before="$(cpu_ticks)"
  if [[ "$2" != none ]]; then
    wrk -t1 -c"$FLOOD_CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$WORK/flood-$2.lua" \
      "$base/api/auth/token" >"$WORK/$tag-flood.txt" 2>&1 &
    flood_pid=$!
  fi
  wrk -t1 -c2 -d"${DURATION}s" --timeout 10s --latency -s "$WORK/users.lua" -H "Authorization: Bearer $ACME" \
    "$base/api/me" >"$WORK/$tag-users.txt" 2>&1 &
  local users_pid=$!
  wrk -t1 -c16 -d"${DURATION}s" --timeout 10s --latency -s "$WORK/statuses.lua" -H "Authorization: Bearer $BIG" \
    "$base/api/me" >"$WORK/$tag-big.txt" 2>&1
  wait "$users_pid"
  [[ -n "$flood_pid" ]] && wait "$flood_pid"
  local cpu
  cpu="$(awk -v a="$ticks_before" -v b="$(cpu_ticks)" -v hz="$(getconf CLK_TCK)" -v d="$DURATION" \
    'BEGIN { printf "%.0f %%", 100 * (b - a) / hz / d }')"
  {
    printf '%s|%s|%s|' "$1" "$2" "$cpu"
    summary "$WORK/$tag-users.txt" | tr '\n' '|'
    summary "$WORK/$tag-big.txt" | tr '\n' '|'
    if [[ -n "$flood_pid" ]]; then summary "$WORK/$tag-flood.txt"; else echo "-|-|-|-"; fi
  } >>"$WORK/rows"
  for f in users big flood; do
    [[ -f "$WORK/$tag-$f.txt" ]] && printf '== %s %s\n%s\n' "$tag" "$f" "$(cat "$WORK/$tag-$f.txt")" >>"$WORK/raw.txt"
  done
  return 0
}

measure() { # $1 jar, $2 label
  redis-cli -p "$REDIS_PORT" --scan --pattern 'login:*' | xargs -r redis-cli -p "$REDIS_PORT" DEL >/dev/null
  redis-cli -p "$REDIS_PORT" DEL rl:acme rl:big >/dev/null
  start_gateway "$1" "$2"
  ACME="$(login acme)"
  BIG="$(login big)"
  wrk -t1 -c16 -d10s -H "Authorization: Bearer $BIG" "http://127.0.0.1:$APP_PORT/api/me" >/dev/null # warm-up
  for flood in none single spread; do
    phase "$2" "$flood"
    sleep 2 # let the plan bucket refill and the flood's sockets close before the next phase
  done
  stop_gateway
}

mkdir -p "$ROOT/bench/results"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
start_stores
provision_all
write_scripts
: >"$WORK/rows"
[[ -n "$BEFORE_JAR" ]] && measure "$BEFORE_JAR" before
measure "$JAR" after
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# Login flood, $STAMP"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
    "load average before: $LOAD_BEFORE, after: $LOAD_AFTER (the machine is shared with other builds)."
  echo "Commit: $(git -C "$ROOT" rev-parse --short HEAD)${BEFORE_JAR:+; before = $BEFORE_JAR}. Java: $(java -version 2>&1 | head -n1)."
  echo "Private PostgreSQL and Redis on free ports; one gateway (heap 512 MB, 2 event loops, access log on), ${DURATION}s per phase."
  echo "acme: starter plan, 50/s, burst 100; its users: 2 connections, one GET /api/me per 100 ms each (~20/s)."
  echo "big: plan never reached; GET /api/me closed-loop, 16 connections (what the gateway still serves)."
  echo "Flood: wrong logins naming acme, offered at up to $FLOOD_RATE/s ($FLOOD_CONNECTIONS connections, $((FLOOD_CONNECTIONS * 1000 / FLOOD_RATE)) ms apart);"
  echo "single = one client address, acme's admin email; spread = a random address (X-Forwarded-For from the trusted"
  echo "proxy 127.0.0.1) and a random email per request. Gateway CPU = process CPU time / wall time (200 % = both cores)."
  echo
  echo "| build | flood | gateway CPU | acme users req/s | p50 | p99 | statuses | big req/s | p50 | p99 | statuses | flood req/s | p50 | p99 | statuses |"
  echo "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---|"
  awk -F'|' '{printf "| %s |", $1; for (i = 2; i <= 15; i++) printf " %s |", $i; print ""}' "$WORK/rows"
  echo
  echo "<details><summary>raw wrk output</summary>"
  echo
  echo '```'
  cat "$WORK/raw.txt"
  echo '```'
  echo "</details>"
} >"$OUT"
sed -n '1,/^<details>/p' "$OUT" | head -n -1
echo "results: $OUT"
