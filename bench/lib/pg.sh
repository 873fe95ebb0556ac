# PostgreSQL 15 (Debian's server packages) in a private cluster under target/bench/pg, with production durability.
# Sourced by bench/run.sh. As root the cluster runs as the 'postgres' system user (initdb refuses root).
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_as() { # run a server binary as the cluster's owner
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() { # pg_start DIR: initdb (once) and start on a free loopback port; sets PGPORT, PGHOST, PGUSER
  local dir=$1
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL 15 server not found in $PG_BIN: apt-get install postgresql" >&2; exit 1; }
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    pg_as "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Durability settings are the defaults; they are set here explicitly so nobody's postgresql.conf changes them.
  pg_as "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "-p $PGPORT -c listen_addresses=127.0.0.1 \
      -c unix_socket_directories='$dir' -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
      -c max_connections=50" >/dev/null
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres
}

pg_stop() { # pg_stop DIR
  pg_as "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
}

pg_settings() { # one line: server version and the durability settings as the server reports them
  psql -X -At -d postgres -c "SELECT 'PostgreSQL ' || current_setting('server_version') || '; fsync=' ||
    current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') ||
    ', full_page_writes=' || current_setting('full_page_writes') || ', wal_sync_method=' ||
    current_setting('wal_sync_method')"
}

pg_fresh() { # pg_fresh DB [TEMPLATE]: drop and create a database
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 TEMPLATE ${2:-template0}" >/dev/null
}

pg_drop() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1" >/dev/null; }
