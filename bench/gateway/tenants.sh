# Sourced by bench/gateway.sh: the many-tenant modes (--tenants N, --noisy). Tenants are provisioned as the
# provisioner leaves them, in bulk: schema tenants by one psql session (role, schema, the tenant migrations
# as that role, a first admin and 50 projects), database tenants as copies of one template database whose
# schema is then renamed and handed to the tenant's role. Every tenant has the same admin and first project
# ids (in its own schema or database); its token is signed here with the gateway's key ($WORK/key.pem).
ADMIN_ID=00000000-0000-4000-8000-00000000000a
COLD_TENANTS=20 # database tenants provisioned beside the N, never asked for before the cold-pool measurement
PROJECT_ID=00000000-0000-4000-8000-00000000000b
TEMPLATE_DB=app_gateway_bench_tpl
TEMPLATE_ROLE=bench_tpl_owner
BENCH_KEYS=()

mint_tokens() { # tenant keys on stdin -> an app-gateway tenant token for the bench admin of each, one a line
  java "$ROOT/bench/gateway/MintTokens.java" "$WORK/key.pem" "$ADMIN_ID"
}

mint_token() { # $1 tenant key -> its token
  echo "$1" | mint_tokens
}

seed_sql() { # the migrations and the seed rows, for a session already SET ROLE + search_path to the tenant
  for migration in $(ls "$MIGRATIONS"/V*__*.sql | sort -V); do cat "$migration"; echo; done
  cat <<SQL
INSERT INTO users (id, email, name, password_hash, role) VALUES ('$ADMIN_ID', 'admin@bench.bench', 'Bench admin', '$HASH', 'admin');
INSERT INTO projects (id, name, description, created_at) VALUES ('$PROJECT_ID', 'project 0', 'bench project', now() - interval '1 day');
INSERT INTO projects (id, name, description) SELECT gen_random_uuid(), 'project ' || n, 'bench project' FROM generate_series(1, 49) n;
SQL
}

directory_entry() { # $1 key, $2 schema|database, $3 database, [$4 max_projects]
  echo "HSET tenant:$1 status ready company_name \"Bench $1\" plan bench rate_per_second 1000000 burst 1000000" \
    "max_users 100 max_projects ${4:-0} features projects,tasks isolation $2 pool_host 127.0.0.1 pool_port $PGPORT" \
    "db_name $3 schema_name tenant_${1//-/_} role tenant_${1//-/_} revision 1"
  echo "PUBLISH tenant-directory $1"
}

