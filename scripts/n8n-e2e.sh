#!/usr/bin/env bash
# End-to-end proof of REKEY_STORE=n8n against the real n8n 2.41.1, on PostgreSQL and on SQLite.
#
# For each database: start n8n (flag off), create the owner (with MFA) and credentials through n8n's REST
# API, restart with N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true, create more, rotate through n8n's API,
# create more; then run rekey's steps in place, with n8n's own environment plus REKEY_STORE=n8n:
# verify, reencrypt, keys rotate (n8n running), downgrade --to-legacy and instance-key change (n8n
# stopped), restore of the last backup. After every step n8n itself must read every credential
# (`n8n export:credentials --all --decrypted`) and the owner must log in (with MFA: user.mfaSecret and
# mfaRecoveryCodes are encrypted values too); at every start n8n must decrypt its persisted credential
# overwrites (settings.credentialsOverwrite). Execution data: executions of a workflow started by hand (Manual
# Trigger, then a Wait node resumed by webhook) wait in execution_data with their execution context's
# `runtimeData.credentials` encrypted by n8n (the owner's session, under the instance key or the active data
# key); one of them is resumed after reencrypt, downgrade, instance-key change and restore each, and must
# finish: n8n decrypts that piece when it resumes (a piece it cannot decrypt fails the run).
#
# Usage: scripts/n8n-e2e.sh [postgres|sqlite]...   (default: both)
# Env:   PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres), REKEY_E2E_TIMEOUT (seconds, 1500: a bound
#        for hangs; a run takes about 4-5 minutes on an idle 2-core machine, longer when it is shared),
#        REKEY_E2E_KEEP=1 keeps the temp folder, REKEY_E2E_PG_PREFIX sets DB_TABLE_PREFIX on PostgreSQL,
#        REKEY_E2E_SKIP_REKEY=1 runs only n8n's side (each rekey step is skipped, its checks still run
#        where they do not depend on rekey) to debug the harness.
set -euo pipefail

if [ -z "${REKEY_E2E_INNER:-}" ]; then   # bounded in time: the whole run under timeout(1)
  exec timeout -k 20 "${REKEY_E2E_TIMEOUT:-1500}" env REKEY_E2E_INNER=1 "$0" "$@"
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/lib-n8n.sh

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
SKIP_REKEY="${REKEY_E2E_SKIP_REKEY:-}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rekey-n8n-e2e.XXXXXX")
DBS=()
started=$(date +%s)

cleanup() {
  local status=$?
  n8n_stop_all
  for db in "${DBS[@]}"; do dropdb --if-exists "$db" 2>/dev/null || true; done
  if [ -n "${REKEY_E2E_KEEP:-}" ] || [ "$status" -ne 0 ]; then
    n8n_log "work folder kept: $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'n8n_log "interrupted"; exit 130' INT TERM

fail() { n8n_log "FAIL [$BACKEND] $*"; exit 1; }
ok() { n8n_log "ok   [$BACKEND] $*"; }

OWNER_EMAIL=owner@example.com
OWNER_PASSWORD='Rekey-e2e-Passw0rd'
BROWSER_ID=rekey-e2e-browser

# ---------------------------------------------------------------- per-backend state
BACKEND=""      # postgres | sqlite
T=""            # this backend's temp folder
DB=""           # PostgreSQL database name
PREFIX=""       # DB_TABLE_PREFIX
KEY_OLD=""      # the instance key n8n starts with
KEY_NEW=""      # the key instance-key change moves to
CUR_KEY=""      # the key n8n must be started with now
FLAG=off        # N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION
PORT=""
BROKER_PORT=""
MFA_SECRET=""   # the owner's TOTP secret once MFA is on
LAST_BACKUP=""  # the backup file of the last writing rekey step
LAST_BACKUP_KEY=""  # the instance key the database was under when that backup was taken

# n8n_run_env: sets N8N_RUN_ENV for this backend, key and flag.
n8n_run_env() {
  N8N_RUN_ENV=("N8N_USER_FOLDER=$T/n8n" "N8N_PORT=$PORT" "N8N_RUNNERS_BROKER_PORT=$BROKER_PORT")
  [ -n "$PREFIX" ] && N8N_RUN_ENV+=("DB_TABLE_PREFIX=$PREFIX")
  case "$BACKEND" in
    postgres) N8N_RUN_ENV+=(DB_TYPE=postgresdb "DB_POSTGRESDB_HOST=$PGHOST" "DB_POSTGRESDB_PORT=$PGPORT"
                "DB_POSTGRESDB_USER=$PGUSER" "DB_POSTGRESDB_DATABASE=$DB" "N8N_ENCRYPTION_KEY=$CUR_KEY") ;;
    sqlite) N8N_RUN_ENV+=(DB_TYPE=sqlite) ;;   # the key lives in <N8N_USER_FOLDER>/.n8n/config
  esac
  # Persisted credential overwrites: an encrypted `settings` row (credentialsOverwrite) in a community install.
  N8N_RUN_ENV+=("CREDENTIALS_OVERWRITE_ENDPOINT=$OVERWRITE_ENDPOINT" "CREDENTIALS_OVERWRITE_ENDPOINT_AUTH_TOKEN=$OVERWRITE_TOKEN"
    CREDENTIALS_OVERWRITE_PERSISTENCE=true)
  [ "$FLAG" = on ] && N8N_RUN_ENV+=(N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true)
  return 0
}
OVERWRITE_ENDPOINT=rekey-e2e-overwrites
OVERWRITE_TOKEN=rekey-e2e-overwrite-token

