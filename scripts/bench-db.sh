#!/usr/bin/env bash
# Database benchmarks of issue 7, against the local PostgreSQL, in schemas this script creates and drops:
#   1. rotation latency (POST /rest/encryption/keys on a running server) with 10 and with 10^5 records;
#   2. eager re-encryption of 10^5 records (`rekey reencrypt`, -Xmx256m) against a plain JDBC batch UPDATE
#      of the same rows (org.rekey.benchmarks.db.RewriteReference), with the peak heap at 10^4 and 10^5;
#      For information, the same JDBC batches doing rekey's cryptography (domain API): what batched writes reach.
#   3. the same re-encryption with two `rekey reencrypt` processes at once.
# Each re-encryption is checked with SQL: every record moved exactly once (version + 1, on the active key).
# Figures are ratios against a reference measured in the same run: the machine is shared and noisy.
# Exit non-zero when a step fails; a missed goal only prints MISSED.
#
# usage: scripts/bench-db.sh
# env:   BENCH_PG_HOST/PORT/USER/DB  PostgreSQL (default 127.0.0.1 5432 postgres test; trust auth, no password)
#        BENCH_RECORDS      large record count (default 100000); BENCH_HEAP_RECORDS (default 10000)
#        BENCH_ROTATIONS    timed rotations per record count (default 30, after BENCH_WARMUP=10)
#        BENCH_BATCH        re-encryption batch size, rekey's and the reference's (default 500)
#        BENCH_JFR=1        also record a JFR of the single-process re-encryption (rekey-reencrypt.jfr)
#        BENCH_NO_BUILD=1   use the jars as they are (else rebuilt when missing or older than the sources)
#        BENCH_OUT          logs and GC logs (default benchmarks/target/bench-db)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rekey_jar=$root/bootstrap/target/rekey.jar
bench_jar=$root/benchmarks/target/benchmarks.jar
out=${BENCH_OUT:-$root/benchmarks/target/bench-db}
pg_host=${BENCH_PG_HOST:-127.0.0.1} pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres} pg_db=${BENCH_PG_DB:-test}
records=${BENCH_RECORDS:-100000} heap_records=${BENCH_HEAP_RECORDS:-10000} small=10
rotations=${BENCH_ROTATIONS:-30} warmup=${BENCH_WARMUP:-10} batch=${BENCH_BATCH:-500}
heap_opts="-Xmx256m"
step_timeout=900

# rekey's configuration comes from this script only.
unset N8N_ENCRYPTION_KEY_FILE REKEY_DB_USER REKEY_DB_PASSWORD REKEY_INSTANCE_TYPE REKEY_JAVA_OPTS
fail() { echo "bench-db: FAILED: $*" >&2; exit 1; }
note() { echo "bench-db: $*" >&2; }
for tool in java psql curl jq awk timeout; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done

# --- jars ------------------------------------------------------------------------------------------
newer_than() { [[ -n $(find "${@:2}" -newer "$1" -print -quit 2>/dev/null) ]]; }
if [[ ${BENCH_NO_BUILD:-} != 1 ]]; then
    "$root/rekey" --help >/dev/null   # the launcher rebuilds the jar when missing or stale
    if [[ ! -f $bench_jar ]] || newer_than "$bench_jar" "$root/benchmarks/src/main" "$root/benchmarks/pom.xml"; then
        note "building $bench_jar"
        (cd "$root" && mvn -q -B -pl benchmarks -am package -DskipTests) >&2
    fi
fi
[[ -f $rekey_jar && -f $bench_jar ]] || fail "missing $rekey_jar or $bench_jar (unset BENCH_NO_BUILD to build)"

