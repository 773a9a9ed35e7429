"""The page part of `make bench`: a national-scale dataset in a throwaway database
(`dataset`), and the throughput of the main pages compared with a trivial view on the same
server (`meting`)."""

from monitoring.management.bench.dataset import (
    JAAR,
    SCHALEN,
    Dataset,
    Schaal,
    bouw_dataset,
    wegwerpdatabase,
)
from monitoring.management.bench.meting import (
    DOEL_PROCENT,
    Meting,
    meet_paginas,
    nl,
    paginas,
    piek_rss_mb,
    tabel,
)

__all__ = [
    "DOEL_PROCENT",
    "JAAR",
    "SCHALEN",
    "Dataset",
    "Meting",
    "Schaal",
    "bouw_dataset",
    "meet_paginas",
    "nl",
    "paginas",
    "piek_rss_mb",
    "tabel",
    "wegwerpdatabase",
]
