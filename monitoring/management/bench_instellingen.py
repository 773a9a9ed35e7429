"""Settings for the gunicorn that `manage.py bench` serves: production's own
(config/settings.py, DEBUG off, every check it makes) with three changes the measurement
needs. Never used outside the bench.

- The URLs add the trivial view (bench_urls), so it passes the same middleware as the pages.
- Static files are collected into a temporary folder, not the project's `staticfiles/`.
- Database connections persist between requests (CONN_MAX_AGE) on SQLite too, as they do on
  PostgreSQL in production, so no page pays for opening one.
"""

import os

from config.settings import *  # noqa: F403
from config.settings import DATABASES

ROOT_URLCONF = "monitoring.management.bench_urls"
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
DATABASES["default"]["CONN_MAX_AGE"] = 600

# A page that answers 500 under gunicorn leaves its traceback in the server's log, which the
# bench quotes (production's own logging is the deployment's business).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
