#!/usr/bin/env bash
# One-shot (compose service es-certs): a CA and a transport certificate for each
# of es01..es03 in config/certs, made once and kept in the es-certs volume.
set -euo pipefail
cd /usr/share/elasticsearch
if [[ -f config/certs/es03/es03.crt ]]; then
  echo "certificates exist"
  exit 0
fi
bin/elasticsearch-certutil ca --silent --pem --out config/certs/ca.zip
unzip -q -o config/certs/ca.zip -d config/certs
cat >config/certs/instances.yml <<'YAML'
instances:
  - { name: es01, dns: [es01, localhost], ip: [127.0.0.1] }
  - { name: es02, dns: [es02, localhost], ip: [127.0.0.1] }
  - { name: es03, dns: [es03, localhost], ip: [127.0.0.1] }
YAML
bin/elasticsearch-certutil cert --silent --pem --in config/certs/instances.yml \
  --ca-cert config/certs/ca/ca.crt --ca-key config/certs/ca/ca.key --out config/certs/certs.zip
unzip -q -o config/certs/certs.zip -d config/certs
rm config/certs/ca.zip config/certs/certs.zip
# The nodes run as uid 1000 (elasticsearch); the CA key stays readable by root only.
chown -R 1000:0 config/certs
find config/certs -type d -exec chmod 750 {} +
find config/certs -type f -exec chmod 640 {} +
chown root:root config/certs/ca/ca.key
chmod 600 config/certs/ca/ca.key
echo "certificates made"