start_n8n() {
  n8n_run_env
  n8n_log "starting n8n [$BACKEND] flag=$FLAG"
  local from=1
  [ -f "$T/n8n.log" ] && from=$(( $(wc -l < "$T/n8n.log") + 1 ))
  n8n_start "$T/n8n.log"
  N8N_MAIN_PID=$N8N_PID
  n8n_wait_ready "$PORT" "$N8N_MAIN_PID" 180 || { tail -n 30 "$T/n8n.log" >&2; fail "n8n did not start"; }
  # n8n decrypts the persisted credential overwrites at start and only logs when that fails.
  if tail -n "+$from" "$T/n8n.log" | grep -q 'Error loading overwrite credentials'; then
    fail "n8n could not decrypt the persisted credential overwrites (settings.credentialsOverwrite)"
  fi
}

# set_overwrites: stores credential overwrites through n8n's endpoint (persisted encrypted in settings).
set_overwrites() {
  local status
  status=$(curl -sS -o "$T/http.out" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $OVERWRITE_TOKEN" --data-binary '{"httpHeaderAuth":{"name":"X-Overwritten-By-Rekey-E2E"}}' \
    "http://127.0.0.1:$PORT/$OVERWRITE_ENDPOINT")
  [ "$status" = 200 ] || fail "POST /$OVERWRITE_ENDPOINT answered $status: $(head -c 300 "$T/http.out")"
  [[ "$(sql "SELECT value FROM $(tbl settings) WHERE key = 'credentialsOverwrite'")" == U2FsdGVk* ]] \
    || fail "settings.credentialsOverwrite should hold a legacy CBC value"
  ok "credential overwrites persisted (settings.credentialsOverwrite, legacy)"
}

stop_n8n() { n8n_stop "${N8N_MAIN_PID:-}"; N8N_MAIN_PID=""; }

# ---------------------------------------------------------------- database helpers
sql() {
  case "$BACKEND" in
    postgres) psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DB" -c "$1" ;;
    sqlite) sqlite3 -cmd ".timeout 5000" "$T/n8n/.n8n/database.sqlite" "$1" ;;
  esac
}
tbl() { echo "\"${PREFIX}$1\""; }

active_key_id() { sql "SELECT id FROM $(tbl deployment_key) WHERE type = 'data_encryption' AND status = 'active'"; }

# cred_value NAME: the stored ciphertext of a credential.
cred_value() { sql "SELECT data FROM $(tbl credentials_entity) WHERE name = '$1'"; }

# assert_creds_prefix WHAT NAME...: every named credential's value starts with WHAT ("legacy" or a key id).
assert_creds_prefix() {
  local what="$1" name value; shift
  for name in "$@"; do
    value=$(cred_value "$name")
    if [ "$what" = legacy ]; then
      [[ "$value" == U2FsdGVk* ]] || fail "credential $name is not legacy CBC: ${value:0:24}..."
    else
      [[ "$value" == "$what:"* ]] || fail "credential $name is not under key $what: ${value:0:24}..."
    fi
  done
  ok "credentials $* are under $what"
}

all_cred_names() { jq -r 'keys[]' "$T/expected.json"; }

