from afspraken.models.jaarschijf import (
    Hoofdstuk,
    Jaarafspraak,
    Jaarschijf,
    JaarschijfStatuswijziging,
    Ondertekening,
    Stap,
)
from afspraken.models.overeenkomst import (
    Afspraak,
    Overeenkomst,
    Partij,
    Thema,
    versie_veld,
)
from afspraken.models.versie import JaarschijfVersie

__all__ = [
    "Afspraak",
    "Hoofdstuk",
    "Jaarafspraak",
    "Jaarschijf",
    "JaarschijfStatuswijziging",
    "JaarschijfVersie",
    "Ondertekening",
    "Overeenkomst",
    "Partij",
    "Stap",
    "Thema",
    "versie_veld",
]
