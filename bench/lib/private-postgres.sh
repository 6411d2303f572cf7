# Sourced by benchmarks that need a PostgreSQL of their own, with settings the machine's server does not
# have or for load that must not reach it: initdb in a fresh directory, trust auth, loopback on a free
# port, thrown away at the end. As root the server runs as user postgres, since initdb refuses root.
PG_BIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

private_postgres_start() { # $1 data directory (created; its parent must be readable by postgres), $2 port, then server settings "-c name=value" ...
  local dir="$1" port="$2"
  [[ -x "$PG_BIN/initdb" ]] || { echo "missing PostgreSQL server binaries (initdb, pg_ctl)" >&2; exit 1; }
  mkdir -p "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres "$dir"
  as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres -A trust >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -w -l "$dir/log" -o "-p $port -c listen_addresses=127.0.0.1 -k $dir ${*:3}" start >/dev/null
}

private_postgres_stop() { # $1 data directory; nothing to do if it never started
  [[ -f "$1/PG_VERSION" ]] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$1" -m immediate -w stop >/dev/null 2>&1 || true
}