# snapshot FILE: every credential's stored ciphertext and the deployment_key rows, sorted.
snapshot() {
  { sql "SELECT id || '|' || data FROM $(tbl credentials_entity) ORDER BY id"
    sql "SELECT id || '|' || type || '|' || COALESCE(algorithm, '') || '|' || status || '|' || value FROM $(tbl deployment_key) ORDER BY id"
    sql "SELECT id || '|' || COALESCE(\"mfaSecret\", '') || '|' || COALESCE(\"mfaRecoveryCodes\", '') FROM $(tbl user) ORDER BY id"
  } > "$1"
}

# ---------------------------------------------------------------- n8n REST
# api JAR METHOD PATH [BODY]: prints the response body; fails on a status other than 2xx.
api() {
  local jar="$1" method="$2" path="$3" body="${4:-}" out status
  out="$T/http.out"
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -b "$jar" -c "$jar" \
    -H 'Content-Type: application/json' -H "browser-id: $BROWSER_ID" \
    ${body:+--data-binary "$body"} "http://127.0.0.1:$PORT/rest$path") || fail "$method $path: curl failed"
  [[ "$status" == 2* ]] || fail "$method $path answered $status: $(head -c 400 "$out")"
  cat "$out"
}

# http_status JAR METHOD PATH [BODY]: prints only the status code.
http_status() {
  local jar="$1" method="$2" path="$3" body="${4:-}"
  curl -sS -o /dev/null -w '%{http_code}' -X "$method" -b "$jar" -c "$jar" \
    -H 'Content-Type: application/json' -H "browser-id: $BROWSER_ID" \
    ${body:+--data-binary "$body"} "http://127.0.0.1:$PORT/rest$path"
}

