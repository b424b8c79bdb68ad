# shellcheck shell=bash
# Sourced by .ci/run (never executed): a private PostgreSQL cluster for the tests marked
# `postgres`, exactly as /work/shared/CI_RECIPES.md section 1 (tested there):
#   - installs the server with apt-get only if no initdb exists (leaves an existing
#     install and its `main` cluster alone);
#   - initdb + pg_ctl start as the postgres user in a mktemp dir, on 127.0.0.1:55432,
#     fsync off (a throwaway cluster);
#   - a role and database `ci`, DATABASE_URL exported; psycopg (the `postgres` extra)
#     installed into the active venv if missing;
#   - stops the server and removes the dir on EXIT (chained after any existing trap).
# It does not `set -e` or exit: on failure it says so and the postgres tests skip.

_veille_pg_setup() {
  local sudo=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "postgres.sh: installing postgresql"
    $sudo apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      postgresql >/dev/null || return 1
  fi
  local py="${VIRTUAL_ENV:+$VIRTUAL_ENV/bin/}python"
  if ! "$py" -c "import psycopg" >/dev/null 2>&1; then
    "$py" -m pip install --quiet "psycopg[binary]==3.3.9" || return 1
  fi
  VEILLE_PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  VEILLE_PGROOT=$(mktemp -d /tmp/ci-pg.XXXXXX) || return 1
  chown postgres:postgres "$VEILLE_PGROOT" || return 1
  export PGPORT=55432
  # Chain onto an existing EXIT trap instead of replacing it.
  local previous
  previous=$(trap -p EXIT | sed -e "s/^trap -- '\(.*\)' EXIT$/\1/")
  # shellcheck disable=SC2064
  trap "runuser -u postgres -- \"$VEILLE_PGBIN/pg_ctl\" -D \"$VEILLE_PGROOT/data\" -m fast -w stop >/dev/null 2>&1; rm -rf \"$VEILLE_PGROOT\"${previous:+; $previous}" EXIT
  runuser -u postgres -- "$VEILLE_PGBIN/initdb" -D "$VEILLE_PGROOT/data" -U postgres -E UTF8 \
    --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 \
    >"$VEILLE_PGROOT/initdb.log" || return 1
  runuser -u postgres -- "$VEILLE_PGBIN/pg_ctl" -D "$VEILLE_PGROOT/data" \
    -l "$VEILLE_PGROOT/server.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $PGPORT -k $VEILLE_PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$VEILLE_PGROOT/server.log" >&2; return 1; }
  runuser -u postgres -- psql -h "$VEILLE_PGROOT" -p "$PGPORT" -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE ci LOGIN PASSWORD 'ci'" -c "CREATE DATABASE ci OWNER ci" || return 1
  export DATABASE_URL="postgresql+psycopg://ci:ci@127.0.0.1:$PGPORT/ci"
  echo "postgres.sh: $("$VEILLE_PGBIN/postgres" --version) on 127.0.0.1:$PGPORT; DATABASE_URL set"
}

if ! _veille_pg_setup; then
  echo "postgres.sh: setup failed; tests marked 'postgres' will be skipped" >&2
  unset DATABASE_URL
fi
unset -f _veille_pg_setup
