#!/usr/bin/env bash
# bin/gateway against a private PostgreSQL, Redis and NATS JetStream (ports 15432/16379/14222) with the
# tenant-registry and provisioner on 18081/18082 (the other services' ports 18083-18085), in a temporary
# GATEWAY_HOME. Proves: `up` uses the stores the GATEWAY_*_URL variables name and creates the database
# GATEWAY_DB_URL names there (nothing on the machine's PostgreSQL); an unreachable store is an error
# naming its URL; the settings `up` ran with are the ones later commands use (a variable given on the
# command line wins); after a kill -9, `up` restarts the service (a zombie or an unrelated process behind
# a pid file is not taken for it) and the log is appended to; `status` reports on the saved ports;
# `migrate` works on the saved database; `down` stops everything. Without store URLs, `up` runs the platform's own
# Redis and NATS (on 16380/14223 here) from deploy/: they refuse anonymous clients, every service logs in as its own
# user, a tenant is created, provisioned, routed and served without a single permissions violation, no password
# is on a command line or in the Redis ACL file, and the management ports listen on loopback only.
# Needs the service jars (mvn -B -q package -DskipTests) and the Debian PostgreSQL, redis-server and
# nats-server binaries. Uses none of the default ports; reads the machine's PostgreSQL only to see that
# nothing was created there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
PG_PORT=15432 REDIS_PORT=16379 NATS_PORT=14222
REGISTRY_PORT=18081 PROVISIONER_PORT=18082
OWN_REDIS_PORT=16380 OWN_NATS_PORT=14223 OWN_DB=gateway_cli_test_own
DB=gateway_cli_test
ADMIN="cli-test-$$"
WORK="$(mktemp -d /tmp/gateway-cli-test.XXXXXX)"
chmod 755 "$WORK" # the postgres user must reach its data directory
HELPERS=()        # processes this test started to play a zombie's parent and an unrelated process

# Only what this test sets: no GATEWAY_* variable of the caller (bin/gateway test exports some).
while read -r name; do unset "$name"; done < <(compgen -e | grep '^GATEWAY_' || true)
export GATEWAY_HOME="$WORK/home"
STORE_SETTINGS=(
  GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB"
  GATEWAY_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  GATEWAY_NATS_URL="nats://127.0.0.1:$NATS_PORT"
)
START_SETTINGS=(
  "${STORE_SETTINGS[@]}"
  GATEWAY_REGISTRY_PORT="$REGISTRY_PORT" GATEWAY_PROVISIONER_PORT="$PROVISIONER_PORT"
  GATEWAY_ROUTES_PORT=18083 GATEWAY_APP_PORT=18084 GATEWAY_ADMIN_PORT=18085
  GATEWAY_REGISTRY_MANAGEMENT_PORT=19081 GATEWAY_PROVISIONER_MANAGEMENT_PORT=19082
  GATEWAY_ROUTES_MANAGEMENT_PORT=19083 GATEWAY_APP_MANAGEMENT_PORT=19084 GATEWAY_ADMIN_MANAGEMENT_PORT=19085
  GATEWAY_USAGE_PORT=18086 GATEWAY_USAGE_MANAGEMENT_PORT=19086
  GATEWAY_ADMIN_USER="$ADMIN"
)
OWN_HOME="$WORK/home-own"
OWN_ADMIN_PASSWORD="cli-own-$$-password"
OWN_SETTINGS=( # the platform on stores of its own: no GATEWAY_REDIS_URL, no GATEWAY_NATS_URL
  GATEWAY_HOME="$OWN_HOME" GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$OWN_DB"
  GATEWAY_PLATFORM_REDIS_PORT="$OWN_REDIS_PORT" GATEWAY_PLATFORM_NATS_PORT="$OWN_NATS_PORT"
  GATEWAY_REGISTRY_PORT=18091 GATEWAY_PROVISIONER_PORT=18092 GATEWAY_ROUTES_PORT=18093 GATEWAY_APP_PORT=18094
  GATEWAY_ADMIN_PORT=18095 GATEWAY_REGISTRY_MANAGEMENT_PORT=19091 GATEWAY_PROVISIONER_MANAGEMENT_PORT=19092
  GATEWAY_ROUTES_MANAGEMENT_PORT=19093 GATEWAY_APP_MANAGEMENT_PORT=19094 GATEWAY_ADMIN_MANAGEMENT_PORT=19095
  GATEWAY_USAGE_PORT=18096 GATEWAY_USAGE_MANAGEMENT_PORT=19096
  GATEWAY_ADMIN_USER=admin GATEWAY_ADMIN_PASSWORD="$OWN_ADMIN_PASSWORD" GATEWAY_POOL_ADMIN_USER=postgres
)

