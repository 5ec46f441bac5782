#!/usr/bin/env bash
# Stop Lotse's services (all, or those named). Stopping a stopped service succeeds.
#   infra/services/down.sh [postgres|redis|elasticsearch]...
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
services=("$@")
((${#services[@]})) || services=(elasticsearch redis postgres)
status=0
for service in "${services[@]}"; do
    case $service in
    postgres | redis | elasticsearch) "$here/$service.sh" stop || status=1 ;;
    *)
        echo "down.sh: unknown service '$service'" >&2
        status=2
        ;;
    esac
done
exit "$status"
