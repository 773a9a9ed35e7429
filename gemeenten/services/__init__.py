"""Writes on the ground floor: gemeenten and organisations (`organisaties`), people and
their memberships (`leden`), two-factor login (`tweestaps`). Every function checks what
`door` may do itself (`grens`), so a view, a command or a test cannot hand out more than
the rules allow.
"""

from gemeenten.services.grens import Geweigerd
from gemeenten.services.leden import (
    account_instellen,
    lid_rollen_wijzigen,
    lid_toevoegen,
    lid_uitnodigen,
    lidmaatschap_beeindigen,
    uitnodiging_versturen,
)
from gemeenten.services.organisaties import (
    Identiteit,
    OrganisatieFout,
    Vastgelegd,
    gemeente_aanmaken_of_bijwerken,
    organisaties_vastleggen,
    organisaties_zoeken,
)
from gemeenten.services.samenvoegen import organisaties_samenvoegen
from gemeenten.services.tweestaps import (
    AANTAL_HERSTELCODES,
    herstelcodes_vernieuwen,
    totp_apparaat_voorbereiden,
    tweestaps_activeren,
)

__all__ = [
    "AANTAL_HERSTELCODES",
    "Geweigerd",
    "Identiteit",
    "OrganisatieFout",
    "Vastgelegd",
    "account_instellen",
    "gemeente_aanmaken_of_bijwerken",
    "herstelcodes_vernieuwen",
    "lid_rollen_wijzigen",
    "lid_toevoegen",
    "lid_uitnodigen",
    "lidmaatschap_beeindigen",
    "organisaties_samenvoegen",
    "organisaties_vastleggen",
    "organisaties_zoeken",
    "totp_apparaat_voorbereiden",
    "tweestaps_activeren",
    "uitnodiging_versturen",
]