log() { printf '\033[1m[cli-test]\033[0m %s\n' "$*" >&2; }
fail() { printf '[cli-test] FAIL: %s\n' "$*" >&2; exit 1; }
gateway() { "$ROOT/bin/gateway" "$@"; } # with nothing but GATEWAY_HOME: the saved settings

# Before a command that would start something on the saved settings, the read-only status must show
# them: were they not loaded, the command would use the machine's stores and the default ports.
require_saved_settings_loaded() {
  local out
  out="$(gateway status)"
  grep -qF "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" <<<"$out" && grep -Eq "^provisioner +$PROVISIONER_PORT " <<<"$out" \
    || fail "status does not run with the saved settings: $out"
}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
not_listening() { ! listening "$1"; }
private_psql() { psql -X -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
machine_psql() { psql -X -qtA -h 127.0.0.1 -p 5432 -U postgres "$@"; }
pid_of() { cat "$GATEWAY_HOME/pids/$1.pid"; }
state_of() { # pid: its state letter (Z: zombie), or gone
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo gone; return; }
  stat="${stat##*) }"
  echo "${stat%% *}"
}
is_zombie() { [ "$(state_of "$1")" = Z ]; }

wait_until() { # seconds description command...
  local deadline=$((SECONDS + $1)) what="$2 (within $1 s)"
  shift 2
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what"
    sleep 0.2
  done
}

cleanup() {
  local rc=$?
  set +e
  [ -d "$GATEWAY_HOME/pids" ] && gateway down >/dev/null 2>&1
  [ -d "$OWN_HOME/pids" ] && GATEWAY_HOME="$OWN_HOME" gateway down >/dev/null 2>&1
  for pid in "${HELPERS[@]}"; do kill "$pid" 2>/dev/null; done
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
  [ -n "${NATS_PID:-}" ] && kill "$NATS_PID" 2>/dev/null
  if [ "$rc" -eq 0 ]; then rm -rf "$WORK"; else log "kept $WORK (logs in home/logs)"; fi
}
trap cleanup EXIT

preconditions() {
  local name port tool
  for tool in runuser python3 psql pg_isready redis-server redis-cli nats-server ss curl "$PG_BIN/initdb" "$PG_BIN/pg_ctl"; do
    command -v "$tool" >/dev/null || fail "$tool not found (bin/gateway deps installs it)"
  done
  for name in tenant-registry provisioner route-publisher app-gateway usage-meter admin-ui; do
    [ -f "$ROOT/$name/target/$name-0.1.0-SNAPSHOT.jar" ] || fail "no $name jar: run mvn -B -q package -DskipTests first"
  done
  for port in "$PG_PORT" "$REDIS_PORT" "$NATS_PORT" "$OWN_REDIS_PORT" "$OWN_NATS_PORT" 1808{1..6} 1809{1..6} \
      1908{1..6} 1909{1..6}; do
    ! listening "$port" || fail "port $port is in use"
  done
}

start_private_stores() {
  mkdir -p "$WORK/pg" "$WORK/nats"
  chown postgres: "$WORK/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres --no-sync >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
  nats-server -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$WORK/nats" -l "$WORK/nats.log" &
  NATS_PID=$!
  wait_until 15 "private Redis listening" listening "$REDIS_PORT"
  wait_until 15 "private NATS listening" listening "$NATS_PORT"
}

test_unreachable_store_is_an_error_naming_its_url() {
  local out
  if out="$(env "${START_SETTINGS[@]}" GATEWAY_NATS_URL=nats://127.0.0.1:1 "$ROOT/bin/gateway" up tenant-registry 2>&1)"; then
    fail "up with an unreachable NATS succeeded"
  fi
  grep -qF 'GATEWAY_NATS_URL=nats://127.0.0.1:1 is not reachable' <<<"$out" || fail "no error naming the NATS URL: $out"
  [ ! -f "$GATEWAY_HOME/settings" ] || fail "a failed up saved its settings"
}