totp() {
  python3 - "$1" <<'EOF'
import base64, hashlib, hmac, struct, sys, time
secret = sys.argv[1].upper()
key = base64.b32decode(secret + "=" * (-len(secret) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
EOF
}

setup_owner() {
  api "$T/owner.jar" POST /owner/setup "$(jq -nc --arg e "$OWNER_EMAIL" --arg p "$OWNER_PASSWORD" \
    '{email: $e, firstName: "Rekey", lastName: "Owner", password: $p}')" >/dev/null
  ok "owner set up"
}

# login JAR: logs the owner in (with a TOTP code once MFA is on) into cookie jar JAR.
login() {
  local jar="$1" body
  rm -f "$jar"
  body=$(jq -nc --arg e "$OWNER_EMAIL" --arg p "$OWNER_PASSWORD" '{emailOrLdapLoginId: $e, password: $p}')
  [ -n "$MFA_SECRET" ] && body=$(jq -c --arg c "$(totp "$MFA_SECRET")" '. + {mfaCode: $c}' <<<"$body")
  api "$jar" POST /login "$body" >/dev/null
}

# enable_mfa: turns MFA on for the owner (user.mfaSecret and mfaRecoveryCodes get encrypted values).
enable_mfa() {
  local qr secret
  qr=$(api "$T/owner.jar" GET /mfa/qr)
  secret=$(jq -r '.data.secret' <<<"$qr")
  [ -n "$secret" ] && [ "$secret" != null ] || fail "GET /rest/mfa/qr gave no secret"
  api "$T/owner.jar" POST /mfa/enable "$(jq -nc --arg c "$(totp "$secret")" '{mfaCode: $c}')" >/dev/null
  MFA_SECRET="$secret"
  [ "$(sql "SELECT \"mfaEnabled\" FROM $(tbl user) WHERE email = '$OWNER_EMAIL'")" = "$([ "$BACKEND" = sqlite ] && echo 1 || echo t)" ] \
    || fail "MFA did not get enabled"
  ok "MFA enabled for the owner ($(jq -r '.data.recoveryCodes | length' <<<"$qr") recovery codes)"
}

# create_cred NAME TYPE DATA_JSON: creates a credential through n8n and records what it must decrypt to.
create_cred() {
  local name="$1" type="$2" data="$3"
  api "$T/owner.jar" POST /credentials "$(jq -nc --arg n "$name" --arg t "$type" --argjson d "$data" \
    '{name: $n, type: $t, data: $d}')" >/dev/null
  jq --arg n "$name" --argjson d "$data" '. + {($n): $d}' "$T/expected.json" > "$T/expected.tmp"
  mv "$T/expected.tmp" "$T/expected.json"
}

# n8n_reads_everything LABEL: n8n's CLI decrypts every credential to its expected data, and the owner logs in.
n8n_reads_everything() {
  local label="$1" out="$T/export-$1.json"
  rm -f "$out"
  n8n_run_env
  n8n_cli export:credentials --all --decrypted --output="$out" >"$T/export-$label.log" 2>&1 \
    || { tail -n 20 "$T/export-$label.log" >&2; fail "$label: n8n export:credentials --decrypted failed"; }
  jq -S 'map({key: .name, value: .data}) | from_entries' "$out" > "$T/export-$label.norm.json"
  jq -S . "$T/expected.json" > "$T/expected.norm.json"
  diff -q "$T/expected.norm.json" "$T/export-$label.norm.json" >/dev/null \
    || fail "$label: n8n decrypts other data than expected (see $T/export-$label.norm.json)"
  ok "$label: n8n decrypts all $(jq 'length' "$T/expected.json") credentials to their expected data"
  if [ -n "${N8N_MAIN_PID:-}" ]; then
    login "$T/check.jar"
    ok "$label: the owner logs in"
  fi
}

# ---------------------------------------------------------------- executions with an encrypted piece
# A manual run (POST /rest/workflows/:id/run with the owner's n8n-auth cookie) gets an execution context whose
# `credentials` n8n encrypts (ExecutionContextService.buildManualExecutionCredentials: the cookie, under the
# active key); the Wait node (resume on webhook call) leaves the execution waiting, its data in execution_data.
# Resuming it (GET /webhook-waiting/<id>?signature=<resumeToken>) makes n8n decrypt that piece
# (establishExecutionContext -> maybeBindExecutionId -> decryptExecutionContext); if that fails the run fails.
WAIT_WF=""          # the workflow's id
WAITING=()          # ids of the executions created, in order
WAIT_WORKFLOW='{"name":"rekey-e2e wait","settings":{},
  "nodes":[{"id":"b1d1c7f2-0000-4000-8000-000000000001","name":"Start","type":"n8n-nodes-base.manualTrigger",
             "typeVersion":1,"position":[0,0],"parameters":{}},
           {"id":"b1d1c7f2-0000-4000-8000-000000000002","name":"Wait","type":"n8n-nodes-base.wait",
             "typeVersion":1.1,"position":[220,0],"parameters":{"resume":"webhook"}}],
  "connections":{"Start":{"main":[[{"node":"Wait","type":"main","index":0}]]}}}'

exec_status() { sql "SELECT status FROM $(tbl execution_entity) WHERE id = $1"; }
exec_data() { sql "SELECT data FROM $(tbl execution_data) WHERE \"executionId\" = $1"; }

# exec_piece ID: the stored runtimeData.credentials of an execution (flatted: each string is an index).
exec_piece() {
  exec_data "$1" | jq -r '. as $a | def at($i): $a[$i | tonumber];
    (at($a[0].executionData) | at(.runtimeData) | .credentials) as $c | if $c then at($c) else "" end'
}

# wait_status ID STATUS: waits (at most 30 s) until the execution has STATUS; fails on any end state but that.
wait_status() {
  local id="$1" want="$2" status i
  for ((i = 0; i < 60; i++)); do
    status=$(exec_status "$id")
    [ "$status" = "$want" ] && return 0
    case "$status" in success|error|crashed|canceled) break ;; esac
    sleep 0.5
  done
  fail "execution $id is '$status', not '$want' (its errors: $(exec_data "$id" | jq -c \
    '[.[] | strings | select(test("decrypt|rror"))] | unique | .[:5]'))"
}

# start_waiting_execution WHAT: runs the workflow by hand; the execution must wait with its piece under WHAT.
start_waiting_execution() {
  local what="$1" id
  [ -n "$WAIT_WF" ] || WAIT_WF=$(api "$T/owner.jar" POST /workflows "$WAIT_WORKFLOW" | jq -r '.data.id')
  id=$(api "$T/owner.jar" POST "/workflows/$WAIT_WF/run" '{"triggerToStartFrom":{"name":"Start"}}' | jq -r '.data.executionId')
  [ -n "$id" ] && [ "$id" != null ] || fail "n8n did not start the workflow"
  wait_status "$id" waiting
  WAITING+=("$id")
  assert_exec_pieces "$what" "$id"
}

