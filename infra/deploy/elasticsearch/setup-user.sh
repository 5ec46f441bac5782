#!/usr/bin/env bash
# One-shot (compose service es-setup): the role `lotse_app` (all rights on the
# indices lotse_*, cluster monitoring for /healthz) and the user `lotse` with
# the password from its secret file. Idempotent: run on every `up`.
# Also the Kubernetes job lotse-es-setup (ES_URL, SECRETS_DIR).
set -euo pipefail
secrets=${SECRETS_DIR:-/run/secrets}
elastic_password=$(<"$secrets/elastic_password")
lotse_password=$(<"$secrets/elasticsearch_lotse_password")
es_url=${ES_URL:-http://es01:9200}
es() {
  curl -fsS -u "elastic:$elastic_password" -H 'Content-Type: application/json' "$@"
}
until es "$es_url/_cluster/health?wait_for_status=yellow&timeout=30s" >/dev/null; do
  echo "waiting for the cluster ..."
  sleep 5
done
es -X PUT "$es_url/_security/role/lotse_app" -d '{
  "cluster": ["monitor"],
  "indices": [{"names": ["lotse_*"], "privileges": ["all"]}]
}' >/dev/null
es -X PUT "$es_url/_security/user/lotse" -d "{
  \"password\": \"$lotse_password\",
  \"roles\": [\"lotse_app\"]
}" >/dev/null
echo "role lotse_app and user lotse are set"
