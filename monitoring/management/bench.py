"""The page part of `make bench`: a national-scale dataset in a throwaway database, and the
throughput of the main pages compared with a trivial view on the same server.

The dataset is written with bulk_create, bypassing services and validation: it only has to
look like what the services produce, and it has to be built in seconds, not hours.
"""

import datetime
import os
import resource
import shutil
import tempfile
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

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
from gemeenten.constants import OrganisatieType, Rol
from gemeenten.models import Gebruiker, Gemeente, Lidmaatschap, Organisatie
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand

DOEL_PROCENT = 25
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
    nu = timezone.now()
    gemeenten = Gemeente.objects.bulk_create(
        Gemeente(naam=f"Benchgemeente {n:03d}", cbs_code=f"GM{9000 + n:04d}")
        for n in range(schaal.gemeenten)
    )
    gemeente_orgs = Organisatie.objects.bulk_create(
        Organisatie(
            naam=f"Gemeente {g.naam}", type=OrganisatieType.GEMEENTE, afkorting="G", gemeente=g
        )
        for g in gemeenten
    )
    corporaties = Organisatie.objects.bulk_create(
        Organisatie(
            naam=f"Woningcorporatie {n:03d}",
            type=OrganisatieType.WONINGCORPORATIE,
            afkorting=f"WC{n}",
        )
        for n in range(schaal.corporaties)
    )
    huurders_per_gemeente = []
    huurders = []
    for n, gemeente in enumerate(gemeenten):
        eigen = [
            Organisatie(
                naam=f"Huurdersvereniging {gemeente.naam} {k + 1}",
                type=OrganisatieType.HUURDERSORGANISATIE,
                afkorting=f"HV{n}-{k + 1}",
            )
            for k in range(1 + n % 2)
        ]
        huurders_per_gemeente.append(eigen)
        huurders += eigen
    Organisatie.objects.bulk_create(huurders)

    overeenkomsten = Overeenkomst.objects.bulk_create(
        Overeenkomst(
            gemeente=g,
            titel=f"Prestatieafspraken {g.naam} 2024-2028",
            startdatum=datetime.date(2024, 1, 1),
            einddatum=datetime.date(2028, 12, 31),
            grondslag="Woonvisie 2023",
        )
        for g in gemeenten
    )
    partijen, corporaties_per_overeenkomst = [], []
    for n, overeenkomst in enumerate(overeenkomsten):
        # Three corporaties per gemeente, spread so each works in several gemeenten.
        eigen_corporaties = [corporaties[(n * 3 + k) % len(corporaties)] for k in range(3)]
        corporaties_per_overeenkomst.append(eigen_corporaties)
        leden = [gemeente_orgs[n], *eigen_corporaties, *huurders_per_gemeente[n]]
        partijen += [
            Partij(
                overeenkomst=overeenkomst,
                organisatie=org,
                volgorde=v,
                vertegenwoordiger=f"Bestuurder {org.afkorting}",
                functie="directeur-bestuurder",
            )
            for v, org in enumerate(leden)
        ]
    Partij.objects.bulk_create(partijen, batch_size=BATCH)

    themas = Thema.objects.bulk_create(
        (
            Thema(
                overeenkomst=o,
                naam=f"Thema {t}",
                letter="ABCDE"[t],
                volgorde=t,
                toelichting=f"Toelichting bij thema {t}.",
            )
            for o in overeenkomsten
            for t in range(5)
        ),
        batch_size=BATCH,
    )
    themas_per_overeenkomst = [themas[n * 5 : n * 5 + 5] for n in range(len(overeenkomsten))]

    # Main afspraken first, so the sub-afspraken can point at their pk.
    aantal = schaal.afspraken_per_overeenkomst
    hoofd_nummers = range(0, aantal, 5)
    gemeente_gebruiker = _gebruiker("bench-gemeente", gemeente_orgs[0])
    corporatie_gebruiker = _gebruiker("bench-corporatie", corporaties_per_overeenkomst[0][0])

    def afspraak(o, n, code, parent=None):
        return Afspraak(
            overeenkomst=overeenkomsten[o],
            thema=themas_per_overeenkomst[o][n * 5 // aantal],
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

    def bulk_met_history(model, objs):
        objs = model.objects.bulk_create(objs, batch_size=BATCH)
        for n, obj in enumerate(objs):
            # Changes spread over the past year and over all gemeenten, as in real use: the
            # activity feed must find a gemeente's latest rows among everyone's.
            obj._history_date = nu - datetime.timedelta(minutes=(n * 7919) % 525_600)
        model.history.bulk_history_create(
            objs, batch_size=BATCH, default_user=gemeente_gebruiker, default_date=nu
        )
        return objs

    hoofden = bulk_met_history(
        Afspraak,
        [
            afspraak(o, n, str(n // 5 + 1))
            for o in range(len(overeenkomsten))
            for n in hoofd_nummers
        ],
    )
    per_groep = len(hoofd_nummers)
    subs = bulk_met_history(
        Afspraak,
        [
            afspraak(o, n, f"{n // 5 + 1}{'abcd'[n % 5 - 1]}", hoofden[o * per_groep + n // 5])
            for o in range(len(overeenkomsten))
            for n in range(aantal)
            if n % 5
        ],
    )
    afspraken = hoofden + subs
    index = {o.pk: n for n, o in enumerate(overeenkomsten)}
    Trekker = Afspraak.trekkers.through
    trekkers = []
    for a in afspraken:
        o = index[a.overeenkomst_id]
        if a.volgorde % 20 == 7:
            continue  # some afspraken still lack a trekker
        trekkers.append(
            Trekker(afspraak=a, organisatie=corporaties_per_overeenkomst[o][a.volgorde % 3])
        )
        if a.volgorde % 2:
            trekkers.append(Trekker(afspraak=a, organisatie=gemeente_orgs[o]))
    Trekker.objects.bulk_create(trekkers, batch_size=BATCH)

    jaarschijven = Jaarschijf.objects.bulk_create(
        Jaarschijf(
            overeenkomst=o,
            jaar=JAAR,
            titel=f"Jaarschijf {JAAR} {o.gemeente.naam}",
            inleiding="De partijen maken voor dit jaar de volgende afspraken.",
            # Every fifth waits for review, the rest are being written; none frozen, so the
            # corporatie can still deliver figures.
            status=JaarschijfStatus.TER_BESPREKING if n % 5 == 0 else JaarschijfStatus.CONCEPT,
        )
        for n, o in enumerate(overeenkomsten)
    )
    voortgang = list(Voortgang)
    jaarafspraken = bulk_met_history(
        Jaarafspraak,
        [
            Jaarafspraak(
                jaarschijf=jaarschijven[index[a.overeenkomst_id]],
                afspraak=a,
                tekst=f"Plan voor afspraak {a.code} in {JAAR}.",
                status=voortgang[a.volgorde % len(voortgang)],
            )
            for a in afspraken
        ],
    )
    stappen = Stap.objects.bulk_create(
        (
            Stap(
                jaarafspraak=ja,
                organisatie=corporaties_per_overeenkomst[index[ja.afspraak.overeenkomst_id]][
                    ja.afspraak.volgorde % 3
                ],
                tekst=f"Stap voor afspraak {ja.afspraak.code}.",
                afgerond=n % 6 == 0,
            )
            for n, ja in enumerate(jaarafspraken)
            if n % 3 == 0
        ),
        batch_size=BATCH,
    )
    ondertekeningen = Ondertekening.objects.bulk_create(
        (
            Ondertekening(
                jaarschijf=jaarschijven[index[p.overeenkomst_id]],
                organisatie=p.organisatie,
                naam=p.vertegenwoordiger,
                functie=p.functie,
                volgorde=p.volgorde,
            )
            for p in partijen
        ),
        batch_size=BATCH,
    )

    categorieen = list(Categorie.objects.all()[:5])
    segmenten = list(Segment.objects.all()[:4])
    mutaties, standen = [], []
    for n, js in enumerate(jaarschijven):
        for corporatie in corporaties_per_overeenkomst[n]:
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
                    peildatum=Voorraadstand.peildatum_voor_jaar(jaar),
                    soort=CijferSoort.REALISATIE,
                    aantal=1000 + n + jaar,
                )
                for s in segmenten
                for jaar in (2024, 2025)
            ]
    Voorraadmutatie.objects.bulk_create(mutaties, batch_size=BATCH)
    Voorraadstand.objects.bulk_create(standen, batch_size=BATCH)

    if connection.vendor == "postgresql":
        # Autovacuum would analyze the new tables within minutes; without statistics the
        # planner guesses, and the figures would describe a database no site ever runs on.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    return Dataset(
        gemeente_gebruiker=gemeente_gebruiker,
        corporatie_gebruiker=corporatie_gebruiker,
        overeenkomst=overeenkomsten[0],
        jaarschijf=jaarschijven[0],
        corporatie=corporaties_per_overeenkomst[0][0],
        aantallen={
            "gemeenten": len(gemeenten),
            "organisaties": len(gemeente_orgs) + len(corporaties) + len(huurders),
            "afspraken": len(afspraken),
            "jaarafspraken": len(jaarafspraken),
            "stappen": len(stappen),
            "ondertekeningen": len(ondertekeningen),
            "voorraadcijfers": len(mutaties) + len(standen),
        },
    )


@dataclass
class Meting:
    naam: str
    rol: str
    status: int
    per_seconde: float
    verzoeken: int
    queries: int
    piek_kb: float
    verhouding: float = 0.0

    @property
    def haalt_doel(self) -> bool:
        return self.verhouding * 100 >= DOEL_PROCENT


def paginas(data: Dataset) -> list[tuple[str, str, str, Gebruiker]]:
    """(label, role, url, user) for every measured page; the trivial view comes first."""
    gemeente, corporatie = data.gemeente_gebruiker, data.corporatie_gebruiker
    o = {"overeenkomst_pk": data.overeenkomst.pk}
    j = {"jaarschijf_pk": data.jaarschijf.pk}
    return [
        ("triviale view", "gemeente", reverse("bench-triviaal"), gemeente),
        ("monitoring:start", "gemeente", reverse("monitoring:start"), gemeente),
        ("monitoring:start", "corporatie", reverse("monitoring:start"), corporatie),
        (
            "afspraken:overeenkomst-detail",
            "gemeente",
            reverse("afspraken:overeenkomst-detail", kwargs=o),
            gemeente,
        ),
        (
            "monitoring:jaarschijf",
            "gemeente",
            reverse("monitoring:jaarschijf", kwargs=j),
            gemeente,
        ),
        (
            "monitoring:jaarschijf",
            "corporatie",
            reverse("monitoring:jaarschijf", kwargs=j),
            corporatie,
        ),
        (
            "afspraken:afspraak-lijst",
            "gemeente",
            reverse("afspraken:afspraak-lijst", kwargs=o),
            gemeente,
        ),
        (
            "monitoring:smart-check",
            "gemeente",
            reverse("monitoring:smart-check", kwargs=o),
            gemeente,
        ),
        (
            "afspraken:partij-overzicht",
            "gemeente",
            reverse(
                "afspraken:partij-overzicht", kwargs={**o, "organisatie_pk": data.corporatie.pk}
            ),
            gemeente,
        ),
        (
            "voorraad:cijfers-bewerken",
            "corporatie",
            reverse("voorraad:cijfers-bewerken", kwargs=j),
            corporatie,
        ),
    ]


def _meet(client: Client, url: str, duur: float, minimum: int) -> tuple[int, float, int]:
    """Requests per second over about `duur` seconds, at least `minimum` requests."""
    aantal = 0
    begin = time.perf_counter()
    while True:
        client.get(url)
        aantal += 1
        verstreken = time.perf_counter() - begin
        if aantal >= minimum and verstreken >= duur:
            return aantal, aantal / verstreken, aantal


def meet_paginas(data: Dataset, duur: float = 2.0, opwarmen: int = 3) -> list[Meting]:
    """Throughput, queries per request and the Python memory peak of one request, per page.

    DEBUG is off while timing (as in production: no query log kept); the testserver host
    is allowed because the requests come from django.test.Client.
    """
    metingen = []
    with override_settings(
        ROOT_URLCONF="monitoring.management.bench_urls",
        DEBUG=False,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
    ):
        clients = {}
        for naam, rol, url, gebruiker in paginas(data):
            client = clients.get(rol)
            if client is None:
                client = clients[rol] = Client()
                client.force_login(gebruiker)
            for _ in range(opwarmen):
                antwoord = client.get(url)
            # A full query log (9000 entries, DEBUG during the build) would hide the count.
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            # Counted now: the captured slice is read from a log later requests reset.
            aantal_queries = len(queries)
            tracemalloc.start()
            client.get(url)
            _, piek = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            aantal, per_seconde, _ = _meet(client, url, duur, minimum=max(1, opwarmen))
            metingen.append(
                Meting(
                    naam=naam,
                    rol=rol,
                    status=antwoord.status_code,
                    per_seconde=per_seconde,
                    verzoeken=aantal,
                    queries=aantal_queries,
                    piek_kb=piek / 1024,
                )
            )
    triviaal = metingen[0].per_seconde
    for meting in metingen:
        meting.verhouding = meting.per_seconde / triviaal
    return metingen


def nl(getal: float, decimalen: int = 0) -> str:
    """Dutch notation: 1.234,5."""
    return f"{getal:,.{decimalen}f}".translate(str.maketrans(",.", ".,"))


def tabel(metingen: list[Meting]) -> list[str]:
    kop = ("Pagina", "Als", "Verz./s", "t.o.v. triviaal", "Queries", "Piek/verz.", "Doel")
    rijen = [
        (
            m.naam if m.status == 200 else f"{m.naam} (HTTP {m.status})",
            m.rol,
            nl(m.per_seconde, 1),
            f"{nl(m.verhouding * 100, 1)} %",
            str(m.queries),
            f"{nl(m.piek_kb)} KB",
            "—" if i == 0 else ("gehaald" if m.haalt_doel else "GEMIST"),
        )
        for i, m in enumerate(metingen)
    ]
    breedtes = [max(len(r[k]) for r in [kop, *rijen]) for k in range(len(kop))]

    def regel(r):
        return "  ".join(
            c.ljust(b) if k < 2 else c.rjust(b)
            for k, (c, b) in enumerate(zip(r, breedtes, strict=True))
        )

    return [regel(kop), "  ".join("-" * b for b in breedtes), *map(regel, rijen)]


def piek_rss_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