# assert_exec_pieces WHAT ID...: each execution's runtimeData.credentials starts with WHAT ("legacy" or a key id).
assert_exec_pieces() {
  local what="$1" id piece; shift
  for id in "$@"; do
    piece=$(exec_piece "$id")
    if [ "$what" = legacy ]; then
      [[ "$piece" == U2FsdGVk* ]] || fail "execution $id: runtimeData.credentials is not legacy CBC: '${piece:0:24}...'"
    else
      [[ "$piece" == "$what:"* ]] || fail "execution $id: runtimeData.credentials is not under key $what: '${piece:0:24}...'"
    fi
  done
  ok "execution_data of execution(s) $* holds runtimeData.credentials under $what"
}

# resume_execution LABEL ID: resumes the waiting execution through its webhook; n8n must run it to success.
resume_execution() {
  local label="$1" id="$2" token status
  [ "$(exec_status "$id")" = waiting ] || fail "$label: execution $id should still be waiting"
  token=$(exec_data "$id" | jq -r '. as $a | $a[$a[0].resumeToken | tonumber]')
  status=$(curl -sS -o "$T/http.out" -w '%{http_code}' "http://127.0.0.1:$PORT/webhook-waiting/$id?signature=$token")
  [ "$status" = 200 ] || fail "$label: resuming execution $id answered $status: $(head -c 300 "$T/http.out")"
  wait_status "$id" success
  ok "$label: n8n decrypted execution $id's runtimeData.credentials and resumed it to success"
}

# ---------------------------------------------------------------- rekey
# rekey_run STEP ARGS...: runs ./rekey with n8n's environment plus REKEY_STORE=n8n; stdout in
# $T/rekey-STEP.out, stderr in $T/rekey-STEP.err (also shown). Fails when rekey fails.
rekey_run() {
  local step="$1"; shift
  n8n_run_env
  N8N_RUN_ENV+=(REKEY_STORE=n8n "REKEY_USER_FOLDER=$T/rekey")
  n8n_log "rekey $*"
  local status=0
  n8n_with_env "${REKEY_EXTRA_ENV[@]}" ./rekey "$@" >"$T/rekey-$step.out" 2>"$T/rekey-$step.err" || status=$?
  sed 's/^/    rekey: /' "$T/rekey-$step.err" >&2
  [ "$status" -eq 0 ] || { sed 's/^/    rekey stdout: /' "$T/rekey-$step.out" | head -n 20 >&2; fail "rekey $* exited $status"; }
}
REKEY_EXTRA_ENV=()

# backup_of STEP: the path of the `backup: <path>` line a writing command printed on stderr.
backup_of() {
  local path
  path=$(sed -n 's/^backup: //p' "$T/rekey-$1.err" | tail -n 1)
  [ -n "$path" ] || fail "rekey $1 printed no 'backup: <path>' line on stderr"
  [ -f "$path" ] || fail "rekey $1: backup $path does not exist"
  [ "$(stat -c %a "$path")" = 600 ] || fail "rekey $1: backup $path is not mode 0600"
  echo "$path"
}

# assert_verify STEP EXPECTED_KEY: `rekey verify --json` succeeds, has no failure, counts at least every
# credential, and (unless EXPECTED_KEY is empty) counts at least every credential under EXPECTED_KEY
# ("legacy" or a key id) and nothing under any other key.
assert_verify() {
  local step="$1" expected="$2" n report
  [ -n "$SKIP_REKEY" ] && return 0
  rekey_run "$step" verify --json
  report="$T/rekey-$step.out"
  n=$(jq length "$T/expected.json")
  jq -e '.succeeded == true and (.failures | length) == 0' "$report" >/dev/null \
    || fail "$step: verify --json reports failures: $(jq -c .failures "$report")"
  jq -e --argjson n "$n" '.total >= $n' "$report" >/dev/null \
    || fail "$step: verify --json counts fewer records than the $n credentials: $(jq -c '{total, recordsByKey}' "$report")"
  jq -e '([.recordsByKey[]] | add // 0) == .total' "$report" >/dev/null \
    || fail "$step: verify --json counts per key do not add up to its total: $(jq -c '{total, recordsByKey}' "$report")"
  if [ -n "$expected" ]; then
    jq -e --arg k "$expected" --argjson n "$n" '(.recordsByKey[$k] // 0) >= $n and (.recordsByKey | keys) == [$k]' \
      "$report" >/dev/null || fail "$step: expected every record under $expected: $(jq -c .recordsByKey "$report")"
  fi
  ok "$step: verify --json $(jq -c '{total, recordsByKey}' "$report")"
}

# ---- the rekey steps, one function each (edit here when rekey's contract changes)