provision_schema_tenants() { # keys...
  local key name n=0
  seed_sql >"$WORK/seed.sql"
  psql -q -d postgres -c "DO \$\$ BEGIN CREATE ROLE gateway_app LOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END \$\$"
  if [[ -z "$(psql -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" -d postgres)" ]]; then
    psql -q -d postgres -c "CREATE DATABASE $DB" -c "REVOKE ALL ON DATABASE $DB FROM PUBLIC"
  fi
  psql -q -d postgres -c "GRANT CONNECT ON DATABASE $DB TO gateway_app"
  psql -q -d "$DB" -c "REVOKE ALL ON SCHEMA public FROM PUBLIC"
  {
    for key in "$@"; do
      name="tenant_${key//-/_}"
      # 50 tenants per transaction: one commit each time, and few enough locks for max_locks_per_transaction
      (( n++ % 50 == 0 )) && echo "BEGIN;"
      echo "CREATE ROLE $name NOLOGIN; GRANT $name TO gateway_app;"
      echo "CREATE SCHEMA $name AUTHORIZATION $name; REVOKE ALL ON SCHEMA $name FROM PUBLIC;"
      echo "SET ROLE $name; SET search_path = $name;"
      echo "\\i $WORK/seed.sql"
      echo "RESET ROLE; RESET search_path;"
      (( n % 50 == 0 )) && echo "COMMIT;"
    done
    echo "COMMIT;"
  } >"$WORK/schema-tenants.sql"
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$WORK/schema-tenants.sql" 2>&1 | grep -v 'no transaction in progress' || true
  for key in "$@"; do directory_entry "$key" schema "$DB"; done | redis-cli -h 127.0.0.1 >/dev/null
}

provision_database_tenants() { # keys...
  local key name
  psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DROP DATABASE IF EXISTS $TEMPLATE_DB;
DO \$\$ BEGIN CREATE ROLE $TEMPLATE_ROLE NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;
CREATE DATABASE $TEMPLATE_DB;
SQL
  {
    echo "REVOKE ALL ON SCHEMA public FROM PUBLIC;"
    echo "CREATE SCHEMA bench_tpl AUTHORIZATION $TEMPLATE_ROLE; REVOKE ALL ON SCHEMA bench_tpl FROM PUBLIC;"
    echo "SET ROLE $TEMPLATE_ROLE; SET search_path = bench_tpl;"
    seed_sql
  } | psql -q -v ON_ERROR_STOP=1 -d "$TEMPLATE_DB" >/dev/null
  for key in "$@"; do
    name="tenant_${key//-/_}"
    echo "CREATE ROLE $name NOLOGIN; GRANT $name TO gateway_app;"
    echo "CREATE DATABASE $name TEMPLATE $TEMPLATE_DB OWNER $name;"
    echo "REVOKE ALL ON DATABASE $name FROM PUBLIC; GRANT CONNECT ON DATABASE $name TO gateway_app;"
  done | psql -q -v ON_ERROR_STOP=1 -d postgres
  for key in "$@"; do
    name="tenant_${key//-/_}"
    psql -q -v ON_ERROR_STOP=1 -d "$name" -c "ALTER SCHEMA bench_tpl RENAME TO $name" \
      -c "REASSIGN OWNED BY $TEMPLATE_ROLE TO $name"
  done
  psql -q -d postgres -c "DROP DATABASE $TEMPLATE_DB" -c "DROP ROLE $TEMPLATE_ROLE"
  for key in "$@"; do directory_entry "$key" database "tenant_${key//-/_}"; done | redis-cli -h 127.0.0.1 >/dev/null
}

drop_bench_tenants() {
  [[ ${#BENCH_KEYS[@]} -gt 0 ]] || return 0
  local key
  for key in "${BENCH_KEYS[@]}"; do echo "DEL tenant:$key rl:$key"; echo "PUBLISH tenant-directory $key"; done |
    redis-cli -h 127.0.0.1 >/dev/null 2>&1 || true
  [[ -z "$PRIVATE_PG" ]] || { BENCH_KEYS=(); return 0; } # the private PostgreSQL is gone, and they with it
  for key in "${BENCH_KEYS[@]}"; do
    [[ "$key" == *-d* ]] || echo "DROP SCHEMA IF EXISTS tenant_${key//-/_} CASCADE;"
  done | psql -q -d "$DB" >/dev/null 2>&1 || true
  for key in "${BENCH_KEYS[@]}"; do
    [[ "$key" == *-d* ]] && echo "DROP DATABASE IF EXISTS tenant_${key//-/_} WITH (FORCE);"
    echo "DROP ROLE IF EXISTS tenant_${key//-/_};"
  done | psql -q -d postgres >/dev/null 2>&1 || true
  BENCH_KEYS=()
}

sample_connections() { # every 0.5 s until killed: gateway_app's open PostgreSQL connections, one count a line
  while true; do
    psql -Atc "SELECT count(*) FROM pg_stat_activity WHERE usename = 'gateway_app'" -d postgres 2>/dev/null || true
    sleep 0.5
  done
}

scrape() { # the Prometheus metrics of the gateway on PORT+1
  curl -fsS "http://127.0.0.1:$((PORT + 1 + MANAGEMENT_OFFSET))/prometheus"
}

metric_sum() { # $1 metric name (prometheus), from the gateway on PORT+1 -> the sum over its series
  scrape | awk -v m="$1" '$1 == m || index($1, m "{") == 1 {s += $2} END {printf "%.0f", s}'
}

counts_by() { # $1 counter (its prometheus name), $2 label -> one "value count" line per value of the label, summed
  scrape | awk -v m="$1" -v l="$2" '
    index($1, m "{") == 1 && match($1, "[{,]" l "=\"[^\"]*\"") {
      s[substr($1, RSTART + length(l) + 3, RLENGTH - length(l) - 4)] += $2 }
    END {for (v in s) printf "%s %.0f\n", v, s[v]}'
}

counts_changed() { # $1 counter, $2 label, $3 file written by counts_by for them -> a "value n" line for each that rose since
  counts_by "$1" "$2" | awk 'NR == FNR {before[$1] = $2; next} {n = $2 - before[$1]; if (n > 0) print $1, n}' "$3" -
}

joined() { # "value n" lines -> "value n, value n", summed by value, or "none"
  awk '{s[$1] += $2} END {for (v in s) print v, s[v]}' | sort | awk '{out = out (out ? ", " : "") $0} END {print out ? out : "none"}'
}

counts_since() { # $1 counter, $2 label, $3 file written by counts_by for them -> "value n, value n" since then
  counts_changed "$@" | joined
}

column_of() { # $1 column (2 req/s, 4 p99), $2 label prefix -> that column of the runs whose label starts with it, one a line; p99 in ms
  awk -F'|' -v c="$1" -v l="$2" 'index($1, l) == 1 {v = $c; f = 1; if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1
    else if (v ~ /s$/) f = 1000; sub(/[a-z]+$/, "", v); print v * f}' "$WORK/runs"
}

wrk_tenants() { # $1 label, $2 token file, $3 zipf s, $4 POST share, $5 connections -> "label|req/s|p50|p99|non-2xx"
  local out
  out="$(wrk -t2 -c"$5" -d"${DURATION}s" --timeout 5s --latency -s "$ROOT/bench/gateway/tenants.lua" \
    "http://127.0.0.1:$((PORT + 1))" -- "$2" "$3" "$4" "$PROJECT_ID")"
  printf '== %s\n%s\n' "$1" "$out" >>"$WORK/wrk.txt"
  echo "$1|$(awk '/^Requests\/sec/ {print $2}' <<<"$out")|$(awk '$1 == "50%" {print $2}' <<<"$out")|$(awk '$1 == "99%" {print $2}' <<<"$out")|$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
}

raw_output() { # files -> their text in a collapsed block, for a result file
  echo "<details><summary>raw wrk output</summary>"
  echo
  echo '```'
  cat "$@"
  echo '```'
  echo "</details>"
}

table() { # rows "a|b|c|..." on stdin, header names as arguments
  local IFS='|'
  echo "| $* |"
  printf '|---'; for _ in "${@:2}"; do printf '|---:'; done; echo '|'
  awk -F'|' '{s = "|"; for (i = 1; i <= NF; i++) s = s " " $i " |"; print s}'
}

tenants_bench() { # $1 tenants
  OUT="$ROOT/bench/results/gateway-tenants-$STAMP.md"
  local total="$1" databases=$(($1 / 5)) i keys=() started budget pool_size
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  pool_size="${GATEWAY_APP_DB_POOL_SIZE:-10}"
  budget="${GATEWAY_APP_DB_CONNECTION_BUDGET:-40}"
  for i in $(seq -w 1 $((total - databases))); do keys+=("bnch-s$i"); done
  BENCH_KEYS=("${keys[@]}")
  for i in $(seq -w 1 "$databases"); do BENCH_KEYS+=("bnch-d$i"); done
  local cold=()
  for i in $(seq -w 1 "$COLD_TENANTS"); do cold+=("bnch-dc$i"); done
  started=$(date +%s)
  provision_schema_tenants "${keys[@]}"
  provision_database_tenants "${BENCH_KEYS[@]:${#keys[@]}}" "${cold[@]}"
  checkpoint
  local provisioned=$(( $(date +%s) - started ))
  # Zipf rank order: schema and database tenants mixed, the same order every run
  printf '%s\n' "${BENCH_KEYS[@]}" | shuf --random-source=<(yes) >"$WORK/ranked"
  printf '%s\n' "${cold[@]}" >"$WORK/cold-keys"
  BENCH_KEYS+=("${cold[@]}")
  started=$(date +%s)
  mint_tokens <"$WORK/ranked" >"$WORK/tokens"
  head -n1 "$WORK/tokens" >"$WORK/token-top"
  local minted=$(( $(date +%s) - started ))
  start_gateway off
  : >"$WORK/runs"
  : >"$WORK/connections"
  : >"$WORK/churn"
  : >"$WORK/busy"
  # uniform, so that every tenant is met (its token verified, its user read, its meters registered) before the
  # runs, as in a gateway that has been serving them: a Zipf warm-up left about a third of the tail unmet
  wrk_tenants "warm-up, $total tenants (uniform)" "$WORK/tokens" 0 0 "$CONNECTIONS" >/dev/null
  # the machine is shared: alternate one tenant and the many, and compare the medians of the rounds
  local round
  for round in $(seq 1 "$ROUNDS"); do
    scrape >"$WORK/one-$round-before.prom"
    wrk_tenants "GET /api/projects, 1 tenant, round $round" "$WORK/token-top" 0 0 "$CONNECTIONS" >>"$WORK/runs"
    scrape >"$WORK/one-$round-after.prom"
    zipf_round "GET /api/projects, $total tenants (Zipf s=1.1), round $round" "$round"
  done
  counts_by gateway_db_bulkhead_rejected_total reason >"$WORK/rejections-before"
  counts_by gateway_requests_seconds_count status >"$WORK/statuses-before"
  wrk_tenants "GET /api/projects + 10 % POST tasks, $total tenants (Zipf s=1.1)" "$WORK/tokens" 1.1 0.1 "$CONNECTIONS" >>"$WORK/runs"
  local mixed_statuses mixed_busy
  mixed_statuses="$(counts_since gateway_requests_seconds_count status "$WORK/statuses-before")"
  mixed_busy="$(counts_since gateway_db_bulkhead_rejected_total reason "$WORK/rejections-before")"
  pool_open_cost >"$WORK/cold"
  stop_gateways
  LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
  local single many zipf_p99 zipf_seconds=$((DURATION * ROUNDS)) opened evicted scrapes=() one_scrapes=()
  single="$(column_of 2 "GET /api/projects, 1 tenant" | median)" many="$(column_of 2 "GET /api/projects, $total tenants" | median)"
  zipf_p99="$(column_of 4 "GET /api/projects, $total tenants" | median)"
  opened="$(awk '$1 == "opened" {s += $2} END {print s + 0}' "$WORK/churn")"
  evicted="$(awk '$1 == "evicted" {s += $2} END {print s + 0}' "$WORK/churn")"
  for round in $(seq 1 "$ROUNDS"); do
    scrapes+=("$WORK/zipf-$round-before.prom" "$WORK/zipf-$round-after.prom")
    one_scrapes+=("$WORK/one-$round-before.prom" "$WORK/one-$round-after.prom")
  done
  {
    echo "# app-gateway benchmark, $total tenants, $STAMP"
    echo
    echo "Machine: $(nproc) cores; load average before: $LOAD_BEFORE, after: $LOAD_AFTER (shared machine)."
    echo "Commit: $(git -C "$ROOT" rev-parse --short HEAD). wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s per run, loopback, limiter off."
    echo "$total tenants: $((total - databases)) schema-isolated (one shared pool of $pool_size), $databases database-isolated"
    echo "(pools of ${GATEWAY_APP_DB_TENANT_POOL_SIZE:-2} under a budget of $budget connections). Provisioned in ${provisioned} s, tokens signed in ${minted} s."
    if [[ -n "$PRIVATE_PG" ]]; then
      echo "PostgreSQL: a private server started for the run (initdb; ${PRIVATE_PG_SETTINGS[*]}), port $PGPORT, data in $PRIVATE_PG."
    else
      echo "PostgreSQL: the server on port $PGPORT (max_connections $(psql -Atc 'SHOW max_connections' -d postgres))."
    fi
    echo "Each request: the tenant drawn from Zipf(s = 1.1) over the tenants in a fixed random rank order, with its own token."
    echo "The gateway's startup outbox pass, waited for before the warm-up: $(cat "$WORK/startup-pass-off")."
    echo
    table run req/s p50 p99 non-2xx <"$WORK/runs"
    echo
    echo "Many tenants / one tenant, medians of $ROUNDS rounds: $many / $single req/s =" \
      "$(awk -v a="$many" -v b="$single" 'BEGIN {printf "%.0f %%", 100 * a / b}'), the many's p99 $zipf_p99 ms (target >= 60 %, p99 <= 50 ms)."
    echo "gateway_app's open PostgreSQL connections, sampled every 0.5 s during the Zipf runs: max $(sort -n "$WORK/connections" | tail -n1)," \
      "mean $(awk '{s += $1} END {printf "%.1f", s / NR}' "$WORK/connections") ($(wc -l <"$WORK/connections") samples);" \
      "configured budget: $pool_size (shared pool) + $budget (database tenants) = $((pool_size + budget))."
    echo "Database-tenant pools during the Zipf runs: $(awk -v n="$opened" -v d="$zipf_seconds" 'BEGIN {printf "%.1f", n / d}') opened/s," \
      "$(awk -v n="$evicted" -v d="$zipf_seconds" 'BEGIN {printf "%.1f", n / d}') evicted/s ($opened and $evicted in $zipf_seconds s);" \
      "503 tenant-busy by reason (concurrency: the plan's places; pool-turn; slow-work: past the share): $(joined <"$WORK/busy")."
    echo "The Zipf runs in the gateway's own request histogram (from resolving the tenant to the answer, a wait for its place included):" \
      "$(python3 "$ROOT/bench/gateway/latency_split.py" --top 3 --group 'schema=-s[0-9]+$' --group 'database=-d[0-9]+$' "${scrapes[@]}")"
    echo "The gateway's process stood still (gateway_jvm_stalls: collection pauses, the host running other work; not" \
      "charged as slow work) $(stalls_summary "${scrapes[@]}") during the Zipf runs' $zipf_seconds s, against" \
      "$(stalls_summary "${one_scrapes[@]}") during the one-tenant runs'."
    echo "The mixed run's requests by status: $mixed_statuses; 503 tenant-busy by reason: $mixed_busy."
    echo
    echo "Cost of a database tenant's first request after minutes without one, when it needs a new PostgreSQL session" \
      "(its pool evicted, or its connections closed after a minute idle; curl, $COLD_TENANTS database tenants kept out of the runs, median):"
    cat "$WORK/cold"
    echo
    raw_output "$WORK/wrk.txt"
  } >"$OUT"
  cat "$OUT" | sed -n '1,/^<details>/p'
  echo "results: $OUT"
}

stalls_summary() { # before/after scrape pairs -> how long the gateway stood still between each pair's scrapes, in how many stalls
  # (the stalls' buckets, not the timer's max: that spans the last few minutes, earlier runs included)
  awk '
    FNR == 1 {n++}
    $1 == "gateway_jvm_stalls_seconds_sum" {sum[n] = $2}
    $1 == "gateway_jvm_stalls_seconds_count" {count[n] = $2}
    $1 ~ /^gateway_jvm_stalls_seconds_bucket\{le="0\.1",?\}$/ {upTo100[n] = $2}
    END {
      for (i = 2; i <= n; i += 2) {
        s += sum[i] - sum[i - 1]; c += count[i] - count[i - 1]; u += upTo100[i] - upTo100[i - 1]
      }
      printf "%.2f s in %d stalls, %d of them over 100 ms", s, c, c - u
    }' "$@"
}

zipf_round() { # $1 label, $2 round: a Zipf run over all tenants, its pool churn, refusals, connections and histogram kept in $WORK
  local opened evicted sampler
  opened="$(metric_sum gateway_db_pool_opened_total)" evicted="$(metric_sum gateway_db_pool_evicted_total)"
  counts_by gateway_db_bulkhead_rejected_total reason >"$WORK/rejections-before"
  scrape >"$WORK/zipf-$2-before.prom"
  sample_connections >>"$WORK/connections" &
  sampler=$!
  wrk_tenants "$1" "$WORK/tokens" 1.1 0 "$CONNECTIONS" >>"$WORK/runs"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  scrape >"$WORK/zipf-$2-after.prom"
  echo "opened $(( $(metric_sum gateway_db_pool_opened_total) - opened ))" >>"$WORK/churn"
  echo "evicted $(( $(metric_sum gateway_db_pool_evicted_total) - evicted ))" >>"$WORK/churn"
  counts_changed gateway_db_bulkhead_rejected_total reason "$WORK/rejections-before" >>"$WORK/busy"
}

pool_open_cost() { # the database tenants kept out of the runs: only the startup pass has used their pools, minutes ago
  local token cold warm
  : >"$WORK/cold-times"
  mint_tokens <"$WORK/cold-keys" >"$WORK/cold-tokens"
  while read -r token; do
    cold="$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$((PORT + 1))/api/projects")"
    warm="$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$((PORT + 1))/api/projects")"
    echo "$cold $warm" >>"$WORK/cold-times"
  done <"$WORK/cold-tokens"
  # pairs with an answer other than 200 are counted, not timed
  local c w failed
  c="$(awk '$1 == 200 && $3 == 200 {print $2 * 1000}' "$WORK/cold-times" | median)"
  w="$(awk '$1 == 200 && $3 == 200 {print $4 * 1000}' "$WORK/cold-times" | median)"
  failed="$(awk '$1 != 200 || $3 != 200' "$WORK/cold-times" | wc -l)"
  [[ -z "$c" ]] || awk -v c="$c" -v w="$w" 'BEGIN {printf "first request %.1f ms, the next one %.1f ms: opening the pool costs %.1f ms; ", c, w, c - w}'
  echo "$failed of $(wc -l <"$WORK/cold-times") pairs answered other than 200."
}

noisy_bench() {
  OUT="$ROOT/bench/results/gateway-noisy-$STAMP.md"
  local keys=() i noisy
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  for i in $(seq -w 0 50); do keys+=("bnch-n$i"); done
  BENCH_KEYS=("${keys[@]}")
  provision_schema_tenants "${keys[@]}"
  noisy="${keys[0]}"
  # the noisy tenant: 300,000 projects and a project quota, so that every create counts them all
  psql -q -d "$DB" -c "SET ROLE tenant_${noisy//-/_}; SET search_path = tenant_${noisy//-/_}; INSERT INTO projects (id, name)
    SELECT gen_random_uuid(), 'heavy ' || n FROM generate_series(1, 300000) n; ANALYZE projects"
  directory_entry "$noisy" schema "$DB" 1000000000 | redis-cli -h 127.0.0.1 >/dev/null
  checkpoint
  printf '%s\n' "${keys[@]:1}" | mint_tokens >"$WORK/tokens"
  local noisy_token
  noisy_token="$(mint_token "$noisy")"
  start_gateway off
  : >"$WORK/runs"
  wrk_tenants "warm-up" "$WORK/tokens" 0 0.1 "$CONNECTIONS" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    wrk_tenants "50 tenants' mix alone, round $round" "$WORK/tokens" 0 0.1 "$CONNECTIONS" >>"$WORK/runs"
    counts_by gateway_db_bulkhead_rejected_total reason >"$WORK/rejections-before"
    wrk -t1 -c16 -d"$((DURATION + 4))s" --timeout 10s --latency -s "$ROOT/bench/gateway/post-project.lua" \
      -H "Authorization: Bearer $noisy_token" "http://127.0.0.1:$((PORT + 1))/api/projects" >"$WORK/noisy-$round.txt" &
    local noisy_pid=$!
    sleep 2
    if [[ "$round" == 1 ]]; then
      curl -sS -D - -o - -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $noisy_token" \
        -d '{"name":"x"}' "http://127.0.0.1:$((PORT + 1))/api/projects" | tr -d '\r' | head -c 700 >"$WORK/noisy-sample"
    fi
    wrk_tenants "50 tenants' mix beside the noisy tenant, round $round" "$WORK/tokens" 0 0.1 "$CONNECTIONS" >>"$WORK/runs"
    wait "$noisy_pid" || true
    echo "round $round: noisy tenant $(awk '/^Requests\/sec/ {print $2}' "$WORK/noisy-$round.txt") req/s," \
      "p99 $(awk '$1 == "99%" {print $2}' "$WORK/noisy-$round.txt"), non-2xx $(awk '/Non-2xx/ {print $NF}' "$WORK/noisy-$round.txt" | grep . || echo 0)," \
      "tenant-busy (all tenants) $(counts_since gateway_db_bulkhead_rejected_total reason "$WORK/rejections-before")" >>"$WORK/noisy"
    cat "$WORK/noisy-$round.txt" >>"$WORK/wrk.txt"
  done
  stop_gateways
  LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
  local alone beside
  alone="$(column_of 4 "50 tenants' mix alone" | median)" beside="$(column_of 4 "50 tenants' mix beside" | median)"
  {
    echo "# app-gateway benchmark, noisy neighbour, $STAMP"
    echo
    echo "Machine: $(nproc) cores; load average before: $LOAD_BEFORE, after: $LOAD_AFTER (shared machine)."
    echo "Commit: $(git -C "$ROOT" rev-parse --short HEAD). wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s per run, loopback, limiter off."
    echo "50 schema tenants run the mix (90 % GET /api/projects, 10 % POST /api/projects/{id}/tasks, tenant chosen uniformly),"
    echo "alone and then beside one noisy tenant (16 more connections of POST /api/projects, each counting its 300,000"
    echo "projects for the quota under a table lock: slow, and serialised within the tenant). All share one pool of ${GATEWAY_APP_DB_POOL_SIZE:-10}."
    echo
    table run req/s p50 p99 non-2xx <"$WORK/runs"
    echo
    echo "Others' p99 (median of $ROUNDS rounds): alone ${alone} ms, beside the noisy tenant ${beside} ms:" \
      "$(awk -v a="$alone" -v b="$beside" 'BEGIN {printf "%+.0f %%", 100 * (b - a) / a}') (target <= +20 %)."
    echo
    cat "$WORK/noisy"
    echo
    echo "One more request of the noisy tenant while it runs at full rate (round 1):"
    echo
    echo '```'
    cat "$WORK/noisy-sample"
    echo
    echo '```'
    echo
    raw_output "$WORK/wrk.txt"
  } >"$OUT"
  sed -n '1,/^<details>/p' "$OUT"
  echo "results: $OUT"
}
