"""Writes on agreements: every change to an overeenkomst, its themes, afspraken, jaarschijven
and steps goes through one function here, keyword-only, atomic, validated with full_clean().

Each service first asks the write boundary (services.grens): the acting person's permission
and, for content, that the jaarschijf is not vastgesteld or ondertekend; the models refuse
frozen content once more (afspraken.bevriezing). Every edited object carries a `versie`;
update services take the version the editor started from and refuse with `VersieConflict`
when someone saved in between.
"""

from afspraken.services.afspraak import (
    afspraak_aanmaken,
    afspraak_bijwerken,
    afspraak_verplaatsen,
    jaarafspraak_bijwerken,
    jaarafspraak_regel_bijwerken,
    stap_afronden,
    stap_bijwerken,
    stap_toevoegen,
    stap_verwijderen,
)
from afspraken.services.beheer import beheer_opslaan, beheer_verwijderen
from afspraken.services.bulk import (
    gemeente_aanmaken_of_bijwerken,
    overeenkomst_aanmaken_of_bijwerken,
    partijen_bijwerken_bulk,
)
from afspraken.services.bulk_document import hoofdstukken_vervangen, jaarschijf_status_importeren
from afspraken.services.bulk_inhoud import afspraken_bijwerken_bulk, themas_bijwerken_bulk
from afspraken.services.bulk_jaarschijf import (
    jaarafspraken_bijwerken_bulk,
    jaarschijf_aanmaken_of_bijwerken,
    ondertekeningen_vervangen,
    stappen_vervangen,
)
from afspraken.services.hoofdstuk import (
    hoofdstuk_bijwerken,
    hoofdstuk_toevoegen,
    hoofdstuk_verplaatsen,
    hoofdstuk_verwijderen,
)
from afspraken.services.jaarschijf import (
    jaarschijf_aanmaken,
    jaarschijf_bijwerken,
    jaarschijf_ondertekend_verklaren,
    jaarschijf_ter_bespreking,
    jaarschijf_terug_naar_concept,
    jaarschijf_vaststellen,
)
from afspraken.services.opslaan import VersieConflict
from afspraken.services.overeenkomst import (
    overeenkomst_aanmaken,
    overeenkomst_bijwerken,
    partij_bijwerken,
    partij_toevoegen,
    partij_verwijderen,
    thema_aanmaken,
    thema_bijwerken,
    thema_verplaatsen,
)
from afspraken.services.volgend_jaar import (
    jaarschijf_volgend_jaar_voorbereiden,
    loopt_door,
    periode_eindjaar,
)
from afspraken.services.wijziging import wijziging_starten

__all__ = [
    "VersieConflict",
    "afspraak_aanmaken",
    "afspraak_bijwerken",
    "afspraak_verplaatsen",
    "afspraken_bijwerken_bulk",
    "beheer_opslaan",
    "beheer_verwijderen",
    "gemeente_aanmaken_of_bijwerken",
    "hoofdstuk_bijwerken",
    "hoofdstuk_toevoegen",
    "hoofdstuk_verplaatsen",
    "hoofdstuk_verwijderen",
    "hoofdstukken_vervangen",
    "jaarafspraak_bijwerken",
    "jaarafspraak_regel_bijwerken",
    "jaarafspraken_bijwerken_bulk",
    "jaarschijf_aanmaken",
    "jaarschijf_aanmaken_of_bijwerken",
    "jaarschijf_bijwerken",
    "jaarschijf_ondertekend_verklaren",
    "jaarschijf_status_importeren",
    "jaarschijf_ter_bespreking",
    "jaarschijf_terug_naar_concept",
    "jaarschijf_vaststellen",
    "jaarschijf_volgend_jaar_voorbereiden",
    "loopt_door",
    "ondertekeningen_vervangen",
    "overeenkomst_aanmaken",
    "overeenkomst_aanmaken_of_bijwerken",
    "overeenkomst_bijwerken",
    "partij_bijwerken",
    "partij_toevoegen",
    "partij_verwijderen",
    "partijen_bijwerken_bulk",
    "periode_eindjaar",
    "stap_afronden",
    "stap_bijwerken",
    "stap_toevoegen",
    "stap_verwijderen",
    "stappen_vervangen",
    "thema_aanmaken",
    "thema_bijwerken",
    "thema_verplaatsen",
    "themas_bijwerken_bulk",
    "wijziging_starten",
]
