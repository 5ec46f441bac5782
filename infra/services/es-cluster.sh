#!/usr/bin/env bash
# An Elasticsearch cluster on loopback: LOTSE_ES_NODES nodes (default 3) named lotse-1, lotse-2 ...
# on HTTP ports LOTSE_ES_PORT, +1, +2 (default 9221) and transport ports LOTSE_ES_TRANSPORT_PORT,
# +1, +2 (default 9321), heap LOTSE_ES_HEAP each (default 512m). Every node is an
# elasticsearch.sh node with its state in $LOTSE_STATE_DIR/es-cluster/node-<i>; they share
# one installation ($LOTSE_STATE_DIR/es-cluster/home; one made by elasticsearch.sh can be
# hard-linked there first). Used by the fault tests (tests/faults) and to try out a cluster.
# Usage: es-cluster.sh [start|stop|status|env]      (default: start)
#        es-cluster.sh stop-node I | start-node I   (one node; the others keep serving)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || (cd "$here/../.." && pwd))
STATE=${LOTSE_STATE_DIR:-$repo/.services}/es-cluster
NODES=${LOTSE_ES_NODES:-3}
HTTP_BASE=${LOTSE_ES_PORT:-9221}
TRANSPORT_BASE=${LOTSE_ES_TRANSPORT_PORT:-9321}
HEAP=${LOTSE_ES_HEAP:-512m}
TIMEOUT=${LOTSE_ES_TIMEOUT:-180}

log() { printf '[es-cluster] %s\n' "$*" >&2; }

[[ $NODES =~ ^[1-9]$ ]] || {
    log "LOTSE_ES_NODES must be 1 to 9, not '$NODES'"
    exit 2
}

joined() {
    local sep=$1 from=$2 i out=()
    for ((i = 1; i <= NODES; i++)); do out+=("$from$i"); done
    local IFS=$sep
    echo "${out[*]}"
}

# node I ACTION: run elasticsearch.sh ACTION as node I of the cluster.
node() {
    local i=$1 seeds=() j
    for ((j = 0; j < NODES; j++)); do seeds+=("127.0.0.1:$((TRANSPORT_BASE + j))"); done
    LOTSE_STATE_DIR=$STATE/node-$i \
        LOTSE_ES_HOME=$STATE/home \
        LOTSE_ES_PORT=$((HTTP_BASE + i - 1)) \
        LOTSE_ES_TRANSPORT_PORT=$((TRANSPORT_BASE + i - 1)) \
        LOTSE_ES_NODE_NAME=lotse-$i \
        LOTSE_ES_SEED_HOSTS=$(IFS=,; echo "${seeds[*]}") \
        LOTSE_ES_MASTER_NODES=$(joined , lotse-) \
        LOTSE_ES_HEAP=$HEAP \
        LOTSE_ES_TIMEOUT=$TIMEOUT \
        "$here/elasticsearch.sh" "$2"
}

url() { echo "http://127.0.0.1:$((HTTP_BASE + $1 - 1))"; }

# wait_cluster COUNT: until a node reports COUNT nodes and no red index.
wait_cluster() {
    local deadline=$((SECONDS + TIMEOUT)) i answer
    while ((SECONDS < deadline)); do
        for ((i = 1; i <= NODES; i++)); do
            answer=$(curl -fsS --max-time 5 \
                "$(url "$i")/_cluster/health?wait_for_nodes=$1&wait_for_status=yellow&timeout=2s" \
                2>/dev/null) || continue
            if grep -q '"timed_out":false' <<<"$answer"; then
                log "cluster of $1 node(s) ready: $answer"
                return 0
            fi
        done
        sleep 1
    done
    log "ERROR: the cluster did not reach $1 node(s) within ${TIMEOUT}s; logs: $STATE/node-*/elasticsearch/logs"
    return 1
}

do_start() {
    local i pids=() status=0
    mkdir -p "$STATE"
    # The first node installs Elasticsearch once; the others start together once it has.
    node 1 start &
    pids+=($!)
    until [[ -f $STATE/home/.lotse-installed ]]; do
        kill -0 "${pids[0]}" 2>/dev/null || break
        sleep 1
    done
    for ((i = 2; i <= NODES; i++)); do
        node "$i" start &
        pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || status=1; done
    ((status == 0)) || {
        log "ERROR: a node did not start"
        return 1
    }
    wait_cluster "$NODES"
}

do_stop() {
    local i pids=() status=0
    for ((i = NODES; i >= 1; i--)); do
        node "$i" stop &
        pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || status=1; done
    return "$status"
}

do_status() {
    local i status=0
    for ((i = 1; i <= NODES; i++)); do
        printf 'lotse-%s: ' "$i"
        node "$i" status || status=3
    done
    return "$status"
}

check_index() {
    if ! [[ ${1:-} =~ ^[1-9]$ ]] || (($1 > NODES)); then
        log "name a node from 1 to $NODES"
        exit 2
    fi
}

case ${1:-start} in
start) do_start ;;
stop) do_stop ;;
status) do_status ;;
env) echo "export ELASTICSEARCH_URL=$(for ((i = 1; i <= NODES; i++)); do url "$i"; done | paste -sd,)" ;;
stop-node)
    check_index "${2:-}"
    node "$2" stop
    ;;
start-node)
    check_index "${2:-}"
    node "$2" start
    wait_cluster "$NODES"
    ;;
-h | --help) sed -n '2,8s/^# \{0,1\}//p' "$0" ;;
*)
    echo "usage: $0 [start|stop|status|env|stop-node I|start-node I]" >&2
    exit 2
    ;;
esac
