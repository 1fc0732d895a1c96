"""Gunicorn settings of the web process (docs/deploy.md):

    gunicorn -c python:wijksturing.conf.gunicorn wijksturing.wsgi

Every value can be overridden on the command line or with ``GUNICORN_CMD_ARGS``; the ones below
read the environment variables named beside them.
"""

import json
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Processes: 2 per core plus one (pages are CPU-bound: rendering, PDF), at most 8 per container;
# scale out with more containers rather than more processes in one.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
# A few threads per process keep slow clients and the database round trips from blocking a process.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # a report PDF takes seconds; long work runs in the worker
graceful_timeout = 30
keepalive = 5
# Recycle processes now and then (memory); imports and recomputations run in the Celery worker,
# so a recycled web process leaves no job half done.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
preload_app = False
# Behind a proxy: trust its X-Forwarded-* headers (set FORWARDED_ALLOW_IPS to the proxy's address).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", "/dev/shm" if os.path.isdir("/dev/shm") else None)

# Access log without personal data: no client address, the path without its query string (search
# pages carry postcodes and addresses there), no referrer or user agent.
accesslog = "-"
errorlog = "-"
if os.environ.get("WIJKSTURING_LOG_FORMAT", "text") == "json":
    access_log_format = json.dumps({"time": "%(t)s", "level": "INFO", "logger": "gunicorn.access", "method": "%(m)s",
                                    "path": "%(U)s", "status": "%(s)s", "bytes": "%(B)s", "ms": "%(M)s"})
else:
    access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
