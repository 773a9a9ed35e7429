"""The gemeente reminds the ondertekenaars of the parties that have not signed yet."""

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, Ondertekening
from afspraken.services.grens import mag_handelen
from gemeenten.constants import Rol
from gemeenten.models import Gebruiker


def ontbrekend(jaarschijf: Jaarschijf) -> list[Ondertekening]:
    """The lines still waiting for a signature, in the document's order."""
    return list(
        jaarschijf.ondertekeningen.filter(ondertekend_op__isnull=True).select_related("organisatie")
    )


def ontvangers(jaarschijf: Jaarschijf) -> list[Gebruiker]:
    """The active ondertekenaars (with an address) of the organisations still to sign."""
    organisaties = {o.organisatie_id for o in ontbrekend(jaarschijf)}
    return list(
        Gebruiker.objects.filter(
            is_active=True,
            lidmaatschappen__organisatie_id__in=organisaties,
            lidmaatschappen__rol=Rol.ONDERTEKENAAR,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def herinneren(*, jaarschijf: Jaarschijf, link: str, door: Gebruiker) -> int:
    """Mail each ondertekenaar still to sign a link to the signing page; returns how many.
    The gemeente's part (afspraken.change_status), and only while the jaarschijf waits for
    signatures."""
    mag_handelen(door, "afspraken.change_status", jaarschijf)
    if jaarschijf.status != JaarschijfStatus.VASTGESTELD:
        raise ValidationError(
            _("Alleen een vastgestelde jaarschijf wacht op handtekeningen."), code="status"
        )
    lijst = ontvangers(jaarschijf)
    onderwerp = _("Herinnering: jaarschijf %(jaren)s %(gemeente)s ondertekenen") % {
        "jaren": jaarschijf.jaren,
        "gemeente": jaarschijf.overeenkomst.gemeente.naam,
    }
    berichten = [
        EmailMessage(
            subject=onderwerp,
            body=render_to_string(
                "monitoring/ondertekening/herinnering.txt",
                {"gebruiker": g, "jaarschijf": jaarschijf, "link": link, "door": door},
            ),
            to=[g.email],
        )
        for g in lijst
    ]
    for bericht in berichten:
        bericht.send()
    return len(berichten)
