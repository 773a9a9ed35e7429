"""Signing a vastgesteld jaarschijf, one Ondertekening line at a time (issue #10, point 2).

The first signature renders the PDF once and stores it; each signature appends a PAdES
signature to the stored bytes (pades.tekenen) and stores the result as a new file, keeping
the evidence in Handtekening. The last one marks the document definitief and moves the
jaarschijf to ondertekend through afspraken' lifecycle.
"""

import rules
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from afspraken import services as afspraken_services
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, Ondertekening
from afspraken.services.grens import Geweigerd, mag_handelen
from afspraken.services.opslaan import opslaan
from afspraken.services.wijziging import huidige_versie
from gemeenten.models import Gebruiker
from monitoring.models import Handtekening, OndertekendDocument
from monitoring.ondertekening import certificaat, opslag, pades
from monitoring.ondertekening.herauthenticatie import Herauthenticatie, herauthenticeren


def ondertekenen(
    *,
    ondertekening: Ondertekening,
    ip_adres: str | None,
    door: Gebruiker,
    wachtwoord: str = "",
    code: str = "",
    herauthenticatie: Herauthenticatie | None = None,
) -> Handtekening:
    """Sign `ondertekening` (a line of the signer's own organisation) after re-entering the
    password and a second-factor code, or with the proof that both were checked for `door`
    within the last minute (the logged-out signing form checks them before it logs the person
    in). Refused when not permitted (afspraken.sign: the ondertekenaar role, own
    organisation, vastgesteld, not yet signed) or already signed."""
    _mag_tekenen(door, Ondertekening.objects.select_related("jaarschijf").get(pk=ondertekening.pk))
    certificaat_controleren()
    if herauthenticatie is None:
        # Outside the transaction: a wrong code must count towards django-otp's throttling,
        # which a rollback of the refused signature would undo.
        herauthenticatie = herauthenticeren(door, wachtwoord=wachtwoord, code=code)
    elif not herauthenticatie.geldig_voor(door):
        raise ValidationError(
            _("Bevestig opnieuw met uw wachtwoord en code. Er is niet ondertekend."),
            code="herauthenticatie",
        )
    with transaction.atomic():
        handtekening = _tekenen(ondertekening, door, herauthenticatie.tweede_factor, ip_adres)
    ondertekening.ondertekend_door, ondertekening.ondertekend_op = door, handtekening.op
    return handtekening


def mag_tekenen(door, regel: Ondertekening) -> bool:
    """The rule itself, asked of the rules registry: Django lets an active superuser pass
    every permission, but a signature is an organisation's, placed by its own ondertekenaar."""
    return door is not None and rules.has_perm("afspraken.sign", door, regel)


def certificaat_controleren() -> None:
    """Before the code is used up: without the installation's certificate nobody can sign,
    and the signer should hear why instead of meeting an error page."""
    try:
        certificaat.signer()
    except ImproperlyConfigured as fout:
        raise ValidationError(
            _(
                "Ondertekenen kan nu niet: deze installatie heeft geen ondertekencertificaat. "
                "Meld dit aan de beheerder."
            ),
            code="geen_certificaat",
        ) from fout


def _mag_tekenen(door, regel: Ondertekening) -> None:
    if not mag_tekenen(door, regel):
        # Said plainly: the boundary below would call a refused signer's frozen jaarschijf
        # "bevroren", which is true but not the reason.
        raise Geweigerd(_("U kunt deze regel niet (meer) ondertekenen."))
    mag_handelen(door, "afspraken.sign", regel)


def _tekenen(ondertekening, door, tweede_factor: str, ip_adres) -> Handtekening:
    # The permission is asked again of the rows as they are now, under a lock: somebody may
    # have signed the line since it was read.
    jaarschijf = Jaarschijf.objects.select_for_update().get(pk=ondertekening.jaarschijf_id)
    regel = Ondertekening.objects.select_for_update().get(pk=ondertekening.pk)
    regel.jaarschijf = jaarschijf
    _mag_tekenen(door, regel)
    if jaarschijf.status != JaarschijfStatus.VASTGESTELD or regel.ondertekend_op is not None:
        raise ValidationError(_("Deze regel is al ondertekend."), code="al_ondertekend")
    document = _document(jaarschijf)
    handtekening = _handtekening_zetten(document, regel, door, tweede_factor, ip_adres)
    regel.ondertekend_door = door
    regel.ondertekend_op = handtekening.op
    opslaan(regel, door)
    if not jaarschijf.ondertekeningen.filter(ondertekend_op__isnull=True).exists():
        document.definitief = True
        document.definitief_op = handtekening.op
        document.save(update_fields=["definitief", "definitief_op"])
        afspraken_services.jaarschijf_ondertekend_verklaren(jaarschijf=jaarschijf, door=door)
    return handtekening


def _document(jaarschijf: Jaarschijf) -> OndertekendDocument:
    """The document being signed; rendered and stored at the first signature."""
    document = opslag.huidig_document(jaarschijf)
    if document is not None and not document.definitief:
        return document
    from monitoring.pdf import jaarschijf_opmaken

    # After a wijziging of a paper-signed version there is no earlier document here, yet the
    # version being signed is not the first: the kept versions count too.
    volgnummer = max(document.volgnummer + 1 if document else 1, huidige_versie(jaarschijf))
    opmaak = jaarschijf_opmaken(jaarschijf, volgnummer=volgnummer)
    document = OndertekendDocument(
        jaarschijf=jaarschijf,
        volgnummer=volgnummer,
        velden=opmaak.velden,
        sha256_ongetekend=pades.sha256(opmaak.pdf),
    )
    opslag.bewaren(document, opmaak.pdf, "ongetekend.pdf")
    document.save()
    return document


def _veld(document: OndertekendDocument, regel: Ondertekening) -> pades.Veld:
    """The box the ondertekening page drew for this line; an invisible signature (no box)
    should the layout have none."""
    naam = f"ondertekening-{regel.pk}"
    plek = document.velden.get(str(regel.pk))
    if not plek:
        return pades.Veld(naam=naam, pagina=-1, box=None)
    return pades.Veld(naam=naam, pagina=plek[0], box=tuple(plek[1:]))


def _handtekening_zetten(document, regel, door, tweede_factor, ip_adres) -> Handtekening:
    """Append the signature to the stored PDF, store the new bytes, keep the evidence."""
    naam = door.get_full_name() or door.get_username()
    organisatie = regel.organisatie
    veld = _veld(document, regel)
    data = pades.tekenen(
        opslag.lezen(document),
        veld=veld,
        naam=naam,
        namens=organisatie.naam,
        plaats=document.jaarschijf.plaats,
    )
    aantal = document.handtekeningen.count() + 1
    opslag.bewaren(document, data, f"handtekening-{aantal}.pdf")
    document.save(update_fields=["bestand", "sha256"])
    uitslag = next((u for u in pades.valideren(data, veld=veld.naam)), None)
    cert = certificaat.certificaat()
    return Handtekening.objects.create(
        document=document,
        ondertekening=regel,
        gebruiker=door,
        naam=naam,
        organisatie=organisatie,
        organisatie_naam=organisatie.naam,
        op=timezone.now(),
        ip_adres=ip_adres or None,
        tweede_factor=tweede_factor,
        veldnaam=veld.naam,
        certificaat_vingerafdruk=certificaat.vingerafdruk(cert),
        certificaat_onderwerp=certificaat.onderwerp(cert),
        geldig=bool(uitslag and uitslag.geldig),
        validatie=uitslag.samenvatting if uitslag else _("geen handtekening gevonden"),
        sha256_na=document.sha256,
    )
