# shellcheck shell=bash
# Debian's Chromium for the browser tests (tests/e2e): Playwright drives
# /usr/bin/chromium, since Playwright's own browser download is not reachable.
# Source this file, then call: ensure_chromium

ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "The browser tests need Chromium at /usr/bin/chromium; install it with your system's packages." >&2
    return 1
  fi
  echo "Installing Chromium for the browser tests ..." >&2
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >&2; then
    echo "Installing chromium with apt-get failed (needs root); the browser tests need /usr/bin/chromium." >&2
    return 1
  fi
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "apt-get installed chromium, but /usr/bin/chromium is still missing." >&2
    return 1
  fi
}
