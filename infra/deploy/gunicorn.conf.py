"""gunicorn settings for Lotse in production (the image, Kubernetes and systemd).

Every value can be changed by the environment; gunicorn itself also reads
GUNICORN_CMD_ARGS and WEB_CONCURRENCY.
"""

import os

# 0.0.0.0 inside a container; the systemd and Kubernetes layouts set 127.0.0.1.
bind = os.environ.get("LOTSE_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("LOTSE_WEB_THREADS", "4"))
# A rolling update sends SIGTERM: requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("LOTSE_WEB_GRACEFUL_TIMEOUT", "25"))
timeout = int(os.environ.get("LOTSE_WEB_TIMEOUT", "60"))
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# No access log: the office PC's search terms are in the query string and are
# nobody's business (README, "Privacy"). Errors still go to stderr.
accesslog = None
errorlog = "-"
# The reverse proxy (nginx, the ingress) sets X-Forwarded-Proto; trust it only
# from the addresses named here.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Temporary files in memory, not on a possibly read-only root file system.
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn's heartbeat files
