#!/usr/bin/env bash
# PostgreSQL for Lotse: its own throwaway cluster on 127.0.0.1:${LOTSE_PG_PORT:-5433},
# run as the postgres OS user, with role lotse/lotse (CREATEDB) and database lotse.
# Usage: postgres.sh [start|stop|status|env]   (default: start)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SERVICE=postgres
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${LOTSE_PG_PORT:-5433}
TIMEOUT=${LOTSE_PG_TIMEOUT:-60}
DIR=$LOTSE_STATE_DIR/postgres # also the Unix socket directory
DATA=$DIR/data
LOG=$DIR/postgres.log
# Dev/test cluster: durability traded for speed (tests create and drop databases).
OPTIONS="-c port=$PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$DIR'"
OPTIONS+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

# find_bin [install]: BIN = the server version the cluster was made with, else the newest.
find_bin() {
    local initdbs version
    initdbs=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V)
    if [[ ! -x ${initdbs##*$'\n'} ]]; then
        [[ ${1:-} == install ]] || return 1
        apt_install postgresql
        initdbs=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V)
    fi
    BIN=$(dirname "${initdbs##*$'\n'}")
    if [[ -f $DATA/PG_VERSION ]]; then
        version=$(<"$DATA/PG_VERSION")
        BIN=/usr/lib/postgresql/$version/bin
        [[ -x $BIN/postgres ]] || fail "$DATA was made by PostgreSQL $version, which is not installed"
    fi
}

running() { [[ -f $DATA/PG_VERSION ]] && run_as postgres "$BIN/pg_ctl" status -D "$DATA" >/dev/null; }

psql_admin() {
    run_as postgres "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

ensure_database() {
    psql_admin -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lotse') THEN
            CREATE ROLE lotse LOGIN CREATEDB PASSWORD 'lotse';
        END IF; END \$\$;" || fail "could not create role lotse" "$LOG"
    if [[ $(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'lotse'") != 1 ]]; then
        psql_admin -c "CREATE DATABASE lotse OWNER lotse" || fail "could not create database lotse" "$LOG"
    fi
}

do_start() {
    find_bin install
    mkdir -p "$DIR"
    touch "$LOG"
    chown postgres: "$DIR" "$LOG"
    need_access postgres "$DIR"
    if [[ ! -f $DATA/PG_VERSION ]]; then
        log "creating a new cluster in $DATA ($BIN)"
        run_as postgres "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >>"$LOG" 2>&1 || fail "initdb failed" "$LOG"
    fi
    if running; then
        log "already running on 127.0.0.1:$PORT"
    else
        ! port_open "$PORT" || fail "port $PORT is taken by another process; set LOTSE_PG_PORT"
        log "starting on 127.0.0.1:$PORT"
        run_as postgres "$BIN/pg_ctl" start -D "$DATA" -l "$LOG" -s -w -t "$TIMEOUT" -o "$OPTIONS" 9>&- ||
            fail "PostgreSQL did not start" "$LOG"
    fi
    wait_until "$TIMEOUT" "$LOG" "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"
    ensure_database
    log "ready: database lotse on 127.0.0.1:$PORT"
}

do_stop() {
    if find_bin && running; then
        run_as postgres "$BIN/pg_ctl" stop -D "$DATA" -m fast -s -w -t 60 || fail "pg_ctl stop failed" "$LOG"
        log "stopped"
    else
        log "not running"
    fi
}

do_status() {
    if find_bin && running; then
        echo "postgres: running on 127.0.0.1:$PORT (data $DATA)"
    else
        echo "postgres: stopped"
        return 3
    fi
}

do_env() { echo "export DATABASE_URL=postgres://lotse:lotse@127.0.0.1:$PORT/lotse"; }

lotse_main "$@"
