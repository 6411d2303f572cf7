#!/usr/bin/env bash
# Provisioning benchmark: N tenants created through the admin API of the running platform
# (registry :8081 -> NATS -> provisioner :8082), per isolation mode; prints p50/p95/p99 create->ready
# (registry timestamps created_at -> ready_at), the total time, `migrate --all` with one new
# migration and up to date, and beside it the raw cost: the same DDL run directly with psql for the
# same N. Bench tenants and raw objects are deleted at the end.
# Then the latency of single creates: M more tenants (default 20), each created once the previous one
# is ready, so no queue stands in front of it.
#   bench/provision.sh [N=200] [--large (N=1000)] [--modes "schema database"] [--latency M]
# Needs: `bin/gateway up` (registry + provisioner healthy), psql, python3, curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=200
MODES="schema database"
LATENCY_N=20
while [ $# -gt 0 ]; do
  case "$1" in
    --large) N=1000 ;;
    --modes) MODES="$2"; shift ;;
    --latency) LATENCY_N="$2"; shift ;;
    [0-9]*) N="$1" ;;
    *) echo "usage: bench/provision.sh [N] [--large] [--modes \"schema database\"] [--latency M]" >&2; exit 2 ;;
  esac
  shift
done

GATEWAY_HOME="${GATEWAY_HOME:-$ROOT/.gateway}"
REGISTRY="${GATEWAY_REGISTRY_URL:-http://127.0.0.1:8081}"
PROVISIONER="${GATEWAY_PROVISIONER_URL:-http://127.0.0.1:8082}"
ADMIN_USER="${GATEWAY_ADMIN_USER:-admin}"
ADMIN_PASSWORD="${GATEWAY_ADMIN_PASSWORD:-$(cat "$GATEWAY_HOME/admin-password" 2>/dev/null || true)}"
PG_HOST="${GATEWAY_BENCH_PG_HOST:-127.0.0.1}"
PG_PORT="${GATEWAY_BENCH_PG_PORT:-5432}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres)
export PGOPTIONS="-c client_min_messages=warning"  # no NOTICE per dropped raw table
JAR="$ROOT/provisioner/target/provisioner-0.1.0-SNAPSHOT.jar"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN="$(date -u +%H%M%S)"
OUT="$ROOT/bench/results/provision-$STAMP.md"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

die() { echo "bench/provision: $*" >&2; exit 1; }
for url in "$REGISTRY" "$PROVISIONER"; do
  curl -sf -m 5 "$url/health" >/dev/null || die "$url/health is not answering; start the platform with bin/gateway up"
done
[ -n "$ADMIN_PASSWORD" ] || die "no admin password: set GATEWAY_ADMIN_PASSWORD or create $GATEWAY_HOME/admin-password"
[ -f "$JAR" ] || die "missing $JAR (mvn -pl provisioner package)"
command -v python3 >/dev/null || die "python3 is required"

TOKEN="$(curl -sf -m 10 -H 'Content-Type: application/json' \
  -d "$(printf '{"username":"%s","password":"%s"}' "$ADMIN_USER" "$ADMIN_PASSWORD")" \
  "$REGISTRY/api/gateway/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')" \
  || die "login as $ADMIN_USER failed"
export TOKEN REGISTRY

