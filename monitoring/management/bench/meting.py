"""Measuring the main pages of `make bench` against a trivial view on the same server."""

import resource
import time
import tracemalloc
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.models import Gebruiker
from monitoring.management.bench.dataset import Dataset

DOEL_PROCENT = 25


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
