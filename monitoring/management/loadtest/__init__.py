"""`make loadtest` (issue 14, point 3) and the scale-out test share this: a stdlib HTTP client
that talks to gunicorn as a browser behind a TLS-terminating proxy would."""