step_verify() {
  n8n_log "== step: rekey verify (n8n running)"
  assert_verify verify ""
  n8n_reads_everything after-verify
}

# Three more waiting executions, their pieces under n8n's active key; reencrypt's verify must count them.
start_keyed_executions() {
  local active i
  active=$(active_key_id)
  for i in 1 2 3; do start_waiting_execution "$active"; done
}

step_reencrypt() {
  n8n_log "== step: rekey reencrypt (n8n running)"
  local before active
  before=$(cookie_still_valid "$T/session.jar")
  [ "$before" = 200 ] || fail "the owner's session should be valid before reencrypt (got $before)"
  if [ -z "$SKIP_REKEY" ]; then
    rekey_run reencrypt reencrypt
    LAST_BACKUP=$(backup_of reencrypt); LAST_BACKUP_KEY=$CUR_KEY
    active=$(active_key_id)
    assert_creds_prefix "$active" $(all_cred_names)
    assert_verify verify-after-reencrypt "$active"
    [ "$(jq .total "$T/rekey-verify-after-reencrypt.out")" = $(( $(jq .total "$T/rekey-verify.out") + 3 )) ] \
      || fail "verify should count the 3 execution pieces added since the first verify"
    ok "verify counts the 3 execution pieces added since the first verify"
    assert_exec_pieces "$active" "${WAITING[@]}"
    # The owner's mfaSecret moved from legacy (U2F...) to a key id: n8n's session hash changes.
    [ "$(cookie_still_valid "$T/session.jar")" = 401 ] || fail "the owner should be logged out after reencrypt"
    ok "the owner's old session is refused after reencrypt, as documented"
  fi
  n8n_reads_everything after-reencrypt
  resume_execution after-reencrypt "${WAITING[0]}"
  login "$T/session.jar"
  login "$T/owner.jar"   # the MFA secret moved to a key id: every session of the owner ended, this one too
}

step_keys_rotate() {
  n8n_log "== step: rekey keys rotate (n8n running)"
  local before after
  before=$(active_key_id)
  if [ -z "$SKIP_REKEY" ]; then
    rekey_run keys-rotate keys rotate
    LAST_BACKUP=$(backup_of keys-rotate); LAST_BACKUP_KEY=$CUR_KEY
    after=$(active_key_id)
    [ -n "$after" ] && [ "$after" != "$before" ] || fail "keys rotate: the active key is still $before"
    [ "$(sql "SELECT count(*) FROM $(tbl deployment_key) WHERE type = 'data_encryption' AND status = 'active'")" = 1 ] \
      || fail "keys rotate: not exactly one active data_encryption row"
    ok "keys rotate: active key $before -> $after"
    sleep 6   # n8n caches its active key for 5 s
    create_cred after-rekey-rotate httpHeaderAuth '{"name":"X-After-Rotate","value":"written by n8n after rekey rotated"}'
    assert_creds_prefix "$after" after-rekey-rotate
    assert_verify verify-after-rotate ""
  fi
  n8n_reads_everything after-keys-rotate
}

step_downgrade() {
  n8n_log "== step: rekey downgrade --to-legacy (n8n stopped)"
  stop_n8n
  if [ -z "$SKIP_REKEY" ]; then
    rekey_run downgrade downgrade --to-legacy
    LAST_BACKUP=$(backup_of downgrade); LAST_BACKUP_KEY=$CUR_KEY
    assert_creds_prefix legacy $(all_cred_names)
    assert_verify verify-after-downgrade legacy
    assert_exec_pieces legacy "${WAITING[@]}"
  fi
  FLAG=off   # the point of a downgrade: n8n runs with the flag off again
  start_n8n
  n8n_reads_everything after-downgrade
  resume_execution after-downgrade "${WAITING[1]}"
  login "$T/session.jar"
}

