#!/usr/bin/env bash
# Install everything the tests need into a fresh .venv (and, as root, Chromium for the browser tests and
# Virtuoso for the second triple store), then run them.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei >/dev/null
fi
if [ ! -x /usr/bin/virtuoso-t ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # the package asks for a dba password; the tests run their own server with a fresh database
  if command -v debconf-set-selections >/dev/null 2>&1; then
    printf '%s\n' "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba" \
      "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba" | debconf-set-selections
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null \
    || echo "scripts/test.sh: virtuoso-opensource did not install; tests/test_virtuoso.py will skip" >&2
  # the package starts a system server on 8890/1111; the tests need only the binaries
  if command -v service >/dev/null 2>&1; then service virtuoso-opensource-7 stop >/dev/null 2>&1 || true; fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python -m pytest "$@"
