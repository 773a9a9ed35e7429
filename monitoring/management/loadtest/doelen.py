"""What the simulated partners work on (from the demo just loaded), and the check afterwards
that every acknowledged write is in the database."""

import io
from pathlib import Path

import openpyxl

from afspraken.models import Jaarafspraak, Jaarschijf
from gemeenten.constants import OrganisatieType, Rol
from monitoring.management.demo import DemoResultaat, demo_werkboeken
from monitoring.management.loadtest.partner import Doelen
from monitoring.models import Opmerking
from monitoring.werkboek import formaat
from voorraad.models import Voorraadmutatie


def _werkboek(pad: Path):
    """A function giving the workbook with another jaarschijf titel: a re-import that
    changes something to find back, and nothing else."""
    inhoud = pad.read_bytes()

    def met_titel(titel: str) -> bytes:
        boek = openpyxl.load_workbook(io.BytesIO(inhoud))
        blad = boek[formaat.JAARSCHIJF.naam]
        for rij in blad.iter_rows(min_row=2):
            if rij[0].value == "titel":
                rij[1].value = titel
        uit = io.BytesIO()
        boek.save(uit)
        return uit.getvalue()

    return met_titel


def alle_doelen(resultaat: DemoResultaat, aantal: int) -> list[Doelen]:
    """`aantal` partners over the demo's medewerker accounts, in turn: a gemeente's edit the
    jaarschijf's texts and import its workbook, a corporatie's edit its figures; everybody
    reads and comments. Partners on the same account split the rows between them."""
    werkboeken = {
        geimporteerd.jaarschijf.pk: _werkboek(pad)
        for geimporteerd, pad in zip(resultaat.imports, demo_werkboeken(), strict=True)
    }
    accounts = []
    for gemeente, organisaties in resultaat.per_gemeente.items():
        jaarschijf = Jaarschijf.objects.filter(overeenkomst__gemeente=gemeente).first()
        for organisatie, logins in organisaties:
            for login in logins:
                if login.rol == Rol.MEDEWERKER:
                    accounts.append((login.username, organisatie, jaarschijf))
    doelen = []
    for nummer in range(aantal):
        username, organisatie, jaarschijf = accounts[nummer % len(accounts)]
        deel, delen = nummer // len(accounts), (aantal - 1) // len(accounts) + 1
        d = Doelen(username, jaarschijf.pk, jaarschijf.overeenkomst_id)
        if organisatie.type == OrganisatieType.GEMEENTE:
            pks = Jaarafspraak.objects.filter(jaarschijf=jaarschijf).order_by("pk")
            d.jaarafspraken = list(pks.values_list("pk", flat=True))[deel::delen]
            if deel == 0:
                d.werkboek = werkboeken.get(jaarschijf.pk)
        elif organisatie.type == OrganisatieType.WONINGCORPORATIE:
            pks = Voorraadmutatie.objects.filter(jaarschijf=jaarschijf, corporatie=organisatie)
            d.mutaties = list(pks.order_by("pk").values_list("pk", flat=True))[deel::delen]
        doelen.append(d)
    return doelen


def niet_gevonden(schrijven) -> list:
    """The acknowledged writes that the database (history included) does not hold."""
    zoeken = {
        "opmerking": lambda s: Opmerking.history.filter(jaarschijf_id=s.pk, tekst=s.waarde),
        "tekst": lambda s: Jaarafspraak.history.filter(id=s.pk, tekst=s.waarde),
        "cijfer": lambda s: Voorraadmutatie.history.filter(id=s.pk, aantal=s.waarde),
        "import": lambda s: Jaarschijf.history.filter(id=s.pk, titel=s.waarde),
    }
    return [s for s in schrijven if not zoeken[s.soort](s).exists()]
