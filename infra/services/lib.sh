# shellcheck shell=bash
# Shared helpers for infra/services/<service>.sh; sourced after setting SERVICE.
#
# State (data, logs, pid files): ${LOTSE_STATE_DIR:-<repo>/.services}/<service>/
# Downloads:                     ${LOTSE_CACHE_DIR:-$HOME/.cache/lotse}/
# Every message goes to stderr, so stdout stays free for `env` output.

: "${SERVICE:?set SERVICE before sourcing lib.sh}"

LOTSE_SERVICES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LOTSE_REPO=$(git -C "$LOTSE_SERVICES" rev-parse --show-toplevel 2>/dev/null || (cd "$LOTSE_SERVICES/../.." && pwd))
LOTSE_STATE_DIR=${LOTSE_STATE_DIR:-$LOTSE_REPO/.services}
LOTSE_CACHE_DIR=${LOTSE_CACHE_DIR:-${HOME:-/root}/.cache/lotse}

log() { printf '[%s] %s\n' "$SERVICE" "$*" >&2; }

# fail MESSAGE LOGFILE...: show the end of each log, then exit 1.
fail() {
    local message=$1 file
    shift
    for file; do
        [[ -s $file ]] || continue
        log "last lines of $file:"
        grep -v $'^\tat ' "$file" | tail -n 10 | cut -c1-240 | sed 's/^/    /' >&2
    done
    log "ERROR: $message${1:+ (see $*)}"
    exit 1
}

# wait_until SECONDS LOGFILE COMMAND...: retry COMMAND every second until it succeeds.
wait_until() {
    local seconds=$1 logfile=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || fail "$SERVICE did not come up within ${seconds}s" "$logfile"
        sleep 1
    done
}

port_open() { (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# wait_port_closed SECONDS PORT
wait_port_closed() {
    local deadline=$((SECONDS + $1))
    while port_open "$2"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# pid_alive PIDFILE PATTERN: the pid file names a live process whose command line has PATTERN.
pid_alive() {
    local pid
    [[ -s $1 ]] && pid=$(<"$1") && [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

# stop_pid PIDFILE PORT: SIGTERM, wait up to 60 s (then SIGKILL), wait until PORT is closed.
stop_pid() {
    local pid i
    pid=$(<"$1")
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid ignored SIGTERM for 60s; sending SIGKILL"
        kill -9 "$pid" 2>/dev/null || true
        sleep 1
    fi
    rm -f "$1"
    wait_port_closed 10 "$2" || fail "port $2 is still open after stopping $SERVICE"
}

apt_install() {
    log "installing $* with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q --no-install-recommends "$@"; } >&2 ||
        fail "apt-get install $* failed"
}

# need_cmd COMMAND PACKAGE: install PACKAGE if COMMAND is missing.
need_cmd() { command -v "$1" >/dev/null || apt_install "$2"; }

# run_as USER COMMAND...: run from / so the user never needs access to the caller's cwd.
run_as() { (cd / && runuser -u "$1" -- "${@:2}"); }

# need_access USER DIR: USER can reach DIR (its parents must not be private, e.g. /root).
need_access() {
    run_as "$1" test -x "$2" ||
        fail "user $1 cannot use $2: a parent directory is private; set LOTSE_STATE_DIR elsewhere"
}

# lotse_main ACTION: run do_ACTION of the calling script; start and stop hold a per-service lock
# on fd 9 (so daemons are started with `9>&-`, else they would hold it for good).
lotse_main() {
    local action=${1:-start}
    case $action in
    start | stop)
        mkdir -p "$LOTSE_STATE_DIR"
        exec 9>"$LOTSE_STATE_DIR/.$SERVICE.lock"
        flock -w 300 9 || fail "another $SERVICE.sh $action held the lock for 300s"
        "do_$action"
        ;;
    status | env) "do_$action" ;;
    -h | --help) echo "usage: $0 [start|stop|status|env]  (default: start)" ;;
    *)
        echo "usage: $0 [start|stop|status|env]  (default: start)" >&2
        exit 2
        ;;
    esac
}
