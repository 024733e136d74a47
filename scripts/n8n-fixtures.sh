#!/usr/bin/env bash
# Regenerates the n8n schema fixtures in adapter-persistence/src/test/resources/n8n/ from a real n8n
# (scripts/install-n8n.sh): starts n8n once on a fresh PostgreSQL database (and once more with
# DB_TABLE_PREFIX=rk_) and once on a fresh SQLite file, lets it migrate, stops it, and dumps the schema
# and the rows of its migrations table. Needs PostgreSQL at PGHOST (default 127.0.0.1), pg_dump, sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-n8n.sh

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
out=adapter-persistence/src/test/resources/n8n
work=$(mktemp -d)
db="rekey_n8n_fixture_$$"
cleanup() { n8n_stop_all; dropdb --if-exists "$db" 2>/dev/null || true; dropdb --if-exists "${db}_rk" 2>/dev/null || true; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
n8n_init "$(scripts/install-n8n.sh)"
version=$(n8n_cli --version)
today=$(date -u +%Y-%m-%d)
mkdir -p "$out"

# migrate_once NAME: starts n8n with N8N_RUN_ENV plus its own folder and ports, waits, stops it.
migrate_once() {
  local name="$1"
  N8N_RUN_ENV+=("N8N_USER_FOLDER=$work/$name" "N8N_PORT=$(n8n_free_port)" "N8N_RUNNERS_BROKER_PORT=$(n8n_free_port)")
  mkdir -p "$work/$name"
  n8n_start "$work/$name.log"
  local port; port=$(printf '%s\n' "${N8N_RUN_ENV[@]}" | sed -n 's/^N8N_PORT=//p' | tail -n 1)
  n8n_wait_ready "$port" "$N8N_PID" 180 || { tail -n 40 "$work/$name.log" >&2; exit 1; }
  n8n_stop "$N8N_PID"
}

# dump_postgres DATABASE PREFIX FILE
dump_postgres() {
  local database="$1" prefix="$2" file="$3"
  {
    echo "-- n8n $version schema on PostgreSQL, DB_TABLE_PREFIX='$prefix', made $today by scripts/n8n-fixtures.sh:"
    echo "-- a fresh database migrated by \`n8n start\` (DB_TYPE=postgresdb), then"
    echo "-- \`pg_dump --schema-only --no-owner --no-privileges\` plus"
    echo "-- \`pg_dump --data-only --column-inserts --table=${prefix}migrations\` ($(pg_dump --version))."
    echo "-- Edited only so that it loads into any schema by plain JDBC: psql meta-commands, SET lines and the"
    echo "-- empty search_path removed, the 'public.' qualifier dropped (objects go to the current schema, e.g."
    echo "-- currentSchema= on the JDBC URL), and the unused uuid-ossp extension left out. Run the whole file as"
    echo "-- one Statement.execute (pgjdbc splits it, honouring the \$\$-quoted function body)."
    { pg_dump --schema-only --no-owner --no-privileges "$database"
      pg_dump --data-only --column-inserts --table="${prefix}migrations" "$database"; } | python3 -c '
import re, sys
out = []
for line in sys.stdin:
    if line.startswith("\\") or line.startswith("--") or "uuid-ossp" in line:
        continue
    if re.match(r"^SET |^SELECT pg_catalog\.set_config\(.search_path", line):
        continue
    line = re.sub(r"\bpublic\.(?=[A-Za-z_\"])", "", line)
    line = line.replace("pg_catalog.setval(\x27public.", "pg_catalog.setval(\x27")
    out.append(line)
sys.stdout.write(re.sub(r"\n{3,}", "\n\n", "".join(out)))
'
  } > "$file"
  n8n_log "wrote $file ($(wc -l < "$file") lines)"
}

pg_env=(DB_TYPE=postgresdb "DB_POSTGRESDB_HOST=$PGHOST" "DB_POSTGRESDB_PORT=$PGPORT" "DB_POSTGRESDB_USER=$PGUSER"
  N8N_ENCRYPTION_KEY=fixture-instance-key)

createdb "$db"
N8N_RUN_ENV=("${pg_env[@]}" "DB_POSTGRESDB_DATABASE=$db")
migrate_once pg
dump_postgres "$db" "" "$out/postgres-schema.sql"

createdb "${db}_rk"
N8N_RUN_ENV=("${pg_env[@]}" "DB_POSTGRESDB_DATABASE=${db}_rk" DB_TABLE_PREFIX=rk_)
migrate_once pg-rk
dump_postgres "${db}_rk" rk_ "$out/postgres-schema-rk.sql"

N8N_RUN_ENV=(DB_TYPE=sqlite N8N_ENCRYPTION_KEY=fixture-instance-key)
migrate_once sqlite
{
  echo "-- n8n $version schema on SQLite, made $today by scripts/n8n-fixtures.sh: a fresh"
  echo "-- <N8N_USER_FOLDER>/.n8n/database.sqlite migrated by \`n8n start\` (DB_TYPE=sqlite), then"
  echo "-- \`sqlite3 database.sqlite .schema\` ($(sqlite3 --version | cut -d' ' -f1)) without sqlite_sequence (SQLite makes it"
  echo "-- itself), plus the rows of the migrations table (\`.mode insert migrations\`). Loads into a fresh file"
  echo "-- with one Statement.executeUpdate of the whole text (sqlite-jdbc runs every statement; the trigger body"
  echo "-- holds ';' inside BEGIN...END, so do not split on ';')."
  sqlite3 "$work/sqlite/.n8n/database.sqlite" .schema | grep -v '^CREATE TABLE sqlite_sequence('
  sqlite3 "$work/sqlite/.n8n/database.sqlite" '.mode insert migrations' 'SELECT * FROM migrations ORDER BY id;'
} > "$out/sqlite-schema.sql"
n8n_log "wrote $out/sqlite-schema.sql ($(wc -l < "$out/sqlite-schema.sql") lines)"