test_up_uses_the_stores_the_urls_name() {
  env "${START_SETTINGS[@]}" "$ROOT/bin/gateway" up tenant-registry provisioner
  [ "$(private_psql -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 1 ] \
    || fail "database $DB not created on the private server"
  [ "$(private_psql -d "$DB" -c "SELECT count(*) FROM registry.admin_user WHERE username = '$ADMIN'")" = 1 ] \
    || fail "the registry's first admin is not in the private database"
  [ "$(private_psql -d "$DB" -c "SELECT host || ':' || port FROM registry.shared_pool WHERE name = 'default'")" \
    = "127.0.0.1:$PG_PORT" ] || fail "the first pool is not on the private server"
  grep -qx "GATEWAY_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" "$GATEWAY_HOME/settings" \
    || fail "GATEWAY_DB_URL not saved"
  grep -q '^GATEWAY_SERVICE_SECRET=.' "$GATEWAY_HOME/settings" || fail "generated secrets not saved"
}

test_nothing_on_the_machines_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then log "the machine's PostgreSQL is not running: nothing to look at"; return; fi
  [ -z "$(machine_psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ] \
    || fail "database $DB was created on the machine's PostgreSQL"
  if [ -n "$(machine_psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'gateway'")" ]; then
    # a query naming a table that does not exist fails even inside a CASE: look for the table first
    if [ "$(machine_psql -d gateway -c "SELECT to_regclass('registry.admin_user') IS NOT NULL")" = t ]; then
      [ "$(machine_psql -d gateway -c "SELECT count(*) FROM registry.admin_user WHERE username = '$ADMIN'")" = 0 ] \
        || fail "this run's admin was created in the machine's gateway database"
    fi
  fi
}

test_up_restarts_a_killed_service_with_the_saved_settings() {
  local registry provisioner out log="$GATEWAY_HOME/logs/provisioner.log"
  registry="$(pid_of tenant-registry)" provisioner="$(pid_of provisioner)"
  kill -9 "$provisioner"
  wait_until 10 "the killed provisioner to let go of its port" not_listening "$PROVISIONER_PORT"
  log "killed provisioner $provisioner, now: $(state_of "$provisioner") (Z: a zombie, which kill -0 takes for alive)"
  require_saved_settings_loaded
  # the store URLs given again, so that not even a broken bin/gateway could reach the machine's stores;
  # the ports come from the saved settings
  out="$(env "${STORE_SETTINGS[@]}" "$ROOT/bin/gateway" up tenant-registry provisioner 2>&1)" || fail "up after kill -9: $out"
  grep -q 'starting provisioner' <<<"$out" || fail "provisioner not restarted: $out"
  ! grep -q 'starting tenant-registry' <<<"$out" || fail "the running tenant-registry was started again: $out"
  [ "$(pid_of tenant-registry)" = "$registry" ] || fail "tenant-registry's pid changed"
  [ "$(pid_of provisioner)" != "$provisioner" ] || fail "provisioner's pid file unchanged"
  [ "$(grep -c '^===== provisioner started ' "$log")" = 2 ] || fail "provisioner log has not two start lines"
  [ "$(grep -c 'Startup completed' "$log")" = 2 ] || fail "the first run's log did not survive the restart"
}

test_status_reports_on_the_saved_ports() {
  local out
  out="$(gateway status)"
  grep -Eq "^tenant-registry +$REGISTRY_PORT +19081 +pid $(pid_of tenant-registry) +UP$" <<<"$out" || fail "status: $out"
  grep -Eq "^provisioner +$PROVISIONER_PORT +19082 +pid $(pid_of provisioner) +UP$" <<<"$out" || fail "status: $out"
  grep -Eq '^route-publisher +18083 +19083 +stopped +DOWN$' <<<"$out" || fail "status: $out"
  grep -Eq '^app-gateway +18084 +19084 +stopped +DOWN$' <<<"$out" || fail "status: $out"
  grep -Eq '^admin-ui +18085 +19085 +stopped +DOWN$' <<<"$out" || fail "status: $out"
  grep -qF "127.0.0.1:$PG_PORT/$DB" <<<"$out" || fail "status does not show the saved database: $out"
  grep -Eq '^tenant-registry +18099 +19099 +pid [0-9]+ +DOWN$' \
    <<<"$(GATEWAY_REGISTRY_PORT=18099 GATEWAY_REGISTRY_MANAGEMENT_PORT=19099 gateway status)" \
    || fail "a port given on the command line did not win"
}

# Behind the pid files of stopped services: a zombie (its parent never reaps it), and as reused pids
# a process that is not java though it names the service's jar, and another service's java.
test_foreign_pids_are_not_services() {
  local zombie unrelated out
  python3 -c 'import os, signal, sys, time
child = os.fork()
if child == 0:
    os._exit(0)
signal.signal(signal.SIGTERM, lambda *_: (os.waitpid(child, 0), sys.exit(0)))  # reaped when the test ends
print(child, flush=True)
time.sleep(300)' > "$WORK/zombie.pid" &
  HELPERS+=($!)
  tail -F -n0 "$ROOT/admin-ui/target/admin-ui-0.1.0-SNAPSHOT.jar" >/dev/null 2>&1 &
  unrelated=$!
  HELPERS+=("$unrelated")
  wait_until 10 "the zombie helper" test -s "$WORK/zombie.pid"
  zombie="$(cat "$WORK/zombie.pid")"
  wait_until 10 "the helper's child to be a zombie" is_zombie "$zombie"
  echo "$zombie" > "$GATEWAY_HOME/pids/route-publisher.pid"
  echo "$unrelated" > "$GATEWAY_HOME/pids/admin-ui.pid"
  pid_of tenant-registry > "$GATEWAY_HOME/pids/app-gateway.pid"
  out="$(gateway status)"
  grep -Eq '^route-publisher +18083 +19083 +stopped ' <<<"$out" || fail "a zombie was taken for route-publisher: $out"
  grep -Eq '^admin-ui +18085 +19085 +stopped ' <<<"$out" || fail "an unrelated process was taken for admin-ui: $out"
  grep -Eq '^app-gateway +18084 +19084 +stopped ' <<<"$out" || fail "tenant-registry's java was taken for app-gateway: $out"
  grep -Eq "^tenant-registry +$REGISTRY_PORT +19081 +pid [0-9]+ +UP$" <<<"$out" || fail "status: $out"
  local name
  for name in route-publisher admin-ui app-gateway; do
    [ ! -e "$GATEWAY_HOME/pids/$name.pid" ] || fail "stale pid file of $name left"
  done
  kill -0 "$unrelated" || fail "the unrelated process was killed"
}

test_migrate_uses_the_saved_database() {
  private_psql -d "$DB" -c "INSERT INTO provisioner.placement (tenant_key, pool_host, pool_port, isolation, db_name,
      schema_name, role_name, schema_version, status, last_revision)
    VALUES ('cli-drift-probe', '127.0.0.1', $PG_PORT, 'schema', '$DB', 'cli_probe', 'cli_probe', '0', 'ready', 1)"
  local out
  require_saved_settings_loaded
  out="$(gateway migrate --drift)" || fail "migrate --drift failed: $out"
  grep -Eq '^cli-drift-probe +schema +0$' <<<"$out" || fail "migrate did not read the saved database: $out"
}

