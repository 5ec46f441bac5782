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
source infra/lib/browser.sh && ensure_chromium # Chromium for the browser tests (tests/e2e)
if [[ "${LOTSE_TEST_SERVICES:-1}" == 1 && -z "${DATABASE_URL:-}${CELERY_BROKER_URL:-}${ELASTICSEARCH_URL:-}" ]]; then
  exports=$(bash infra/services/up.sh)
  eval "$exports"
fi
exec .venv/bin/python -m pytest "$@"
