"""The national-scale dataset of `make bench`, in a throwaway database.

It is written with bulk_create, bypassing services and validation: it only has to look like
what the services produce, and it has to be built in seconds, not hours.
"""

import datetime
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from afspraken import vastlegging
from afspraken.constants import JaarschijfStatus, Soort, Voortgang
from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Ondertekening,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from afspraken.perioden import peildatum
from gemeenten.constants import OrganisatieType, Rol
from gemeenten.models import Gebruiker, Gemeente, Lidmaatschap, Organisatie
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand

JAAR = 2026
BATCH = 2000


@dataclass(frozen=True)
class Schaal:
    gemeenten: int
    afspraken_per_overeenkomst: int
    corporaties: int


SCHALEN = {
    # 342 gemeenten, ~290 afspraken each (about 100k); the Netherlands has ~280 corporaties.
    "nationaal": Schaal(gemeenten=342, afspraken_per_overeenkomst=290, corporaties=280),
    "klein": Schaal(gemeenten=4, afspraken_per_overeenkomst=25, corporaties=5),
}


@dataclass
class Dataset:
    gemeente_gebruiker: Gebruiker
    corporatie_gebruiker: Gebruiker
    overeenkomst: Overeenkomst
    jaarschijf: Jaarschijf
    corporatie: Organisatie
    aantallen: dict
    # The next two exist for the pages only a superuser or a fixed jaarschijf has.
    superuser: Gebruiker | None = None
    vastgesteld: Jaarschijf | None = None


@contextmanager
def wegwerpdatabase():
    """A fresh, migrated database next to the configured one (a temporary SQLite file, or
    `<name>_bench` on PostgreSQL), dropped afterwards; the developer's data stays untouched."""
    oude_naam = connection.settings_dict["NAME"]
    test = connection.settings_dict.setdefault("TEST", {})
    oude_test_naam = test.get("NAME")
    map_ = None
    if connection.vendor == "sqlite":
        # A file, not the in-memory default, so the figures resemble a deployed SQLite site.
        map_ = tempfile.mkdtemp(prefix="driehoek-bench-")
        test["NAME"] = os.path.join(map_, "bench.sqlite3")
    else:
        test["NAME"] = f"{oude_naam}_bench"
    try:
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=False
        )
        try:
            yield
        finally:
            connection.creation.destroy_test_db(oude_naam, verbosity=0, keepdb=False)
    finally:
        test["NAME"] = oude_test_naam
        if map_:
            shutil.rmtree(map_, ignore_errors=True)


def _gebruiker(username: str, organisatie: Organisatie) -> Gebruiker:
    gebruiker = Gebruiker(username=username, first_name="Bench", last_name=organisatie.naam)
    gebruiker.set_unusable_password()
    gebruiker.save()
    Lidmaatschap.objects.create(gebruiker=gebruiker, organisatie=organisatie, rol=Rol.MEDEWERKER)
    return gebruiker


def bouw_dataset(schaal: Schaal) -> Dataset:
    """Gemeenten with their organisation, corporaties shared between gemeenten, one or two
    huurdersorganisaties each, and per gemeente one overeenkomst with five themes, its
    afspraken (groups of a main afspraak and four sub-afspraken) with trekkers, a jaarschijf
    2026 with every afspraak in it, steps, signatories and stock figures."""
    return _Bouwer(schaal).bouw()