# --- PostgreSQL and the schemas --------------------------------------------------------------------
sql() { psql "host=$pg_host port=$pg_port user=$pg_user dbname=$pg_db" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
sql -c 'SELECT 1' >/dev/null || fail "PostgreSQL is not reachable at $pg_host:$pg_port (db $pg_db, user $pg_user)"
tag=rekey_bench_$(date +%s)_$$
small_schema=${tag}_small large_schema=${tag}_large snap_schema=${tag}_snap
jdbc() { echo "jdbc:postgresql://$pg_host:$pg_port/$pg_db?user=$pg_user&currentSchema=$1"; }

mkdir -p "$out"
rm -f "$out"/*.log "$out"/*.jfr
home=$(mktemp -d)
server_pids=()
cleanup() {
    local pid
    for pid in "${server_pids[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    done
    sql -c "DROP SCHEMA IF EXISTS $small_schema CASCADE; DROP SCHEMA IF EXISTS $large_schema CASCADE;
            DROP SCHEMA IF EXISTS $snap_schema CASCADE" >/dev/null 2>&1 || true
    rm -rf "$home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
sql -c "CREATE SCHEMA $small_schema; CREATE SCHEMA $large_schema; CREATE SCHEMA $snap_schema"
in_schema() { sql -c "SET search_path TO $1" -c "$2"; }

if pgrep -f 'surefire|maven' >/dev/null; then
    note "WARNING: a Maven build is running on this machine: the figures will be noisy"
fi

# --- rekey as a process ----------------------------------------------------------------------------
instance_key=$(head -c 24 /dev/urandom | base64)
# rk SCHEMA LOG ARGS...: one rekey command on SCHEMA, stderr to LOG; java options from $RK_OPTS. It runs
# through the ./rekey launcher, as an operator would (with its class-data-sharing archive).
rk() {
    local schema=$1 log=$2
    shift 2
    # shellcheck disable=SC2086 # RK_OPTS holds several JVM options
    env N8N_ENCRYPTION_KEY="$instance_key" N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true \
        REKEY_USER_FOLDER="$home" REKEY_DB_URL="$(jdbc "$schema")" \
        REKEY_JAVA_OPTS="${RK_OPTS:-}" timeout "$step_timeout" "$root/rekey" "$@" 2>>"$log"
}
free_port() {
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    fail "no free port found"
}
# serve SCHEMA: starts `rekey serve` (its pid is java's own, to stop it), waits for /healthz; sets $port.
serve() {
    port=$(free_port)
    env N8N_ENCRYPTION_KEY="$instance_key" N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true REKEY_USER_FOLDER="$home" \
        REKEY_DB_URL="$(jdbc "$1")" REKEY_PORT="$port" java -jar "$rekey_jar" serve >/dev/null 2>>"$out/serve-$1.log" &
    server_pids+=("$!")
    for _ in $(seq 120); do
        curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && return
        kill -0 "${server_pids[-1]}" 2>/dev/null || fail "rekey serve exited; see $out/serve-$1.log"
        sleep 0.5
    done
    fail "rekey serve did not answer /healthz within 60 s; see $out/serve-$1.log"
}
stop_servers() {
    local pid
    for pid in "${server_pids[@]}"; do kill "$pid" && wait "$pid" 2>/dev/null || true; done
    server_pids=()
}
. "$root/scripts/lib-bench.sh"
gc_opts() { echo "$heap_opts -Xlog:gc,gc+heap+exit:file=$1"; }

# --- seed ------------------------------------------------------------------------------------------
# Ten credentials through the API (valid values under the active key), about 1 KiB of JSON each.
filler=$(head -c 600 /dev/zero | tr '\0' 'x')
create_credentials() {
    local token=$1 i body
    for i in $(seq "$small"); do
        body=$(jq -cn --arg n "bench-$i" --arg f "$filler$i" \
            '{name: $n, type: "oAuth2Api", data: {clientId: "1234567890-abcdefghijklmnop.apps.googleusercontent.com",
              clientSecret: "GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz01", accessTokenUrl: "https://oauth2.googleapis.com/token",
              scope: "https://www.googleapis.com/auth/drive.readonly", oauthTokenData: {token_type: "Bearer",
              refresh_token: "1//0gAbCdEfGhIjKlMnOpQrStUvWxYz0123456789", access_token: $f}}}')
        curl -fs -o /dev/null -X POST -H "X-N8N-API-KEY: $token" -H 'Content-Type: application/json' \
            -d "$body" "http://127.0.0.1:$port/rest/credentials" || fail "creating credential $i"
    done
}
# grow SCHEMA TOTAL: copies its rows (new ids, same values: a value does not depend on the id) up to TOTAL.
grow() {
    in_schema "$1" "
        WITH t AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n, * FROM credentials_entity)
        INSERT INTO credentials_entity (id, name, type, data, key_id, version, created_at, updated_at)
        SELECT substr(md5('$1' || s), 1, 16), t.name || '-' || s, t.type, t.data, t.key_id, t.version,
               t.created_at, t.updated_at
        FROM generate_series(1, $2 - (SELECT count(*) FROM credentials_entity)) s
        JOIN t ON t.k = s % t.n" >/dev/null
    sql -c "VACUUM ANALYZE $1.credentials_entity" >/dev/null
    [[ $(in_schema "$1" 'SELECT count(*) FROM credentials_entity') == "$2" ]] || fail "seeding $1 to $2 rows"
}
active_key() { in_schema "$1" "SELECT id FROM deployment_key WHERE status = 'active'"; }

note "seeding: $small records in $small_schema, $records in $large_schema (logs in $out)"
declare -A token port_of
for schema in "$small_schema" "$large_schema"; do
    token[$schema]=$(rk "$schema" "$out/cli.log" api-keys create --owner --label bench) || fail "api-keys create"
    serve "$schema"
    port_of[$schema]=$port
    create_credentials "${token[$schema]}"
done
grow "$large_schema" "$records"

# --- 1. rotation latency ---------------------------------------------------------------------------
# Both servers run at once and rotations alternate between them, so noise hits both record counts alike
# and both keyrings hold the same number of keys at every step. Time: curl's total, loopback HTTP included.
rotate_once() {
    local reply
    reply=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "X-N8N-API-KEY: ${token[$1]}" \
        -H 'Content-Type: application/json' -d '{"type":"data_encryption"}' \
        "http://127.0.0.1:${port_of[$1]}/rest/encryption/keys")
    [[ ${reply%% *} == 201 ]] || fail "rotation on $1 answered ${reply%% *}"
    echo "${reply#* }"
}
note "rotation: $warmup warm-up and $rotations timed rotations per record count, alternating"
for _ in $(seq "$warmup"); do rotate_once "$small_schema" >/dev/null; rotate_once "$large_schema" >/dev/null; done
: > "$out/rotate-small.txt"; : > "$out/rotate-large.txt"
for _ in $(seq "$rotations"); do
    rotate_once "$small_schema" >> "$out/rotate-small.txt"
    rotate_once "$large_schema" >> "$out/rotate-large.txt"
done
stop_servers
rot_small=$(awk '{ printf "%.2f\n", $1 * 1000 }' "$out/rotate-small.txt" | median)
rot_large=$(awk '{ printf "%.2f\n", $1 * 1000 }' "$out/rotate-large.txt" | median)
for schema in "$small_schema" "$large_schema"; do
    [[ $(in_schema "$schema" "SELECT count(*) FROM deployment_key WHERE status = 'active'") == 1 ]] \
        || fail "$schema does not have exactly one active key after the rotations"
done
rot_ratio=$(ratio "$rot_large" "$rot_small")

# --- 2. re-encryption against the JDBC reference ---------------------------------------------------
# snapshot SCHEMA NAME: every record's version now, to check afterwards that each moved exactly once.
snapshot() { sql -c "CREATE TABLE $snap_schema.$2 AS SELECT id, version FROM $1.credentials_entity" >/dev/null; }
# moved_once SCHEMA NAME: fails unless every record is on the active key with its version one above NAME's.
moved_once() {
    local key counts
    key=$(active_key "$1")
    counts=$(sql -c "SELECT count(*) FILTER (WHERE c.version = s.version + 1 AND c.key_id = '$key'), count(*),
                            (SELECT count(*) FROM $1.credentials_entity)
                     FROM $1.credentials_entity c JOIN $snap_schema.$2 s USING (id)")
    IFS='|' read -r good joined total <<< "$counts"
    [[ $good == "$joined" && $joined == "$total" ]] \
        || fail "in $1, $good of $total records moved exactly once to $key"
}
# reference: one JDBC rewrite of the large schema, timed as a process like rekey.
# reference TAG [--reencrypt]: one JDBC rewrite of the large schema, measured as a process like rekey;
# prints "wall cpu pg-cpu own-timer-s". With --reencrypt it moves every value to the active key with rekey's
# domain API instead of writing it back unchanged.
reference() {
    local times report
    sql -c "VACUUM ANALYZE $large_schema.credentials_entity" >/dev/null
    # shellcheck disable=SC2086 # heap_opts holds JVM options
    times=$(measured "$out/reference-$1.txt" env N8N_ENCRYPTION_KEY="$instance_key" timeout "$step_timeout" \
        java $heap_opts -cp "$bench_jar" org.rekey.benchmarks.db.RewriteReferenceMain "$(jdbc "$large_schema")" \
        "$batch" ${2:-}) || fail "the JDBC reference failed"
    report=$(cat "$out/reference-$1.txt")
    [[ $report == "rows=$records "* ]] || fail "the JDBC reference rewrote: $report"
    note "reference $1: $report (wall, CPU, PostgreSQL CPU: $times)"
    echo "$times $(awk -F'millis=' '{ printf "%.3f", $2 / 1000 }' <<< "$report")"
}
# reencrypt SCHEMA TAG [JVM options]: one `rekey reencrypt` with a GC log; prints "wall cpu pg-cpu moved".
reencrypt() {
    local times report
    times=$(RK_OPTS="$(gc_opts "$out/gc-$2.log") ${3:-}" measured "$out/reencrypt-$2.json" rk "$1" \
        "$out/reencrypt-$2.log" reencrypt --json --batch-size "$batch") \
        || fail "rekey reencrypt ($2) failed; see $out/reencrypt-$2.log"
    report=$(cat "$out/reencrypt-$2.json")
    [[ $(jq -r '.succeeded and (.failures | length == 0)' <<< "$report") == true ]] || fail "reencrypt ($2): $report"
    echo "$times $(jq -r .moved <<< "$report")"
}

note "re-encryption: JDBC reference, rekey, JDBC reference again ($records records, batches of $batch)"
read -r ref1 ref1_cpu ref1_pg ref1_own <<< "$(reference 1)"
[[ -n $ref1_pg ]] || fail "the JDBC reference failed"
snapshot "$large_schema" before_one
sql -c "VACUUM ANALYZE $large_schema.credentials_entity" >/dev/null
jfr_opts=""
[[ ${BENCH_JFR:-} == 1 ]] && jfr_opts="-XX:StartFlightRecording=filename=$out/rekey-reencrypt.jfr,settings=profile"
result=$(reencrypt "$large_schema" one "$jfr_opts")
read -r one_time one_cpu one_pg one_moved <<< "$result"
[[ $one_moved == "$records" ]] || fail "rekey reencrypt moved $one_moved of $records records"
moved_once "$large_schema" before_one
read -r one_peak one_live <<< "$(heap "$out/gc-one.log")"
result=$(reencrypt "$large_schema" noop)
read -r noop_time noop_cpu _ noop_moved <<< "$result"
[[ $noop_moved == 0 ]] || fail "a second rekey reencrypt moved $noop_moved records"
read -r ref2 ref2_cpu ref2_pg ref2_own <<< "$(reference 2)"
[[ -n $ref2_pg ]] || fail "the JDBC reference failed"
ref_time=$(awk -v a="$ref1" -v b="$ref2" 'BEGIN { printf "%.3f", (a + b) / 2 }')
ref_own=$(awk -v a="$ref1_own" -v b="$ref2_own" 'BEGIN { printf "%.3f", (a + b) / 2 }')
one_ratio=$(ratio "$ref_time" "$one_time")
one_net=$(awk -v a="$one_time" -v b="$noop_time" 'BEGIN { printf "%.3f", a - b }')
net_ratio=$(ratio "$ref_own" "$one_net")

note "re-encryption: JDBC batches with rekey's domain cryptography (what batched writes could reach)"
rk "$large_schema" "$out/cli.log" keys rotate >/dev/null || fail "keys rotate"
snapshot "$large_schema" before_crypto
read -r crypto_time crypto_cpu crypto_pg crypto_own <<< "$(reference crypto --reencrypt)"
[[ -n $crypto_own ]] || fail "the JDBC reference with rekey's cryptography failed"
moved_once "$large_schema" before_crypto
crypto_ratio=$(ratio "$ref_time" "$crypto_time")

note "re-encryption: peak heap at $heap_records records"
grow "$small_schema" "$heap_records"
rk "$small_schema" "$out/cli.log" keys rotate >/dev/null || fail "keys rotate"
result=$(reencrypt "$small_schema" small)
read -r small_time _ _ small_moved <<< "$result"
[[ $small_moved == "$heap_records" ]] || fail "rekey reencrypt moved $small_moved of $heap_records records"
read -r small_peak small_live <<< "$(heap "$out/gc-small.log")"

# --- 3. two processes at once ----------------------------------------------------------------------
note "re-encryption: two processes at once"
rk "$large_schema" "$out/cli.log" keys rotate >/dev/null || fail "keys rotate"
snapshot "$large_schema" before_two
sql -c "VACUUM ANALYZE $large_schema.credentials_entity" >/dev/null
pg0=$(pg_cpu)
start=$(now)
reencrypt "$large_schema" two-a > "$out/two-a.txt" &
pid_a=$!
reencrypt "$large_schema" two-b > "$out/two-b.txt" &
pid_b=$!
wait "$pid_a" || fail "the first of two concurrent rekey reencrypt failed"
wait "$pid_b" || fail "the second of two concurrent rekey reencrypt failed"
two_time=$(since "$start")
two_pg=$(awk -v a="$pg0" -v b="$(pg_cpu)" 'BEGIN { printf "%.2f", b - a }')
read -r _ cpu_a _ moved_a < "$out/two-a.txt"
read -r _ cpu_b _ moved_b < "$out/two-b.txt"
[[ -n $moved_a && -n $moved_b ]] || fail "a concurrent rekey reencrypt did not report"
[[ $((moved_a + moved_b)) == "$records" ]] || fail "two processes moved $moved_a + $moved_b, not $records"
moved_once "$large_schema" before_two
two_ratio=$(ratio "$ref_time" "$two_time")
read -r two_peak_a _ <<< "$(heap "$out/gc-two-a.log")"
read -r two_peak_b _ <<< "$(heap "$out/gc-two-b.log")"
live_growth=$(ratio "$one_live" "$small_live")

# --- summary ---------------------------------------------------------------------------------------
{
    echo
    echo "bench-db $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
        "PostgreSQL $(sql -c 'SHOW server_version'), $(java -version 2>&1 | head -1)"
    printf '%-52s %14s %12s %s\n' "measure" "value" "goal" ""
    printf '%-52s %14s\n' "rotation, $small records (median of $rotations, ms)" "$rot_small"
    printf '%-52s %14s\n' "rotation, $records records (median of $rotations, ms)" "$rot_large"
    printf '%-52s %14s %12s %s\n' "rotation ratio $records / $small" "$rot_ratio" "<= 1.5" "$(verdict "$rot_ratio" 1.5 le)"
    printf '%-52s %14s\n' "JDBC reference, $records rows (s, mean of $ref1, $ref2)" "$ref_time"
    printf '%-52s %14s\n' "  CPU s: reference JVM, PostgreSQL (runs 1, 2)" "$ref1_cpu, $ref1_pg; $ref2_cpu, $ref2_pg"
    printf '%-52s %14s\n' "rekey reencrypt, $records records, 1 process (s)" "$one_time"
    printf '%-52s %14s\n' "  CPU s: rekey JVM, PostgreSQL" "$one_cpu, $one_pg"
    printf '%-52s %14s\n' "  a no-op rekey reencrypt: wall s (CPU s)" "$noop_time ($noop_cpu)"
    printf '%-52s %14s %12s %s\n' "rekey speed relative to the reference, 1 process" "${one_ratio}x" ">= 0.5x" \
        "$(verdict "$one_ratio" 0.5 ge)"
    printf '%-52s %14s\n' "  the same without start-up (reference's own timer" "${net_ratio}x"
    printf '%-52s %14s\n' "  $ref_own s; rekey minus the no-op run, $one_net s)" ""
    printf '%-52s %14s\n' "JDBC batches + rekey's domain crypto, $records (s)" "$crypto_time"
    printf '%-52s %14s\n' "  CPU s: JVM, PostgreSQL; relative speed" "$crypto_cpu, $crypto_pg; ${crypto_ratio}x"
    printf '%-52s %14s\n' "rekey reencrypt, $records records, 2 processes (s)" "$two_time"
    printf '%-52s %14s\n' "  records moved by each process" "$moved_a + $moved_b"
    printf '%-52s %14s\n' "  CPU s: rekey JVMs, PostgreSQL" "$cpu_a + $cpu_b, $two_pg"
    printf '%-52s %14s %12s %s\n' "rekey speed relative to the reference, 2 processes" "${two_ratio}x" ">= 0.5x" \
        "$(verdict "$two_ratio" 0.5 ge)"
    printf '%-52s %14s\n' "rekey reencrypt, $heap_records records, 1 process (s)" "$small_time"
    printf '%-52s %14s %12s %s\n' "peak heap used, $heap_records records (MiB; live $small_live)" "$small_peak" "< 256" \
        "$(verdict "$small_peak" 256 le)"
    printf '%-52s %14s %12s %s\n' "peak heap used, $records records (MiB; live $one_live)" "$one_peak" "< 256" \
        "$(verdict "$one_peak" 256 le)"
    printf '%-52s %14s %12s %s\n' "live heap growth $heap_records -> $records records" "${live_growth}x" \
        "flat <= 1.5x" "$(verdict "$live_growth" 1.5 le)"
    printf '%-52s %14s\n' "peak heap used, $records records, 2 processes (MiB)" "$two_peak_a, $two_peak_b"
    echo "every record moved exactly once (versions +1, on the active key): checked with SQL after each run"
} | tee "$out/summary.txt"
