#!/usr/bin/env bash
# HTTP benchmark of issue 7: wrk against GET /rest/credentials/{id}?includeData=true (token check, one record
# read, decryption, JSON) and, on the same server with the same wrk settings, against
#   - GET /rest/openapi.yaml: the trivial endpoint (static bytes, no token check, no database), the reference;
#   - GET /rest/module-settings: a token check and a tiny JSON body, no record, no cryptography, to show
#     where the credential read's time goes.
# Each endpoint gets a warm-up run, then BENCH_ROUNDS timed runs, interleaved. Figures are ratios against
# the reference measured in the same run: the machine is shared and noisy, and wrk shares its CPUs. Beside
# requests/s, the server's CPU time per request (from /proc) is shown: it moves far less with the load.
# Exit non-zero when a step fails (including any non-2xx answer or socket error); a missed goal only
# prints MISSED.
#
# usage: scripts/bench-http.sh
# env:   BENCH_DB          h2 (default: rekey's default embedded database, in a temporary user folder) or
#                          postgresql (a schema of its own in BENCH_PG_HOST/PORT/USER/DB, created and dropped)
#        BENCH_WRK         wrk options per run (default "-t2 -c16 -d15s"); BENCH_WARMUP_DURATION (default 5s)
#        BENCH_ROUNDS      timed runs per endpoint (default 2)
#        BENCH_SERVER_OPTS JVM options of the server, e.g. -XX:StartFlightRecording=filename=rekey.jfr
#        BENCH_NO_BUILD=1  use bootstrap/target/rekey.jar as it is (else rebuilt when missing or stale)
#        BENCH_OUT         logs and wrk outputs (default benchmarks/target/bench-http)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rekey_jar=$root/bootstrap/target/rekey.jar
out=${BENCH_OUT:-$root/benchmarks/target/bench-http}
db=${BENCH_DB:-h2}
pg_host=${BENCH_PG_HOST:-127.0.0.1} pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres} pg_db=${BENCH_PG_DB:-test}
read -r -a wrk_opts <<< "${BENCH_WRK:--t2 -c16 -d15s}"
warmup_duration=${BENCH_WARMUP_DURATION:-5s}
rounds=${BENCH_ROUNDS:-2}

# rekey's configuration comes from this script only.
unset N8N_ENCRYPTION_KEY_FILE REKEY_DB_USER REKEY_DB_PASSWORD REKEY_INSTANCE_TYPE REKEY_JAVA_OPTS
fail() { echo "bench-http: FAILED: $*" >&2; exit 1; }
note() { echo "bench-http: $*" >&2; }
[[ $db == h2 || $db == postgresql ]] || fail "BENCH_DB must be h2 or postgresql, not '$db'"
for tool in java curl jq awk; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done
if ! command -v wrk >/dev/null; then
    note "installing wrk (Debian package)"
    sudo_if_needed=$([[ $(id -u) == 0 ]] || echo sudo)
    $sudo_if_needed apt-get install -y -q wrk >&2 || fail "could not install wrk (apt-get install wrk)"
fi
if [[ ${BENCH_NO_BUILD:-} != 1 ]]; then
    "$root/rekey" --help >/dev/null   # the launcher rebuilds the jar when missing or stale
fi
[[ -f $rekey_jar ]] || fail "missing $rekey_jar (unset BENCH_NO_BUILD to build it)"

mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.log
home=$(mktemp -d)
server_pid=""
schema=""
sql() { psql "host=$pg_host port=$pg_port user=$pg_user dbname=$pg_db" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    fi
    if [[ -n $schema ]]; then
        sql -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
    fi
    rm -rf "$home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export N8N_ENCRYPTION_KEY REKEY_USER_FOLDER=$home N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true
N8N_ENCRYPTION_KEY=$(head -c 24 /dev/urandom | base64)
if [[ $db == postgresql ]]; then
    command -v psql >/dev/null || fail "psql is not installed"
    schema=rekey_bench_http_$(date +%s)_$$
    sql -c "CREATE SCHEMA $schema" || fail "PostgreSQL is not reachable at $pg_host:$pg_port"
    export REKEY_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$pg_db?user=$pg_user&currentSchema=$schema"
    db_label="PostgreSQL $(sql -c 'SHOW server_version' | cut -d' ' -f1)"
else
    unset REKEY_DB_URL
    db_label="H2 (embedded file, rekey's default)"
fi
if pgrep -f 'surefire|maven' >/dev/null; then
    note "WARNING: a Maven build is running on this machine: the figures will be noisy"
fi

# --- server, token, credential ---------------------------------------------------------------------
token=$(timeout 120 java -jar "$rekey_jar" api-keys create --owner --label bench 2>>"$out/cli.log") \
    || fail "rekey api-keys create failed; see $out/cli.log"
port=""
for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ -n $port ]] || fail "no free port found"
base=http://127.0.0.1:$port
# shellcheck disable=SC2086 # several JVM options
REKEY_PORT=$port java ${BENCH_SERVER_OPTS:-} -jar "$rekey_jar" serve >/dev/null 2>>"$out/serve.log" &
server_pid=$!
for _ in $(seq 120); do
    curl -fs -o /dev/null "$base/healthz" && break
    kill -0 "$server_pid" 2>/dev/null || fail "rekey serve exited; see $out/serve.log"
    sleep 0.5
done
curl -fs -o /dev/null "$base/healthz" || fail "rekey serve did not answer /healthz within 60 s; see $out/serve.log"

access_token=ya29.$(head -c 600 /dev/zero | tr '\0' 'x')
body=$(jq -cn --arg t "$access_token" '{name: "bench", type: "oAuth2Api", data: {
    clientId: "1234567890-abcdefghijklmnop.apps.googleusercontent.com", clientSecret: "GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz01",
    accessTokenUrl: "https://oauth2.googleapis.com/token", scope: "https://www.googleapis.com/auth/drive.readonly",
    oauthTokenData: {token_type: "Bearer", refresh_token: "1//0gAbCdEfGhIjKlMnOpQrStUvWxYz0123456789", access_token: $t}}}')
id=$(curl -fs -X POST -H "X-N8N-API-KEY: $token" -H 'Content-Type: application/json' -d "$body" \
    "$base/rest/credentials" | jq -er .id) || fail "creating the credential failed"

declare -A url=(
    [credential]="$base/rest/credentials/$id?includeData=true"
    [trivial]="$base/rest/openapi.yaml"
    [auth-only]="$base/rest/module-settings"
)
endpoints=(credential trivial auth-only)
# Every endpoint answers 200 with what it should before it is measured.
[[ $(curl -fs -H "X-N8N-API-KEY: $token" "${url[credential]}" | jq -r .data.oauthTokenData.access_token) \
    == "$access_token" ]] || fail "GET ${url[credential]} did not return the decrypted data"
for e in trivial auth-only; do
    curl -fs -o /dev/null -H "X-N8N-API-KEY: $token" "${url[$e]}" || fail "GET ${url[$e]} failed"
done
declare -A size
for e in "${endpoints[@]}"; do
    size[$e]=$(curl -fs -H "X-N8N-API-KEY: $token" "${url[$e]}" | wc -c)
done

