#!/usr/bin/env bash
# Start Lotse's services (PostgreSQL, Redis, Elasticsearch; or those named) and print their
# settings as export lines. Progress goes to stderr; stdout carries only the export lines:
#
#   exports=$(infra/services/up.sh) && eval "$exports"   # start all, then export the URLs
#   infra/services/up.sh postgres redis                  # start only these
#   eval "$(infra/services/up.sh --env-only)"            # exports only, start nothing
#
# Stop them with infra/services/down.sh. State: ${LOTSE_STATE_DIR:-<repo>/.services}.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
start=1
services=()
for arg; do
    case $arg in
    --env-only) start=0 ;;
    postgres | redis | elasticsearch) services+=("$arg") ;;
    -h | --help)
        sed -n '2,10s/^# \{0,1\}//p' "$0"
        exit 0
        ;;
    *)
        echo "up.sh: unknown argument '$arg' (try --help)" >&2
        exit 2
        ;;
    esac
done
((${#services[@]})) || services=(postgres redis elasticsearch)

if ((start)); then
    for service in "${services[@]}"; do
        "$here/$service.sh" start >&2
    done
fi
for service in "${services[@]}"; do
    "$here/$service.sh" env
done