# Creates N tenants on a fresh pool of the given isolation, waits for each to be ready (or failed),
# prints a JSON summary of create->ready latencies; optionally deletes them.
driver() { python3 - "$@" <<'PY'
import json, os, sys, time, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

action, mode, n, prefix = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
one_at_a_time = len(sys.argv) > 5 and sys.argv[5] == "one-at-a-time"
registry, token = os.environ["REGISTRY"], os.environ["TOKEN"]

def call(method, path, body=None, ok=(200, 201, 202, 204)):
    req = urllib.request.Request(registry + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    for attempt in range(5):
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                raw = r.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            if e.code in ok:
                return None
            if e.code >= 500 or e.code == 429:
                time.sleep(0.2 * (attempt + 1)); continue
            raise SystemExit(f"{method} {path} -> {e.code}: {e.read().decode()[:300]}")
    raise SystemExit(f"{method} {path} kept failing")

def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()

keys = [f"{prefix}-{i}" for i in range(n)]
if action == "create":
    pool = call("POST", "/api/gateway/pools", {"name": f"bench-{prefix}", "host": os.environ.get("PG_HOST", "127.0.0.1"),
               "port": int(os.environ.get("PG_PORT", "5432")), "isolation": mode, "max_tenants": 100000,
               "database": "gateway_tenants" if mode == "schema" else "postgres"})
    create = lambda k: call("POST", "/api/gateway/tenants", {"key": k, "company_name": "Bench " + k,
                                 "pool_id": pool["id"], "admin_email": "admin@" + k + ".example"})
    started = time.time()
    if one_at_a_time:
        for k in keys:
            create(k)
            deadline = time.time() + 60
            while call("GET", f"/api/gateway/tenants/{k}")["status"] not in ("ready", "failed") and time.time() < deadline:
                time.sleep(0.005)
    else:
        with ThreadPoolExecutor(8) as ex:
            list(ex.map(create, keys))
    sent = time.time() - started
    # waiting asks only whether any tenant is still on its way (two one-item pages), so the bench does not
    # load the registry it measures with full listings; the timestamps are read once at the end
    deadline = time.time() + 600
    while time.time() < deadline and any(
            call("GET", f"/api/gateway/tenants?q={prefix}-&status={s}&limit=1")["items"] for s in ("pending", "provisioning")):
        time.sleep(0.25)
    pending, tenants, cursor = set(keys), {}, None
    while True:
        page = call("GET", f"/api/gateway/tenants?q={prefix}-&limit=500" + (f"&cursor={cursor}" if cursor else ""))
        for t in page["items"]:
            if t["key"] in pending and t["status"] in ("ready", "failed"):
                tenants[t["key"]] = t; pending.discard(t["key"])
        cursor = page.get("next_cursor")
        if not cursor:
            break
    ready = [t for t in tenants.values() if t["status"] == "ready"]
    lat = sorted((ts(t["ready_at"]) - ts(t["created_at"])) * 1000 for t in ready)
    pct = lambda p: lat[min(len(lat) - 1, int(round(p / 100 * len(lat) + 0.5)) - 1)] if lat else float("nan")
    total = (max(ts(t["ready_at"]) for t in ready) - min(ts(t["created_at"]) for t in ready)) if ready else float("nan")
    failed = [t for t in tenants.values() if t["status"] == "failed"]
    print(json.dumps({"mode": mode, "n": n, "ready": len(ready), "failed": len(failed), "timed_out": len(pending),
                      "p50": pct(50), "p95": pct(95), "p99": pct(99), "total_s": total, "send_s": sent,
                      "first_failure": failed[0]["status_reason"] if failed else None}))
else:
    started = time.time()
    with ThreadPoolExecutor(8) as ex:
        list(ex.map(lambda k: call("DELETE", f"/api/gateway/tenants/{k}", ok=(202, 204, 404, 409)), keys))
    deadline = time.time() + 900
    while time.time() < deadline and call("GET", f"/api/gateway/tenants?q={prefix}-&status=deleting&limit=1")["items"]:
        time.sleep(0.5)
    left = [k for k in keys if (call("GET", f"/api/gateway/tenants/{k}", ok=(404,)) or {"status": "deleted"})["status"] != "deleted"]
    print(json.dumps({"deleted_s": time.time() - started, "not_deleted": len(left)}))
PY
}

# The provisioner's DDL for one tenant, executed directly: role, grant, schema or database, V1 tables as
# the tenant role, first admin user. One psql session per mode, like one provisioner worker.
raw_sql() { # mode prefix n
  local mode="$1" prefix="$2" n="$3" i name
  for ((i = 0; i < n; i++)); do
    name="raw_${prefix}_$i"
    echo "CREATE ROLE $name NOLOGIN; GRANT $name TO gateway_app;"
    if [ "$mode" = schema ]; then
      echo "CREATE SCHEMA $name AUTHORIZATION $name;"
    else
      echo "CREATE DATABASE $name OWNER $name; REVOKE CONNECT, TEMPORARY ON DATABASE $name FROM PUBLIC;"
      echo "GRANT CONNECT ON DATABASE $name TO gateway_app;"
      echo "\\c $name"
      echo "CREATE SCHEMA $name AUTHORIZATION $name; REVOKE ALL ON SCHEMA public FROM PUBLIC;"
    fi
    echo "SET ROLE $name; SET search_path = $name;"
    cat "$ROOT/provisioner/src/main/resources/db/tenant/V1__tenant_tables.sql"
    echo "INSERT INTO users (id, email, password_hash, role) VALUES (gen_random_uuid(), 'a@b.c', 'x', 'admin');"
    echo "RESET ROLE; RESET search_path;"
    [ "$mode" = schema ] || echo "\\c postgres"
  done
}

raw_cleanup() { # mode prefix n
  local mode="$1" prefix="$2" n="$3" i name
  for ((i = 0; i < n; i++)); do
    name="raw_${prefix}_$i"
    if [ "$mode" = schema ]; then
      echo "\\c gateway_tenants"; echo "DROP SCHEMA IF EXISTS $name CASCADE; DROP OWNED BY $name;"; echo "\\c postgres"
    else
      echo "DROP DATABASE IF EXISTS $name WITH (FORCE);"
    fi
    echo "DROP ROLE IF EXISTS $name;"
  done
}

now_ms() { date +%s%3N; }

# Samples, every 500 ms on one psql session, how many connections the provisioner (platform service and
# CLI alike: application_name "provisioner") holds; `connections_max` prints the highest count seen.
connections_sample() { # file
  echo "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'provisioner' \\watch 0.5" \
    | "${PSQL[@]}" -tA -d postgres > "$1" 2>/dev/null &
  echo $!
}
connections_max() { # pid file
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  sort -n "$2" | tail -n1
}

# CPU seconds (user + system) used so far by each platform process: the five services (pids from
# bin/gateway up), PostgreSQL (live processes, plus the exited backends the postmaster has reaped),
# nats-server and redis-server. Prints JSON.
cpu_snapshot() { python3 - "$GATEWAY_HOME/pids" <<'PY'
import json, os, sys
tick = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return fields[0], [int(x) / tick for x in fields[11:15]]  # state, utime stime cutime cstime
def comm(pid):
    with open(f"/proc/{pid}/comm") as f:
        return f.read().strip()
out = {}
for name in sorted(os.listdir(sys.argv[1])) if os.path.isdir(sys.argv[1]) else []:
    try:
        pid = int(open(os.path.join(sys.argv[1], name)).read())
        out[name.removesuffix(".pid")] = sum(stat(pid)[1][:2])
    except (OSError, ValueError):
        pass
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        name, (_, times) = comm(pid), stat(pid)
    except OSError:
        continue
    if name in ("postgres", "nats-server", "redis-server"):
        ppid = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
        own = sum(times[:2]) + (sum(times[2:]) if name == "postgres" and comm(ppid) != "postgres" else 0)
        out[name] = out.get(name, 0) + own
print(json.dumps(out))
PY
}

"${PSQL[@]}" -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='gateway_app') THEN CREATE ROLE gateway_app LOGIN NOINHERIT; END IF; END \$\$"
"${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='gateway_tenants'" | grep -q 1 \
  || "${PSQL[@]}" -d postgres -c "CREATE DATABASE gateway_tenants"