step_instance_key_change() {
  n8n_log "== step: rekey instance-key change --from-env NEW_KEY --n8n-stopped (n8n stopped)"
  stop_n8n
  snapshot "$T/before-instance-key-change.snapshot"
  if [ -z "$SKIP_REKEY" ]; then
    REKEY_EXTRA_ENV=("NEW_KEY=$KEY_NEW")
    rekey_run instance-key-change instance-key change --from-env NEW_KEY --n8n-stopped
    REKEY_EXTRA_ENV=()
    LAST_BACKUP=$(backup_of instance-key-change); LAST_BACKUP_KEY=$CUR_KEY
    CUR_KEY=$KEY_NEW
    if [ "$BACKEND" = sqlite ]; then
      [ "$(jq -r .encryptionKey "$T/n8n/.n8n/config")" = "$KEY_NEW" ] || fail "rekey did not update .n8n/config"
      [ "$(stat -c %a "$T/n8n/.n8n/config")" = 600 ] || fail ".n8n/config is no longer mode 0600"
      ok "rekey updated .n8n/config"
    fi
    assert_verify verify-after-instance-key-change legacy
  fi
  start_n8n   # PostgreSQL: N8N_ENCRYPTION_KEY=$CUR_KEY; SQLite: no key variable, .n8n/config
  [ "$(cookie_still_valid "$T/session.jar")" = 200 ] \
    || fail "the owner's session should survive the key change (signing.jwt keeps its secret)"
  ok "the owner's session from before the key change is still valid"
  n8n_reads_everything after-instance-key-change
  resume_execution after-instance-key-change "${WAITING[2]}"
}

step_restore() {
  n8n_log "== step: rekey restore <backup of the last step> (n8n stopped)"
  stop_n8n
  if [ -z "$SKIP_REKEY" ]; then
    rekey_run restore restore "$LAST_BACKUP"
    CUR_KEY=$LAST_BACKUP_KEY
    if [ "$BACKEND" = sqlite ]; then
      [ "$(jq -r .encryptionKey "$T/n8n/.n8n/config")" = "$CUR_KEY" ] \
        || fail "after restore, .n8n/config should hold the key the backup belongs to"
    fi
    snapshot "$T/after-restore.snapshot"
    diff -q "$T/before-instance-key-change.snapshot" "$T/after-restore.snapshot" >/dev/null \
      || fail "restore did not put back exactly the rows of $LAST_BACKUP"
    ok "restore put back every backed-up row exactly"
    assert_verify verify-after-restore legacy
    assert_exec_pieces legacy "${WAITING[3]}"
  fi
  start_n8n
  n8n_reads_everything after-restore
  resume_execution after-restore "${WAITING[3]}"
}

# After rekey's steps: each writing command left a succeeded job, and the audit trail (in rekey's own database,
# never n8n's) names each of them, the restore, and the OS user who ran them.
step_jobs_and_audit() {
  [ -z "$SKIP_REKEY" ] || return 0
  n8n_log "== step: rekey jobs / rekey audit"
  rekey_run jobs jobs --json
  local kinds
  kinds=$(jq -r '[.items[] | select(.state == "succeeded") | .kind] | sort | unique | join(",")' "$T/rekey-jobs.out")
  [ "$kinds" = "downgrade,instance-key-change,reencrypt" ] \
    || fail "rekey jobs should list succeeded reencrypt, downgrade and instance-key-change jobs, not: $kinds"
  [ "$(jq '[.items[] | select(.state != "succeeded")] | length' "$T/rekey-jobs.out")" = 0 ] \
    || fail "a job did not succeed: $(jq -c '.items' "$T/rekey-jobs.out")"
  rekey_run audit audit --json --take 1000
  local action
  for action in reencrypt.start reencrypt.finish key.rotate downgrade.finish instance-key-change.finish \
      backup.restore; do
    [ "$(jq --arg a "$action" '[.items[] | select(.action == $a and .outcome == "succeeded")] | length' \
      "$T/rekey-audit.out")" -ge 1 ] || fail "the audit trail has no succeeded $action"
  done
  [ "$(jq --arg u "$(id -un)" '[.items[] | select(.actor.kind == "operator" and .actor.label == $u)] | length' \
    "$T/rekey-audit.out")" -ge 6 ] || fail "the audit trail should name the OS user who ran rekey"
  if grep -q -F "$KEY_NEW" "$T/rekey-audit.out" || grep -q -F "$KEY_OLD" "$T/rekey-audit.out"; then
    fail "the audit trail holds an instance key"
  fi
  local n8n_tables
  if [ "$BACKEND" = sqlite ]; then
    n8n_tables=$(sql "SELECT name FROM sqlite_master WHERE name IN ('job', 'audit_entry')")
  else
    n8n_tables=$(sql "SELECT table_name FROM information_schema.tables WHERE table_name IN ('job', 'audit_entry')")
  fi
  [ -z "$n8n_tables" ] || fail "rekey's own tables appeared in n8n's database: $n8n_tables"
  ok "rekey jobs and rekey audit record every step, with its operator, in rekey's own database"
}

