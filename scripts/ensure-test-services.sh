#!/usr/bin/env bash
# Installs and starts what the test suite needs on a Debian machine: PostgreSQL running on
# 127.0.0.1:5432, the openssl command line (format reference tests), Debian's Chromium with its
# driver (the settings-page browser test), systemd-analyze (the check of packaging/systemd/rekey.service),
# and what scripts/n8n-e2e.sh drives the real n8n with (jq, curl, the sqlite3 command line, a C++ tool
# chain for n8n's sqlite3 add-on). Safe to run again: it only acts on what is missing.
set -euo pipefail

need_apt=()
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
{ command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; } || need_apt+=(chromium chromium-driver)
for tool in jq curl sqlite3 make g++; do
  command -v "$tool" >/dev/null 2>&1 || need_apt+=("$tool")
done
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
command -v systemd-analyze >/dev/null 2>&1 || need_apt+=(systemd)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "ensure-test-services: installing ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "ensure-test-services: starting PostgreSQL" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && break
    sleep 1
  done
fi
pg_isready -h 127.0.0.1 -p 5432
