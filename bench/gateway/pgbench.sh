# Sourced by bench/gateway.sh: pgbench doing the very transactions the gateway does, against one tenant.
# Needs PGBENCH, WORK, DURATION; the tenant's database, role/schema name and a project id as arguments.

# The transaction of GET /api/projects (first page of 20: 21 rows asked) and of POST /api/projects/{id}/tasks
# (the project's existence, the insert, then its activity row in the tenant's outbox with the actor's address, as
# the gateway writes it in the same transaction), each in two shapes:
#  - per-statement: BEGIN, SET LOCAL ROLE, SET LOCAL search_path, the statement(s), COMMIT, one round trip
#    each (-M extended, as a driver without batching sends them);
#  - batched: BEGIN and both SET LOCALs in one round trip with the first statement, COMMIT apart (-M simple,
#    pgbench's \; joins commands into one message): the fewest round trips a client can do this in.
pgbench_scripts() { # $1 schema/role name, $2 project id
  local scope="SET LOCAL ROLE \"$1\"" path="SET LOCAL search_path = \"$1\""
  local page="SELECT id, name, description, created_by, created_at, updated_at FROM projects ORDER BY created_at, id LIMIT 21"
  local exists="SELECT 1 FROM projects WHERE id = '$2'"
  local insert="INSERT INTO tasks (id, project_id, title, status, assignee_id, due_date) VALUES (gen_random_uuid(), '$2', 'bench task', coalesce(NULL, 'todo'), NULL, NULL) RETURNING id, project_id, title, status, assignee_id, due_date, created_at, updated_at"
  printf 'BEGIN;\n%s;\n%s;\n%s;\nCOMMIT;\n' "$scope" "$path" "$page" >"$WORK/page-per-statement.sql"
  printf 'BEGIN \\; %s \\; %s \\; %s;\nCOMMIT;\n' "$scope" "$path" "$page" >"$WORK/page-batched.sql"
  local actor="SELECT email FROM users WHERE id = (SELECT id FROM users ORDER BY created_at LIMIT 1)"
  local activity="WITH next AS (SELECT nextval(pg_get_serial_sequence('outbox', 'seq')) AS seq) INSERT INTO outbox (seq, id, subject, tenant, revision, payload) SELECT seq, gen_random_uuid(), 'activity.task.created', '$1', seq, jsonb_build_object('revision', seq, 'type', 'activity.task.created', 'data', jsonb_build_object('summary', 'bench task')) FROM next ON CONFLICT (id) DO NOTHING"
  printf 'BEGIN;\n%s;\n%s;\n%s;\n%s;\n%s;\n%s;\nCOMMIT;\n' "$scope" "$path" "$exists" "$insert" "$actor" "$activity" \
    >"$WORK/task-per-statement.sql"
  printf 'BEGIN \\; %s \\; %s \\; %s;\n%s;\n%s;\n%s;\nCOMMIT;\n' "$scope" "$path" "$exists" "$insert" "$actor" "$activity" \
    >"$WORK/task-batched.sql"
}

# $1 label, $2 database, $3 script name (page|task)-(per-statement|batched), $4 clients -> "label|tps|avg latency"
# Runs as gateway_app, like the gateway: the SET LOCAL ROLE is the only way to the tenant's rows.
pgbench_same_work() {
  local mode=extended out tps latency
  [[ "$3" == *batched ]] && mode=simple
  out="$("$PGBENCH" -n -U gateway_app -M "$mode" -c "$4" -j 2 -T "$DURATION" -f "$WORK/$3.sql" "$2" 2>&1)" || {
    echo "pgbench $3 failed: $out" >&2
    return 1
  }
  printf '== %s\n%s\n' "$1" "$out" >>"$WORK/pgbench-same.txt"
  tps="$(awk '/^tps/ {print $3; exit}' <<<"$out")"
  latency="$(awk '/latency average/ {print $4 " " $5}' <<<"$out")"
  echo "$1|$tps|$latency"
}
