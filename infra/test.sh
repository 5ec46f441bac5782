#!/usr/bin/env bash
# Set up and run the whole test suite. Starts real PostgreSQL, Redis and
# Elasticsearch on loopback through infra/services/ unless their URLs are
# already exported (as .ci/run does) or LOTSE_TEST_SERVICES=0 is set (then the
# service-backed tests are skipped). Arguments go to pytest.
set -euo pipefail
# shellcheck source=infra/lib/venv.sh
source "$(dirname "$0")/lib/venv.sh"
ensure_venv dev
cd "$LOTSE_ROOT"
# msgfmt checks the gettext catalogues.
command -v msgfmt >/dev/null || {
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q gettext >&2
}
# nginx -t, systemd-analyze verify and openssl check the deployment files
# (tests/infra). The nginx package must not start a server here: Debian's
# policy-rc.d says no while it installs (unless one is already in place).
deploy_tools=()
[[ -x /usr/sbin/nginx ]] || deploy_tools+=(nginx-light)
command -v systemd-analyze >/dev/null || deploy_tools+=(systemd)
command -v openssl >/dev/null || deploy_tools+=(openssl)
if ((${#deploy_tools[@]})); then
  made_policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
  fi
  installed=0
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${deploy_tools[@]}" >&2 || installed=$?
  [[ -z $made_policy ]] || rm -f /usr/sbin/policy-rc.d
  ((installed == 0)) || exit "$installed"
fi
source infra/lib/browser.sh && ensure_chromium # Chromium for the browser tests (tests/e2e)
if [[ "${LOTSE_TEST_SERVICES:-1}" == 1 && -z "${DATABASE_URL:-}${CELERY_BROKER_URL:-}${ELASTICSEARCH_URL:-}" ]]; then
  exports=$(bash infra/services/up.sh)
  eval "$exports"
fi
exec .venv/bin/python -m pytest "$@"
