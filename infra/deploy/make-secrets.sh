#!/usr/bin/env bash
# Make the secret files compose.yaml reads, in ./secrets beside this script
# (or in LOTSE_SECRETS_DIR):
# random passwords, the URLs that contain them, and (unless you put your own
# certificate there first) a self-signed TLS certificate for LOTSE_HOST.
# Existing files are kept, so running it again changes nothing.
# Usage: LOTSE_HOST=lotse.example.org bash make-secrets.sh
set -euo pipefail
folder=${LOTSE_SECRETS_DIR:-$(dirname "$0")/secrets}
host=${LOTSE_HOST:-lotse.localhost}
# The folder is private to its owner. The files in it are readable by all
# (0644): Compose bind-mounts them with their own mode into containers whose
# users differ (lotse 10001, postgres 999, elasticsearch 1000); openssl
# keeps the TLS key at 0600, for nginx's master, which runs as root.
(umask 077 && mkdir -p "$folder")
chmod 700 "$folder"
umask 022
cd "$folder"

random() { python3 -c 'import secrets; print(secrets.token_hex(24))'; }
keep_or_write() { [[ -s $1 ]] || printf '%s' "$2" >"$1"; }

keep_or_write secret_key "$(python3 -c 'import secrets; print(secrets.token_urlsafe(64))')"
keep_or_write postgres_password "$(random)"
keep_or_write redis_password "$(random)"
keep_or_write elastic_password "$(random)"
keep_or_write elasticsearch_lotse_password "$(random)"
pg=$(<postgres_password) redis=$(<redis_password) es=$(<elasticsearch_lotse_password)
keep_or_write database_url "postgres://lotse:$pg@postgres:5432/lotse"
keep_or_write celery_broker_url "redis://:$redis@redis:6379/0"
keep_or_write redis_url "redis://:$redis@redis:6379/1"
keep_or_write elasticsearch_url "http://lotse:$es@es01:9200,http://lotse:$es@es02:9200,http://lotse:$es@es03:9200"
if [[ ! -s tls_certificate ]]; then
  openssl req -x509 -newkey rsa:3072 -nodes -days 365 -subj "/CN=$host" \
    -addext "subjectAltName=DNS:$host" -keyout tls_key -out tls_certificate 2>/dev/null
  echo "made a self-signed certificate for $host; replace tls_certificate and tls_key with real ones" >&2
fi
echo "secrets are in $(pwd)" >&2
