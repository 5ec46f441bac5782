#!/usr/bin/env bash
# Redis for Lotse (Celery broker and cache): 127.0.0.1:${LOTSE_REDIS_PORT:-6380}. Queued tasks
# survive a restart: an append-only file, synced every second (as production needs it).
# Usage: redis.sh [start|stop|status|env]   (default: start)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SERVICE=redis
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${LOTSE_REDIS_PORT:-6380}
TIMEOUT=${LOTSE_REDIS_TIMEOUT:-30}
DIR=$LOTSE_STATE_DIR/redis
PIDFILE=$DIR/redis.pid
LOG=$DIR/redis.log

running() { pid_alive "$PIDFILE" redis-server; }
answers() { [[ $(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null) == PONG ]]; }

do_start() {
    need_cmd redis-server redis-server
    mkdir -p "$DIR"
    if running; then
        log "already running on 127.0.0.1:$PORT"
    else
        ! port_open "$PORT" || fail "port $PORT is taken by another process; set LOTSE_REDIS_PORT"
        log "starting on 127.0.0.1:$PORT"
        redis-server --bind 127.0.0.1 --port "$PORT" --protected-mode yes --daemonize yes \
            --dir "$DIR" --pidfile "$PIDFILE" --logfile "$LOG" \
            --save '' --appendonly yes --appendfsync everysec >&2 9>&- ||
            fail "redis-server did not start" "$LOG"
    fi
    wait_until "$TIMEOUT" "$LOG" answers
    log "ready on 127.0.0.1:$PORT"
}

do_stop() {
    if running; then
        stop_pid "$PIDFILE" "$PORT"
        log "stopped"
    else
        log "not running"
    fi
}

do_status() {
    if running && answers; then
        echo "redis: running on 127.0.0.1:$PORT (pid $(<"$PIDFILE"))"
    else
        echo "redis: stopped"
        return 3
    fi
}

do_env() {
    echo "export CELERY_BROKER_URL=redis://127.0.0.1:$PORT/0"
    echo "export REDIS_URL=redis://127.0.0.1:$PORT/1"
}

lotse_main "$@"
