#!/usr/bin/env bash
# Install (if missing) and start what the full test suite talks to: PostgreSQL and Chromium (and poppler-utils).
# Prints `export PARLEY_TEST_POSTGRES_URL=...` on success. Needs root and Debian's apt; on other
# machines it says what it could not do and the tests that need it are skipped.
set -u
log() { echo "test-services: $*" >&2; }
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || need_apt+=(poppler-utils)  # page counts of the exported PDFs
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need_apt[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"; } \
      >/tmp/parley-apt.log 2>&1 || log "could not install ${need_apt[*]} (see /tmp/parley-apt.log)"
  else
    log "cannot install ${need_apt[*]} (not root or no apt-get); those tests will be skipped"
  fi
fi
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters 2>/dev/null | grep -q "^$ver *main"; then
    pg_createcluster "$ver" main >&2 || true
  fi
  pg_ctlcluster "$ver" main start >&2 2>/dev/null || true
  for _ in $(seq 1 30); do
    su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  if su postgres -c "psql -qtAc \"ALTER USER postgres PASSWORD 'parley'\"" >/dev/null 2>&1; then
    port=$(pg_lsclusters | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
    echo "export PARLEY_TEST_POSTGRES_URL=postgresql+psycopg://postgres:parley@127.0.0.1:${port:-5432}/postgres"
  else
    log "PostgreSQL did not start; PostgreSQL tests will be skipped"
  fi
fi