# cookie_still_valid JAR: the status n8n gives a request authenticated only by that session cookie.
cookie_still_valid() { http_status "$1" GET /login; }

# ---------------------------------------------------------------- the scenario
run_backend() {
  BACKEND="$1"
  T="$WORK/$BACKEND"
  mkdir -p "$T/n8n/.n8n" "$T/rekey"
  echo '{}' > "$T/expected.json"
  PORT=$(n8n_free_port); BROKER_PORT=$(n8n_free_port)
  KEY_OLD="rekey-e2e-old-$BACKEND-$(openssl rand -hex 8)"
  KEY_NEW="rekey-e2e-new-$BACKEND-$(openssl rand -hex 8)"
  CUR_KEY=$KEY_OLD; FLAG=off; MFA_SECRET=""; LAST_BACKUP=""; PREFIX=""; WAIT_WF=""; WAITING=()
  case "$BACKEND" in
    postgres)
      DB="rekey_n8n_e2e_$$"
      PREFIX="${REKEY_E2E_PG_PREFIX:-}"
      DBS+=("$DB")
      dropdb --if-exists "$DB" 2>/dev/null; createdb "$DB" ;;
    sqlite)
      printf '{\n\t"encryptionKey": "%s"\n}' "$KEY_OLD" > "$T/n8n/.n8n/config"
      chmod 600 "$T/n8n/.n8n/config" ;;
    *) fail "unknown backend $BACKEND" ;;
  esac
  n8n_log "==== $BACKEND (work folder $T)"

  # 1. flag off: owner, MFA, legacy credentials
  start_n8n
  setup_owner
  login "$T/owner.jar"
  enable_mfa
  login "$T/owner.jar"
  set_overwrites
  create_cred legacy-basic httpBasicAuth '{"user":"alice","password":"pässwörd ✓ 日本語 🔑"}'
  create_cred legacy-header httpHeaderAuth '{"name":"X-Api-Key","value":"legacy-0123456789abcdef"}'
  assert_creds_prefix legacy legacy-basic legacy-header
  [[ "$(sql "SELECT \"mfaSecret\" FROM $(tbl user) WHERE email = '$OWNER_EMAIL'")" == U2FsdGVk* ]] \
    || fail "the owner's mfaSecret should be legacy CBC"
  login "$T/check.jar"
  start_waiting_execution legacy

  # 2. flag on: keyed credentials, rotation through n8n's API, more credentials
  stop_n8n
  FLAG=on
  start_n8n
  login "$T/owner.jar"
  local k1 k2
  k1=$(active_key_id)
  create_cred keyed1-basic httpBasicAuth '{"user":"bob","password":"s3cr3t under the first data key"}'
  assert_creds_prefix "$k1" keyed1-basic
  k2=$(api "$T/owner.jar" POST /encryption/keys '{"type":"data_encryption"}' | jq -r '.data.id')
  [ "$k2" = "$(active_key_id)" ] && [ "$k2" != "$k1" ] || fail "n8n's rotation did not activate a new key"
  ok "n8n rotated $k1 -> $k2"
  create_cred keyed2-header httpHeaderAuth "$(jq -nc --arg v "Bearer $(head -c 3000 /dev/zero | tr '\0' 'x')" \
    '{name: "Authorization", value: $v}')"
  create_cred keyed2-empty httpHeaderAuth '{}'
  assert_creds_prefix "$k2" keyed2-header keyed2-empty
  n8n_reads_everything flag-on
  login "$T/session.jar"   # a session kept across steps, to see who gets logged out

  # 3. rekey, in place
  step_verify
  start_keyed_executions
  step_reencrypt
  step_keys_rotate
  step_downgrade
  step_instance_key_change
  step_restore
  step_jobs_and_audit

  stop_n8n
  n8n_log "==== $BACKEND passed ($(( $(date +%s) - started )) s so far)"
}

# main is one function, read whole before it runs: editing this file during a run cannot derail it.
main() {
  local home b backends=("$@")
  home=$(scripts/install-n8n.sh)
  n8n_init "$home"
  if [ -z "$SKIP_REKEY" ]; then
    n8n_log "building rekey"
    ./rekey --help >/dev/null
  fi
  [ "${#backends[@]}" -gt 0 ] || backends=(postgres sqlite)
  for b in "${backends[@]}"; do run_backend "$b"; done
  n8n_log "n8n e2e passed on ${backends[*]} in $(( $(date +%s) - started )) s"
}
main "$@"