# --- wrk ----------------------------------------------------------------------------------------------
# The server's CPU time so far (user + system), in clock ticks: CPU per request barely moves when a
# neighbour's build takes the cores, where requests/s halves.
tick_hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
# run ENDPOINT FILE [wrk options]: one wrk run with the token header (the same request on every endpoint);
# FILE.cpu gets the server's CPU ticks spent during the run.
run() {
    local endpoint=$1 file=$2 before
    shift 2
    before=$(cpu_ticks)
    timeout 600 wrk "$@" --latency -H "X-N8N-API-KEY: $token" "${url[$endpoint]}" > "$file" \
        || fail "wrk against $endpoint failed; see $file"
    echo $(( $(cpu_ticks) - before )) > "$file.cpu"
    if grep -q 'Non-2xx' "$file"; then
        fail "wrk against $endpoint got error answers: $(grep 'Non-2xx' "$file" | tr -s ' ')"
    fi
}
# parse FILE: "requests/s p50-ms p99-ms socket-errors server-cpu-us-per-request" (timeouts under load count as
# errors, not as a failure).
parse() {
    awk -v ticks="$(cat "$1.cpu")" -v hz="$tick_hz" '
        function ms(v) { return v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /m$/ ? v * 60000 : v * 1000 }
        /^Requests\/sec:/ { rps = $2 }
        / requests in / { requests = $1 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
        END { if (rps == "" || p50 == "" || p99 == "" || requests == "") exit 1
              printf "%.0f %.2f %.2f %d %.1f\n", rps, p50, p99, errors, ticks * 1e6 / hz / requests }' "$1"
}
for e in "${endpoints[@]}"; do
    note "warm-up: $e ($warmup_duration)"
    run "$e" "$out/warmup-$e.txt" "${wrk_opts[@]}" -d "$warmup_duration"
done
for r in $(seq "$rounds"); do
    for e in "${endpoints[@]}"; do
        note "round $r/$rounds: $e (wrk ${wrk_opts[*]})"
        run "$e" "$out/wrk-$e-$r.txt" "${wrk_opts[@]}"
        parse "$out/wrk-$e-$r.txt" > "$out/parsed-$e-$r.txt" || fail "could not read wrk's output $out/wrk-$e-$r.txt"
    done
done
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""

# mean ENDPOINT: "requests/s p50 p99 errors cpu", the mean over the rounds (errors: the sum).
mean() {
    cat "$out"/parsed-"$1"-*.txt | awk '{ a += $1; b += $2; c += $3; e += $4; u += $5 }
        END { printf "%.0f %.2f %.2f %d %.1f\n", a / NR, b / NR, c / NR, e, u / NR }'
}
{
    echo
    echo "bench-http $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
        "$db_label, wrk ${wrk_opts[*]}, mean of $rounds runs after a $warmup_duration warm-up, $(java -version 2>&1 | head -1)"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%-64s %12s %10s %10s %10s %8s %14s\n' "endpoint" "requests/s" "p50 ms" "p99 ms" "body bytes" "errors" \
        "server CPU us"
    for e in "${endpoints[@]}"; do
        read -r rps p50 p99 errors cpu <<< "$(mean "$e")"
        printf '%-64s %12s %10s %10s %10s %8s %14s\n' "$e: GET ${url[$e]#"$base"}" "$rps" "$p50" "$p99" "${size[$e]}" \
            "$errors" "$cpu"
        declare "rps_${e//-/_}=$rps" "cpu_${e//-/_}=$cpu"
    done
    # shellcheck disable=SC2154 # set by the declare above
    cred_ratio=$(awk -v a="$rps_credential" -v b="$rps_trivial" 'BEGIN { printf "%.2f", a / b }')
    auth_ratio=$(awk -v a="$rps_auth_only" -v b="$rps_trivial" 'BEGIN { printf "%.2f", a / b }')
    verdict=$(awk -v v="$cred_ratio" 'BEGIN { print v >= 0.5 ? "ok" : "MISSED" }')
    printf '%-64s %12s   goal >= 0.5x %s\n' "ratio credential / trivial (requests/s)" "${cred_ratio}x" "$verdict"
    printf '%-64s %12s\n' "ratio auth-only / trivial (requests/s)" "${auth_ratio}x"
    # shellcheck disable=SC2154 # set by the declare above
    cpu_ratio=$(awk -v a="$cpu_credential" -v b="$cpu_trivial" 'BEGIN { printf "%.2f", b / a }')
    printf '%-64s %12s\n' "ratio trivial / credential (server CPU per request)" "${cpu_ratio}x"
} | tee "$out/summary.txt"
