"""The PDF's appendix of what changed since the previous jaarschijf: the comparison itself is
shared with the jaarschijf page and lives in monitoring.selectors.wijzigingen."""

from monitoring.selectors.wijzigingen import (
    SOORTEN,
    Wijziging,
    vorige_jaarschijf,
    wijzigingen,
    woorden_vergelijken,
)

__all__ = ["SOORTEN", "Wijziging", "vorige_jaarschijf", "wijzigingen", "woorden_vergelijken"]