test_down_stops_everything() {
  local registry provisioner
  registry="$(pid_of tenant-registry)" provisioner="$(pid_of provisioner)"
  gateway down
  ! ls "$GATEWAY_HOME"/pids/*.pid >/dev/null 2>&1 || fail "pid files left after down"
  for pid in "$registry" "$provisioner"; do
    case "$(state_of "$pid")" in gone|Z) ;; *) fail "process $pid still runs after down" ;; esac
  done
  ! listening "$REGISTRY_PORT" && ! listening "$PROVISIONER_PORT" || fail "a port is still open after down"
}

json() { python3 -c 'import json, sys; print(eval(sys.argv[1], {"d": json.load(sys.stdin)}))' "$1"; } # expression on d

own_password() { sed -n "s/^$1=//p" "$OWN_HOME/stores/credentials"; }

test_up_runs_its_own_stores_with_a_user_per_service() {
  local out token pool key created tenant_token name variable password address
  private_psql -d postgres -c "CREATE DATABASE $OWN_DB" >/dev/null
  out="$(env "${OWN_SETTINGS[@]}" "$ROOT/bin/gateway" up 2>&1)" || fail "up on its own stores: $out"

  [[ "$(redis-cli -h 127.0.0.1 -p "$OWN_REDIS_PORT" ping 2>&1)" == NOAUTH* ]] || fail "the platform's Redis answers anonymous clients"
  [[ "$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"; read -r info <&3; printf "CONNECT {\"verbose\":false}\r\nPING\r\n" >&3
        read -r reply <&3; echo "$reply"' "$OWN_NATS_PORT")" == *"Authorization Violation"* ]] \
    || fail "the platform's NATS accepts clients without credentials"
  while IFS='=' read -r variable password; do # grep reads the password from a pipe: its own argv stays clean
    ! grep -qaFf <(printf '%s\n' "$password") /proc/[0-9]*/cmdline 2>/dev/null || fail "$variable is on a command line"
    ! grep -qFf <(printf '%s\n' "$password") "$OWN_HOME/stores/redis/users.acl" || fail "$variable is in the Redis ACL file"
  done < "$OWN_HOME/stores/credentials"
  for port in 19091 19092 19093 19094 19095; do
    address="$(ss -Hltn "sport = :$port" | awk '{print $4}')"
    [[ $address =~ ^(\[::ffff:)?127\.0\.0\.1\]?:$port$ ]] || fail "management port $port listens on '$address', not loopback only"
  done
  for port in 18091 18092 18093 18094 18095; do
    [ "$(curl -s "http://127.0.0.1:$port/health")" = '{"status":"UP"}' ] || fail "public /health on $port says more than UP"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/prometheus")" = 404 ] || fail "/prometheus served on $port"
  done

  token="$(curl -sf -XPOST localhost:18091/api/gateway/auth/login -H 'Content-Type: application/json' \
             -d "{\"username\":\"admin\",\"password\":\"$OWN_ADMIN_PASSWORD\"}" | json 'd["access_token"]')"
  pool="$(curl -sf localhost:18091/api/gateway/pools -H "Authorization: Bearer $token" \
            | json '[p["id"] for p in d["items"] if p["name"] == "default"][0]')"
  key="cli$$"
  created="$(curl -sf -XPOST localhost:18091/api/gateway/tenants -H "Authorization: Bearer $token" \
               -H 'Content-Type: application/json' \
               -d "{\"key\":\"$key\",\"company_name\":\"CLI\",\"pool_id\":\"$pool\"}")" \
    || fail "the registry did not accept a tenant"
  tenant_ready() { [ "$(curl -sf "localhost:18091/api/gateway/tenants/$key" -H "Authorization: Bearer $token" | json 'd["status"]')" = ready ]; }
  wait_until 90 "tenant $key ready (registry -> provisioner -> registry over NATS)" tenant_ready
  routed() { [ "$(REDISCLI_AUTH="$(own_password REDIS_PASSWORD_ROUTE_PUBLISHER)" redis-cli -p "$OWN_REDIS_PORT" \
                   --user route-publisher hget "tenant:$key" status 2>/dev/null)" = ready ]; }
  wait_until 30 "tenant $key in the directory (route-publisher)" routed
  invitation="$(json 'd["invitation"]["url"]' <<<"$created")"
  tenant_token="$(curl -sf -XPOST localhost:18094/api/auth/activate -H "X-Tenant-ID: $key" -H 'Content-Type: application/json' \
      -d "{\"token\":\"${invitation#*#}\",\"email\":\"ops@$key.example\",\"password\":\"cli-first-admin-password\"}" \
      | json 'd["access_token"]')" \
    || fail "the tenant's first admin cannot accept the invitation at the app-gateway"
  [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:18094/api/me -H "Authorization: Bearer $tenant_token")" = 200 ] \
    || fail "the app-gateway does not serve the tenant"
  ! grep -i "violation" "$OWN_HOME/stores/nats/nats.log" || fail "a service did something its NATS user may not"
  for name in tenant-registry provisioner route-publisher app-gateway usage-meter; do
    ! grep -Eq "NOPERM|WRONGPASS|NOAUTH|Permissions Violation|Authorization Violation" "$OWN_HOME/logs/$name.log" \
      || fail "a store refused $name: $(grep -E 'NOPERM|WRONGPASS|NOAUTH|Violation' "$OWN_HOME/logs/$name.log" | head -3)"
  done

  GATEWAY_HOME="$OWN_HOME" gateway down
  ! listening "$OWN_REDIS_PORT" && ! listening "$OWN_NATS_PORT" || fail "down left the platform's stores running"
}

main() {
  local started=$SECONDS
  preconditions
  start_private_stores
  log "unreachable store";            test_unreachable_store_is_an_error_naming_its_url
  log "up on the private stores";     test_up_uses_the_stores_the_urls_name
  log "machine's PostgreSQL untouched"; test_nothing_on_the_machines_postgres
  log "restart after kill -9";        test_up_restarts_a_killed_service_with_the_saved_settings
  log "status on the saved ports";    test_status_reports_on_the_saved_ports
  log "zombie and unrelated pids";   test_foreign_pids_are_not_services
  log "migrate on the saved database"; test_migrate_uses_the_saved_database
  log "down";                         test_down_stops_everything
  log "own stores, a user each";      test_up_runs_its_own_stores_with_a_user_per_service
  log "passed in $((SECONDS - started)) s"
}

main
