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

__all__ = [
    "Afspraak",
    "Hoofdstuk",
    "Jaarafspraak",
    "Jaarschijf",
    "JaarschijfStatuswijziging",
    "Ondertekening",
    "Overeenkomst",
    "Partij",
    "Stap",
    "Thema",
    "versie_veld",
]
