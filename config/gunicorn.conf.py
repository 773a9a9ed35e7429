"""gunicorn for `make serve`: what production runs (config/settings.py with DEBUG off).

BIND (default 127.0.0.1:8000; 0.0.0.0:8000 behind a load balancer) and WEB_CONCURRENCY
(workers, default 2 per core + 1) come from the environment.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A PDF or a workbook import may take a while; nothing legitimate takes a minute.
timeout = 60
graceful_timeout = 30
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Load the settings once in the master: a misconfiguration stops the server at once,
# with the settings' own message, instead of workers failing one by one.
preload_app = True
accesslog = "-"
errorlog = "-"
