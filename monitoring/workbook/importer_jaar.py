"""Importing what belongs to the jaarschijf itself: the year's text per afspraak, the steps
per party and the signatories. Steps and signatories are replaced by the file's.
"""

from afspraken.models import Jaarafspraak, Ondertekening, Stap
from monitoring.workbook.schrijver import Schrijver, zet


def schrijf_jaarafspraken(afspraken, jaarschijf, per_code, schrijver: Schrijver):
    """Jaarafspraken of the jaarschijf by afspraak code."""
    bestaand = {j.afspraak_id: j for j in Jaarafspraak.objects.filter(jaarschijf=jaarschijf)}
    nieuw, gewijzigd, resultaat = [], [], {}
    for gegevens in afspraken:
        afspraak = per_code[gegevens.code]
        jaarafspraak = bestaand.get(afspraak.pk)
        if jaarafspraak is not None:
            jaarafspraak.afspraak = afspraak  # the instance at hand; saves a query per step
        if jaarafspraak is None:
            jaarafspraak = Jaarafspraak(
                jaarschijf=jaarschijf,
                afspraak=afspraak,
                tekst=gegevens.stappen,
                status=gegevens.status,
            )
            nieuw.append(jaarafspraak)
        elif zet(jaarafspraak, tekst=gegevens.stappen, status=gegevens.status):
            gewijzigd.append(jaarafspraak)
        resultaat[gegevens.code] = jaarafspraak
    schrijver.maak(Jaarafspraak, nieuw, "jaarafspraken")
    schrijver.werk_bij(Jaarafspraak, gewijzigd, ["tekst", "status"], "jaarafspraken")
    return resultaat


def _vervang(model, bestaand: list, gewenst: list, velden: tuple[str, ...], soort, schrijver):
    """Replace `bestaand` by `gewenst` unless they hold the same rows in the same order."""

    def sleutels(objecten):
        return [tuple(getattr(obj, veld) for veld in velden) for obj in objecten]

    if sleutels(bestaand) == sleutels(gewenst):
        return
    schrijver.verwijder(bestaand, soort)
    schrijver.maak(model, gewenst, soort)


def schrijf_stappen(stappen, jaarschijf, jaarafspraken, organisaties, schrijver: Schrijver):
    gewenst = [
        Stap(
            jaarafspraak=jaarafspraken[gegevens.code],
            organisatie=organisaties[gegevens.partij],
            tekst=gegevens.tekst,
            volgorde=volgorde,
        )
        for volgorde, gegevens in enumerate(stappen, start=1)
    ]
    bestaand = list(
        Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf).order_by(
            "jaarafspraak__afspraak__volgorde", "volgorde", "id"
        )
    )
    gewenst.sort(key=lambda stap: (stap.jaarafspraak.afspraak.volgorde, stap.volgorde))
    velden = ("jaarafspraak_id", "organisatie_id", "tekst", "volgorde")
    _vervang(Stap, bestaand, gewenst, velden, "stappen", schrijver)


def schrijf_ondertekeningen(ondertekenaars, jaarschijf, organisaties, schrijver: Schrijver):
    gewenst = [
        Ondertekening(
            jaarschijf=jaarschijf,
            organisatie=organisaties[gegevens.partij],
            naam=gegevens.naam,
            functie=gegevens.functie,
            volgorde=volgorde,
        )
        for volgorde, gegevens in enumerate(ondertekenaars, start=1)
    ]
    bestaand = list(Ondertekening.objects.filter(jaarschijf=jaarschijf).order_by("volgorde", "id"))
    velden = ("organisatie_id", "naam", "functie", "volgorde")
    _vervang(Ondertekening, bestaand, gewenst, velden, "ondertekenaars", schrijver)
