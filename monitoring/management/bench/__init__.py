"""The page part of `make bench`: a national-scale dataset in a throwaway database
(`dataset`), served by gunicorn and driven by wrk (`server`), and the throughput of the main
pages compared with a trivial view of the same app (`meting`)."""

from monitoring.management.bench.dataset import (
    JAAR,
    SCHALEN,
    Dataset,
    Schaal,
    bouw_dataset,
    wegwerpdatabase,
)
from monitoring.management.bench.meting import (
    DOEL_P99_MS,
    DOEL_PROCENT,
    Meting,
    meet_in_proces,
    meet_met_server,
    nl,
    paginas,
    piek_rss_mb,
    tabel,
)
from monitoring.management.bench.server import VERBINDINGEN, WERKERS, wrk_pad

__all__ = [
    "DOEL_P99_MS",
    "DOEL_PROCENT",
    "JAAR",
    "SCHALEN",
    "VERBINDINGEN",
    "WERKERS",
    "Dataset",
    "Meting",
    "Schaal",
    "bouw_dataset",
    "meet_in_proces",
    "meet_met_server",
    "nl",
    "paginas",
    "piek_rss_mb",
    "tabel",
    "wegwerpdatabase",
    "wrk_pad",
]