{
  echo "# Provisioning benchmark ($STAMP)"
  echo
  echo "N = $N tenants per mode, created through \`POST /api/gateway/tenants\` (8 concurrent clients) on a fresh pool"
  echo "of each isolation on $PG_HOST:$PG_PORT. Latency = registry \`ready_at - created_at\` (create -> provisioned ->"
  echo "ready, through NATS). Raw DDL = the same statements per tenant (role, grant, database/schema, V1 tables as the"
  echo "tenant role, first admin) run back to back by one psql session. Machine: $(nproc) cores, load average"
  echo "$(cut -d' ' -f1-3 /proc/loadavg) at start (shared with other builds)."
  echo
  echo "| mode | ready | failed | p50 ms | p95 ms | p99 ms | total s | raw DDL s | total / raw |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$OUT"

MIGRATIONS="$WORK/next"
mkdir -p "$MIGRATIONS"
PREFIXES=()
CPU_USE=()
LATENCY=()
for mode in $MODES; do
  prefix="b${mode:0:1}$RUN"
  PREFIXES+=("$mode:$prefix:$N")
  echo "== $mode: creating $N tenants" >&2
  cpu_before="$(cpu_snapshot)"
  sampler="$(connections_sample "$WORK/connections-$mode")"
  summary="$(PG_HOST=$PG_HOST PG_PORT=$PG_PORT driver create "$mode" "$N" "$prefix")"
  CPU_USE+=("$mode|$cpu_before|$(cpu_snapshot)|$summary|$(connections_max "$sampler" "$WORK/connections-$mode")")
  echo "$summary" >&2
  raw_prefix="${prefix//-/_}"
  raw_sql "$mode" "$raw_prefix" "$N" > "$WORK/raw-$mode.sql"
  start=$(now_ms)
  "${PSQL[@]}" -d "$([ "$mode" = schema ] && echo gateway_tenants || echo postgres)" -f "$WORK/raw-$mode.sql" >/dev/null
  raw_s=$(python3 -c "print(($(now_ms) - $start) / 1000)")
  raw_cleanup "$mode" "$raw_prefix" "$N" | "${PSQL[@]}" -d postgres >/dev/null
  if [ "$LATENCY_N" -gt 0 ]; then
    echo "== $mode: $LATENCY_N single creates" >&2
    LATENCY+=("$(PG_HOST=$PG_HOST PG_PORT=$PG_PORT driver create "$mode" "$LATENCY_N" "l$prefix" one-at-a-time)")
    PREFIXES+=("$mode:l$prefix:$LATENCY_N")
  fi
  python3 - "$summary" "$raw_s" >> "$OUT" <<'PY'
import json, sys
s, raw = json.loads(sys.argv[1]), float(sys.argv[2])
print(f"| {s['mode']} | {s['ready']}/{s['n']} | {s['failed'] + s['timed_out']} | {s['p50']:.0f} | {s['p95']:.0f} | "
      f"{s['p99']:.0f} | {s['total_s']:.1f} | {raw:.1f} | {s['total_s'] / raw:.2f}x |")
if s["first_failure"]:
    print(f"\nfirst failure: {s['first_failure']}\n")
PY
done

if [ ${#LATENCY[@]} -gt 0 ]; then
  {
    echo
    echo "Single creates ($LATENCY_N per mode, each sent once the previous tenant is ready; targets p50 <= 150 ms schema, <= 300 ms database):"
    echo
    echo "| mode | ready | p50 ms | p95 ms | p99 ms |"
    echo "|---|---|---|---|---|"
  } >> "$OUT"
  for s in "${LATENCY[@]}"; do
    python3 -c "import json,sys; s=json.loads(sys.argv[1]); print(f\"| {s['mode']} | {s['ready']}/{s['n']} | {s['p50']:.0f} | {s['p95']:.0f} | {s['p99']:.0f} |\")" "$s" >> "$OUT"
  done
fi
{
  echo
  echo "CPU seconds used while the N tenants were created and became ready (per process, user + system), and the most"
  echo "connections the provisioner held at once (budget: 3 x GATEWAY_POOL_ADMIN_POOL_SIZE = 18 per instance by default):"
  echo
} >> "$OUT"
for entry in "${CPU_USE[@]}"; do
  python3 - "$entry" >> "$OUT" <<'PY'
import json, sys
mode, before, after, summary, connections = sys.argv[1].split("|", 4)
before, after, s = json.loads(before), json.loads(after), json.loads(summary)
used = {k: after[k] - before.get(k, 0) for k in after}
total = sum(used.values())
print(f"- {mode}: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(used.items(), key=lambda kv: -kv[1]))
      + f"; total {total:.1f} s of CPU in {s['total_s']:.1f} s ({total / s['n'] * 1000:.0f} ms per tenant);"
      + f" provisioner connections at most {connections or '?'}")
PY
done

# `migrate --all` over every ready tenant with one new (harmless) migration, then once more up to date.
cat > "$MIGRATIONS/V900000__bench_comment.sql" <<'EOF'
COMMENT ON TABLE settings IS 'tenant settings';
EOF
# Per isolation mode: tenants and the time one tenant took (p50 / max); the run interleaves the modes.
by_isolation() { # run id
  "${PSQL[@]}" -tA -d "${GATEWAY_BENCH_PLATFORM_DB:-gateway}" -c "SELECT string_agg(format('%s: %s, %s / %s ms',
      isolation, n, p50, max), '; ' ORDER BY isolation) FROM (SELECT p.isolation, count(*) n,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY r.duration_ms) p50, max(r.duration_ms) max
      FROM provisioner.migration_result r JOIN provisioner.placement p USING (tenant_key)
      WHERE r.run_id = '$1' GROUP BY 1) x"
}
migrate() { # label args...
  local label="$1" start rc=0 out sampler secs run
  shift
  start=$(now_ms)
  sampler="$(connections_sample "$WORK/connections-migrate")"
  out="$(GATEWAY_LOG_LEVEL=WARN java "$@" -jar "$JAR" migrate --all --parallel 8 --skip-failing 2>&1)" || rc=$?
  secs=$(python3 -c "print(($(now_ms) - $start) / 1000)")
  run="$(echo "$out" | grep -E '^run ' | sed -E 's/^run ([0-9a-f-]+) .*/\1/')"
  echo "| $label | $(echo "$out" | grep -E '^run ' | sed -E 's/^run [0-9a-f-]+ //') | $(by_isolation "$run") |" \
    "$secs s (exit $rc) | $(connections_max "$sampler" "$WORK/connections-migrate") |" >> "$OUT"
}
{
  echo
  echo "| \`migrate --all --parallel 8\` | result | per tenant by isolation: tenants, p50 / max | wall time (JVM start included) | provisioner connections at most |"
  echo "|---|---|---|---|---|"
} >> "$OUT"
(cd "$ROOT" && migrate "one new migration" "-Dgateway.migrations.locations=classpath:db/tenant,filesystem:$MIGRATIONS")
(cd "$ROOT" && migrate "up to date" "-Dgateway.migrations.locations=classpath:db/tenant,filesystem:$MIGRATIONS")

echo >> "$OUT"
for entry in "${PREFIXES[@]}"; do
  IFS=: read -r mode prefix count <<<"$entry"
  echo "== $mode: deleting the bench tenants ($prefix)" >&2
  deleted="$(driver delete "$mode" "$count" "$prefix")"
  echo "$deleted" >&2
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(f'- {sys.argv[2]}: deleting {sys.argv[3]} tenants (final pg_dump + drop each) took {d[\"deleted_s\"]:.1f} s, {d[\"not_deleted\"]} left')" \
    "$deleted" "$mode" "$count" >> "$OUT"
done

cat "$OUT"
echo "results: $OUT"
