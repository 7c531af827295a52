#!/usr/bin/env bash
# Run a command beside a throwaway PostgreSQL server (Debian's binaries), then remove it.
#
#   bash tests/store/with_postgres.sh .venv/bin/pytest -q
#
# The server lives in a temp folder, listens on a free loopback port only, runs as the
# 'postgres' user when we are root (initdb refuses root), trusts local connections, and
# is stopped and deleted on exit, even when the command fails. Its URL is exported as
# STORYTRACE_TEST_POSTGRES_URL; the store tests run against it as well as SQLite. Without
# the binaries, or if the server does not start, the command runs alone and the PostgreSQL
# tests skip, saying why.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "with_postgres: no PostgreSQL server binaries (apt-get install postgresql): PostgreSQL tests will skip" >&2
    exec "$@"
fi

dir=$(mktemp -d /tmp/storytrace-pg.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run_as=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    run_as=(runuser -u postgres --)
fi

stop() {
    "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT

if "${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U storytrace -A trust --no-sync >"$dir/initdb.log" 2>&1 \
    && "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
    && "$bindir/createdb" -h 127.0.0.1 -p "$port" -U storytrace storytrace_test; then
    export STORYTRACE_TEST_POSTGRES_URL="postgresql://storytrace@127.0.0.1:$port/storytrace_test"
    echo "with_postgres: throwaway PostgreSQL on 127.0.0.1:$port" >&2
else
    echo "with_postgres: PostgreSQL did not start (logs below): PostgreSQL tests will skip" >&2
    cat "$dir"/*.log >&2 || true
fi

status=0
"$@" || status=$?
exit "$status"