class _Bouwer:
    """One step per kind of row; each step reads what the earlier ones made."""

    def __init__(self, schaal: Schaal):
        self.schaal = schaal
        self.nu = timezone.now()
        self.aantallen: dict[str, int] = {}

    def bouw(self) -> Dataset:
        self.organisaties()
        self.overeenkomsten()
        self.gebruikers()
        self.afspraken()
        self.jaarschijven()
        self.voorraad()
        self.vastgesteld()
        if connection.vendor == "postgresql":
            # Autovacuum would analyze the new tables within minutes; without statistics the
            # planner guesses, and the figures would describe a database no site runs on.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return Dataset(
            gemeente_gebruiker=self.gemeente_gebruiker,
            corporatie_gebruiker=self.corporatie_gebruiker,
            overeenkomst=self.overeenkomsten_[0],
            jaarschijf=self.jaarschijven_[0],
            corporatie=self.corporaties_per_overeenkomst[0][0],
            aantallen=self.aantallen,
            superuser=self.superuser,
            vastgesteld=self.vastgesteld_,
        )

    def organisaties(self):
        schaal = self.schaal
        self.gemeenten = Gemeente.objects.bulk_create(
            Gemeente(naam=f"Benchgemeente {n:03d}", cbs_code=f"GM{9000 + n:04d}")
            for n in range(schaal.gemeenten)
        )
        self.gemeente_orgs = Organisatie.objects.bulk_create(
            Organisatie(
                naam=f"Gemeente {g.naam}", type=OrganisatieType.GEMEENTE, afkorting="G", gemeente=g
            )
            for g in self.gemeenten
        )
        self.corporaties = Organisatie.objects.bulk_create(
            Organisatie(
                naam=f"Woningcorporatie {n:03d}",
                type=OrganisatieType.WONINGCORPORATIE,
                afkorting=f"WC{n}",
            )
            for n in range(schaal.corporaties)
        )
        self.huurders_per_gemeente = [
            [
                Organisatie(
                    naam=f"Huurdersvereniging {gemeente.naam} {k + 1}",
                    type=OrganisatieType.HUURDERSORGANISATIE,
                    afkorting=f"HV{n}-{k + 1}",
                )
                for k in range(1 + n % 2)
            ]
            for n, gemeente in enumerate(self.gemeenten)
        ]
        huurders = [h for eigen in self.huurders_per_gemeente for h in eigen]
        Organisatie.objects.bulk_create(huurders)
        self.aantallen["gemeenten"] = len(self.gemeenten)
        self.aantallen["organisaties"] = (
            len(self.gemeente_orgs) + len(self.corporaties) + len(huurders)
        )

    def overeenkomsten(self):
        self.overeenkomsten_ = Overeenkomst.objects.bulk_create(
            Overeenkomst(
                gemeente=g,
                titel=f"Prestatieafspraken {g.naam} 2024-2028",
                startdatum=datetime.date(2024, 1, 1),
                einddatum=datetime.date(2028, 12, 31),
                grondslag="Woonvisie 2023",
            )
            for g in self.gemeenten
        )
        self.index = {o.pk: n for n, o in enumerate(self.overeenkomsten_)}
        self.partijen, self.corporaties_per_overeenkomst = [], []
        for n, overeenkomst in enumerate(self.overeenkomsten_):
            # Three corporaties per gemeente, spread so each works in several gemeenten.
            eigen = [self.corporaties[(n * 3 + k) % len(self.corporaties)] for k in range(3)]
            self.corporaties_per_overeenkomst.append(eigen)
            leden = [self.gemeente_orgs[n], *eigen, *self.huurders_per_gemeente[n]]
            self.partijen += [
                Partij(
                    overeenkomst=overeenkomst,
                    organisatie=org,
                    volgorde=v,
                    vertegenwoordiger=f"Bestuurder {org.afkorting}",
                    functie="directeur-bestuurder",
                )
                for v, org in enumerate(leden)
            ]
        Partij.objects.bulk_create(self.partijen, batch_size=BATCH)
        themas = Thema.objects.bulk_create(
            (
                Thema(
                    overeenkomst=o,
                    naam=f"Thema {t}",
                    letter="ABCDE"[t],
                    volgorde=t,
                    toelichting=f"Toelichting bij thema {t}.",
                )
                for o in self.overeenkomsten_
                for t in range(5)
            ),
            batch_size=BATCH,
        )
        self.themas = [themas[n * 5 : n * 5 + 5] for n in range(len(self.overeenkomsten_))]

    def gebruikers(self):
        self.gemeente_gebruiker = _gebruiker("bench-gemeente", self.gemeente_orgs[0])
        self.corporatie_gebruiker = _gebruiker(
            "bench-corporatie", self.corporaties_per_overeenkomst[0][0]
        )
        # Superusers must pass two-factor (TweestapsMiddleware): a confirmed device, which
        # the bench's session then names as verified (meting.sessie).
        self.superuser = Gebruiker(username="bench-beheer", is_superuser=True, is_staff=True)
        self.superuser.set_unusable_password()
        self.superuser.save()
        TOTPDevice.objects.create(user=self.superuser, name="bench", confirmed=True)

    def met_history(self, model, objs):
        objs = model.objects.bulk_create(objs, batch_size=BATCH)
        for n, obj in enumerate(objs):
            # Changes spread over the past year and over all gemeenten, as in real use: the
            # activity feed must find a gemeente's latest rows among everyone's.
            obj._history_date = self.nu - datetime.timedelta(minutes=(n * 7919) % 525_600)
        model.history.bulk_history_create(
            objs, batch_size=BATCH, default_user=self.gemeente_gebruiker, default_date=self.nu
        )
        return objs

    def afspraak(self, o: int, n: int, code: str, parent=None) -> Afspraak:
        return Afspraak(
            overeenkomst=self.overeenkomsten_[o],
            thema=self.themas[o][n * 5 // self.schaal.afspraken_per_overeenkomst],
            parent=parent,
            code=code,
            volgorde=n,
            soort=(Soort.PRESTATIEAFSPRAAK, Soort.PROCESAFSPRAAK, Soort.AMBITIE)[n % 3],
            # Every fourth afspraak has nothing measurable, as in real documents: the SMART
            # check then has rows to show.
            inhoud=(
                f"De partijen bouwen samen {n * 10} woningen.\nTweede regel."
                if n % 4
                else "De partijen werken samen aan deze opgave.\nTweede regel."
            ),
            resultaat=f"Resultaat {n}" if n % 4 else "",
            periode="2024-2028" if n % 10 else "",
            doel=f"{n * 10} woningen" if n % 4 and n % 3 else "",
        )

    def afspraken(self):
        # Main afspraken first, so the sub-afspraken can point at their pk.
        aantal = self.schaal.afspraken_per_overeenkomst
        hoofd_nummers = range(0, aantal, 5)
        overeenkomsten = range(len(self.overeenkomsten_))
        hoofden = self.met_history(
            Afspraak,
            [self.afspraak(o, n, str(n // 5 + 1)) for o in overeenkomsten for n in hoofd_nummers],
        )
        per_groep = len(hoofd_nummers)
        subs = self.met_history(
            Afspraak,
            [
                self.afspraak(
                    o, n, f"{n // 5 + 1}{'abcd'[n % 5 - 1]}", hoofden[o * per_groep + n // 5]
                )
                for o in overeenkomsten
                for n in range(aantal)
                if n % 5
            ],
        )
        self.afspraken_ = hoofden + subs
        self.aantallen["afspraken"] = len(self.afspraken_)
        Trekker = Afspraak.trekkers.through
        trekkers = []
        for a in self.afspraken_:
            o = self.index[a.overeenkomst_id]
            if a.volgorde % 20 == 7:
                continue  # some afspraken still lack a trekker
            corporatie = self.corporaties_per_overeenkomst[o][a.volgorde % 3]
            trekkers.append(Trekker(afspraak=a, organisatie=corporatie))
            if a.volgorde % 2:
                trekkers.append(Trekker(afspraak=a, organisatie=self.gemeente_orgs[o]))
        Trekker.objects.bulk_create(trekkers, batch_size=BATCH)

    def jaarschijven(self):
        self.jaarschijven_ = Jaarschijf.objects.bulk_create(
            Jaarschijf(
                overeenkomst=o,
                jaar=JAAR,
                titel=f"Jaarschijf {JAAR} {o.gemeente.naam}",
                inleiding="De partijen maken voor dit jaar de volgende afspraken.",
                # Every fifth waits for review, the rest are being written; none frozen, so
                # the corporatie can still deliver figures.
                status=JaarschijfStatus.TER_BESPREKING if n % 5 == 0 else JaarschijfStatus.CONCEPT,
            )
            for n, o in enumerate(self.overeenkomsten_)
        )
        voortgang = list(Voortgang)
        jaarafspraken = self.met_history(
            Jaarafspraak,
            [
                Jaarafspraak(
                    jaarschijf=self.jaarschijven_[self.index[a.overeenkomst_id]],
                    afspraak=a,
                    tekst=f"Plan voor afspraak {a.code} in {JAAR}.",
                    status=voortgang[a.volgorde % len(voortgang)],
                )
                for a in self.afspraken_
            ],
        )
        self.aantallen["jaarafspraken"] = len(jaarafspraken)
        self.aantallen["stappen"] = len(
            Stap.objects.bulk_create(
                (
                    Stap(
                        jaarafspraak=ja,
                        organisatie=self.corporaties_per_overeenkomst[
                            self.index[ja.afspraak.overeenkomst_id]
                        ][ja.afspraak.volgorde % 3],
                        tekst=f"Stap voor afspraak {ja.afspraak.code}.",
                        afgerond=n % 6 == 0,
                    )
                    for n, ja in enumerate(jaarafspraken)
                    if n % 3 == 0
                ),
                batch_size=BATCH,
            )
        )
        self.aantallen["ondertekeningen"] = len(
            Ondertekening.objects.bulk_create(
                (
                    Ondertekening(
                        jaarschijf=self.jaarschijven_[self.index[p.overeenkomst_id]],
                        organisatie=p.organisatie,
                        naam=p.vertegenwoordiger,
                        functie=p.functie,
                        volgorde=p.volgorde,
                    )
                    for p in self.partijen
                ),
                batch_size=BATCH,
            )
        )

    def vastgesteld(self):
        """Last year's jaarschijf of the first overeenkomst, fixed as at vaststelling (its
        own copy of the agreement), for the signing page: every afspraak, its signatories."""
        overeenkomst = self.overeenkomsten_[0]
        js = Jaarschijf.objects.create(
            overeenkomst=overeenkomst,
            jaar=JAAR - 1,
            titel=f"Jaarschijf {JAAR - 1} {overeenkomst.gemeente.naam}",
            inleiding="De partijen maakten voor dit jaar de volgende afspraken.",
        )
        Jaarafspraak.objects.bulk_create(
            (
                Jaarafspraak(jaarschijf=js, afspraak=a, tekst=f"Plan voor {a.code}.")
                for a in self.afspraken_
                if a.overeenkomst_id == overeenkomst.pk
            ),
            batch_size=BATCH,
        )
        Ondertekening.objects.bulk_create(
            Ondertekening(
                jaarschijf=js,
                organisatie=p.organisatie,
                naam=p.vertegenwoordiger,
                functie=p.functie,
                volgorde=p.volgorde,
            )
            for p in self.partijen
            if p.overeenkomst_id == overeenkomst.pk
        )
        Jaarschijf.objects.filter(pk=js.pk).update(
            status=JaarschijfStatus.VASTGESTELD, vastgelegde_inhoud=vastlegging.vastleggen(js)
        )
        js.refresh_from_db()
        self.vastgesteld_ = js

    def voorraad(self):
        categorieen = list(Categorie.objects.all()[:5])
        segmenten = list(Segment.objects.all()[:4])
        mutaties, standen = [], []
        for n, js in enumerate(self.jaarschijven_):
            for corporatie in self.corporaties_per_overeenkomst[n]:
                mutaties += [
                    Voorraadmutatie(
                        jaarschijf=js,
                        corporatie=corporatie,
                        categorie=c,
                        jaar_van=jaar,
                        jaar_tot=jaar,
                        soort=CijferSoort.PROGNOSE,
                        aantal=(n + jaar) % 50 if jaar % 7 else None,
                    )
                    for c in categorieen
                    for jaar in range(2024, 2029)
                ]
                standen += [
                    Voorraadstand(
                        jaarschijf=js,
                        corporatie=corporatie,
                        segment=s,
                        peildatum=peildatum(jaar),
                        soort=CijferSoort.REALISATIE,
                        aantal=1000 + n + jaar,
                    )
                    for s in segmenten
                    for jaar in (2024, 2025)
                ]
        Voorraadmutatie.objects.bulk_create(mutaties, batch_size=BATCH)
        Voorraadstand.objects.bulk_create(standen, batch_size=BATCH)
        self.aantallen["voorraadcijfers"] = len(mutaties) + len(standen)
