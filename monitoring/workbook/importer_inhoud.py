"""Importing the agreement's content: themes and afspraken (with parents and trekkers)."""

from afspraken.models import Afspraak, Thema
from monitoring.workbook.data import AfspraakGegevens, ThemaGegevens
from monitoring.workbook.schrijver import Schrijver, zet

AFSPRAAK_VELDEN = ("thema", "soort", "inhoud", "resultaat", "periode", "doel", "volgorde")


def schrijf_themas(
    themas: list[ThemaGegevens], overeenkomst, schrijver: Schrijver
) -> dict[str, Thema]:
    """The overeenkomst's themes by lower-case name. Themes only named in `afspraken` are
    created when new but never overwrite an existing theme's letter, order or text.
    """
    bestaand = {t.naam.lower(): t for t in Thema.objects.filter(overeenkomst=overeenkomst)}
    nieuw, gewijzigd = [], []
    for gegevens in themas:
        thema = bestaand.get(gegevens.naam.lower())
        velden = {
            "letter": gegevens.letter,
            "volgorde": gegevens.volgorde,
            "toelichting": gegevens.toelichting,
        }
        if thema is None:
            thema = Thema(overeenkomst=overeenkomst, naam=gegevens.naam, **velden)
            nieuw.append(thema)
            bestaand[thema.naam.lower()] = thema
        elif gegevens.rij is not None and zet(thema, **velden):
            gewijzigd.append(thema)
    schrijver.maak(Thema, nieuw, "themas")
    schrijver.werk_bij(Thema, gewijzigd, ["letter", "volgorde", "toelichting"], "themas")
    return bestaand


def _diepte(code: str, ouders: dict[str, str | None]) -> int:
    diepte = 0
    while ouders.get(code):
        code = ouders[code]
        diepte += 1
    return diepte


def schrijf_afspraken(
    afspraken: list[AfspraakGegevens], overeenkomst, themas, organisaties, schrijver: Schrijver
) -> dict[str, Afspraak]:
    """The overeenkomst's afspraken by code, created or updated from the workbook's rows."""
    bestaand = {a.code: a for a in Afspraak.objects.filter(overeenkomst=overeenkomst)}
    ouders = {gegevens.code: gegevens.parent for gegevens in afspraken}
    # New afspraken are created parents first, so every child can point at its parent.
    volgorde_per_diepte: dict[int, list] = {}
    gewijzigd = []
    for volgorde, gegevens in enumerate(afspraken, start=1):
        velden = {
            "thema": themas[gegevens.thema.lower()],
            "soort": gegevens.soort,
            "inhoud": gegevens.inhoud,
            "resultaat": gegevens.resultaat,
            "periode": gegevens.periode,
            "doel": gegevens.doel,
            "volgorde": volgorde,
        }
        afspraak = bestaand.get(gegevens.code)
        if afspraak is None:
            afspraak = Afspraak(overeenkomst=overeenkomst, code=gegevens.code, **velden)
            volgorde_per_diepte.setdefault(_diepte(gegevens.code, ouders), []).append(afspraak)
            bestaand[gegevens.code] = afspraak
        elif zet(afspraak, **velden):
            gewijzigd.append(afspraak)

    gewijzigd_ids = {afspraak.pk for afspraak in gewijzigd}
    nieuw_parent = []
    for diepte in sorted(volgorde_per_diepte):
        laag = volgorde_per_diepte[diepte]
        for afspraak in laag:
            parent_code = ouders[afspraak.code]
            afspraak.parent = bestaand[parent_code] if parent_code else None
        schrijver.maak(Afspraak, laag, "afspraken")
    for gegevens in afspraken:
        afspraak = bestaand[gegevens.code]
        parent = bestaand[gegevens.parent] if gegevens.parent else None
        if (
            afspraak.parent_id != (parent.pk if parent else None)
            and afspraak.pk not in gewijzigd_ids
        ):
            nieuw_parent.append(afspraak)
        afspraak.parent = parent
    schrijver.werk_bij(
        Afspraak, gewijzigd + nieuw_parent, [*AFSPRAAK_VELDEN, "parent"], "afspraken"
    )
    _schrijf_trekkers(afspraken, bestaand, organisaties, schrijver)
    return bestaand


def _schrijf_trekkers(afspraken, bestaand: dict[str, Afspraak], organisaties, schrijver):
    through = Afspraak.trekkers.through
    huidig: dict[int, set[int]] = {}
    for afspraak_id, organisatie_id in through.objects.filter(
        afspraak_id__in=[a.pk for a in bestaand.values()]
    ).values_list("afspraak_id", "organisatie_id"):
        huidig.setdefault(afspraak_id, set()).add(organisatie_id)
    for gegevens in afspraken:
        afspraak = bestaand[gegevens.code]
        gewenst = {organisaties[index].pk for index in gegevens.trekkers}
        if huidig.get(afspraak.pk, set()) != gewenst:
            # Through the m2m signal, so simple_history records the new set of trekkers.
            schrijver.gebruiker(afspraak).trekkers.set(gewenst)
