"""Measuring the main pages of `make bench` against a trivial view of the same app.

Served (the method): gunicorn with production settings, driven by wrk (server.py); the
queries per request are counted once in this process with django.test.Client, as are the
Python allocations of one request. In process (the fallback when wrk is missing, and for
`--huidige-database`, whose rows a server cannot see): django.test.Client in a loop.
"""

import resource
import time
import tracemalloc
from dataclasses import dataclass

from django.conf import settings
from django.core.management.utils import get_random_secret_key
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from monitoring.management.bench import server as bench_server
from monitoring.management.bench.dataset import Dataset

DOEL_PROCENT = 25
DOEL_P99_MS = 150
URLS = "monitoring.management.bench_urls"


@dataclass
class Meting:
    naam: str
    rol: str
    url: str
    status: int = 0
    per_seconde: float = 0.0
    verzoeken: int = 0
    queries: int = 0
    piek_kb: float = 0.0
    # Only when served: latency percentiles under load and the workers' memory after it.
    p50_ms: float | None = None
    p99_ms: float | None = None
    rss_mb: float | None = None
    fouten: int = 0
    verhouding: float = 0.0
    # The last line of the server's traceback when the page answered 500.
    foutmelding: str = ""
    # When no request finished within the run: one request on an otherwise idle server.
    alleen_ms: float | None = None
    # One request that the page cache cannot answer (gemeenten.paginacache), as after an
    # edit: the median of three, each with a query string of its own (the rows' fragments
    # stay warm, as they do after an edit elsewhere in the document).
    opnieuw_ms: float | None = None

    @property
    def haalt_doel(self) -> bool:
        return not self.gemist

    @property
    def gemist(self) -> list[str]:
        """What the page misses, in words, each with the figure that misses it."""
        redenen = []
        if self.verhouding * 100 < DOEL_PROCENT:
            redenen.append(f"{nl(self.verhouding * 100, 1)} % < {DOEL_PROCENT} %")
        if self.p99_ms is not None and self.p99_ms >= DOEL_P99_MS:
            redenen.append(f"p99 {nl(self.p99_ms)} ms ≥ {DOEL_P99_MS} ms")
        if self.fouten:
            redenen.append(f"{nl(self.fouten)} fouten")
        if self.alleen_ms is not None:
            redenen.append(f"geen antwoord binnen de meting; alleen {nl(self.alleen_ms)} ms")
        return redenen


def paginas(data: Dataset) -> list[Meting]:
    """Every measured page with the role it is seen as; the trivial view comes first."""
    with override_settings(ROOT_URLCONF=URLS):
        return _paginas(data)


def _paginas(data: Dataset) -> list[Meting]:
    o = {"overeenkomst_pk": data.overeenkomst.pk}
    j = {"jaarschijf_pk": data.jaarschijf.pk}
    corporatie = data.corporatie.pk
    lijst = [
        ("triviale view", "gemeente", reverse("bench-triviaal")),
        ("monitoring:start", "gemeente", reverse("monitoring:start")),
        ("monitoring:start", "corporatie", reverse("monitoring:start")),
        (
            "afspraken:overeenkomst-detail",
            "gemeente",
            reverse("afspraken:overeenkomst-detail", kwargs=o),
        ),
        ("monitoring:jaarschijf", "gemeente", reverse("monitoring:jaarschijf", kwargs=j)),
        ("monitoring:jaarschijf", "corporatie", reverse("monitoring:jaarschijf", kwargs=j)),
        (
            "afspraken:afspraak-lijst (filter)",
            "gemeente",
            reverse("afspraken:afspraak-lijst", kwargs=o)
            + f"?soort=prestatieafspraak&trekker={corporatie}",
        ),
        (
            "afspraken:partij-overzicht",
            "gemeente",
            reverse("afspraken:partij-overzicht", kwargs={**o, "organisatie_pk": corporatie}),
        ),
        ("monitoring:smart-check", "gemeente", reverse("monitoring:smart-check", kwargs=o)),
        ("voorraad:raster", "corporatie", reverse("voorraad:raster", kwargs=j)),
        (
            "monitoring:dashboard-overeenkomst",
            "gemeente",
            reverse("monitoring:dashboard-overeenkomst", kwargs=o),
        ),
        (
            "monitoring:dashboard-gemeente",
            "gemeente",
            reverse(
                "monitoring:dashboard-gemeente",
                kwargs={"gemeente_pk": data.overeenkomst.gemeente_id},
            ),
        ),
        ("monitoring:dashboard-landelijk", "beheerder", reverse("monitoring:dashboard-landelijk")),
    ]
    if data.vastgesteld is not None:
        lijst.append(
            (
                "monitoring:ondertekenen (vastgesteld)",
                "gemeente",
                reverse("monitoring:ondertekenen", kwargs={"jaarschijf_pk": data.vastgesteld.pk}),
            )
        )
    return [Meting(naam=n, rol=r, url=u) for n, r, u in lijst]


def sessies(data: Dataset) -> dict[str, Client]:
    """A logged-in client per role; the superuser's session is verified for two-factor, as
    after the code step. The rows are signed with the SECRET_KEY in force."""
    gebruikers = {"gemeente": data.gemeente_gebruiker, "corporatie": data.corporatie_gebruiker}
    if data.superuser is not None:
        gebruikers["beheerder"] = data.superuser
    clients = {}
    for rol, gebruiker in gebruikers.items():
        client = clients[rol] = Client()
        client.force_login(gebruiker)
        if apparaat := TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first():
            sessie = client.session
            sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
            sessie.save()
    return clients


def cookie(client: Client) -> str:
    naam = settings.SESSION_COOKIE_NAME
    return f"{naam}={client.cookies[naam].value}"


def _in_proces():
    """DEBUG off while measuring in this process (no query log kept, as in production);
    the testserver host is allowed because the requests come from django.test.Client."""
    return override_settings(
        ROOT_URLCONF=URLS,
        DEBUG=False,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
    )


def tel_queries(metingen: list[Meting], clients: dict[str, Client], opwarmen: int = 2):
    """Status, queries and the Python allocation peak of one request, per page."""
    with _in_proces():
        for meting in metingen:
            client = clients[meting.rol]
            for _ in range(opwarmen):
                meting.status = client.get(meting.url).status_code
            # A full query log (DEBUG during the build) would hide the count.
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                client.get(meting.url)
            # Counted now: the captured slice is read from a log later requests reset.
            meting.queries = len(queries)
            tracemalloc.start()
            client.get(meting.url)
            meting.piek_kb = tracemalloc.get_traced_memory()[1] / 1024
            tracemalloc.stop()


def _verhoudingen(metingen: list[Meting]) -> None:
    triviaal = metingen[0].per_seconde or 1.0
    for meting in metingen:
        meting.verhouding = meting.per_seconde / triviaal


def meet_in_proces(data: Dataset, duur: float = 2.0) -> list[Meting]:
    """The fallback: django.test.Client in a loop, one request at a time, in this process."""
    metingen = paginas(data)
    clients = sessies(data)
    tel_queries(metingen, clients)
    with _in_proces():
        for meting in metingen:
            client = clients[meting.rol]
            aantal, begin = 0, time.perf_counter()
            while True:
                client.get(meting.url)
                aantal += 1
                verstreken = time.perf_counter() - begin
                if aantal >= 2 and verstreken >= duur:
                    break
            meting.verzoeken, meting.per_seconde = aantal, aantal / verstreken
    _verhoudingen(metingen)
    return metingen


@dataclass
class ServerMeting:
    metingen: list[Meting]
    werkers: int
    piek_werkers_mb: list[float]
    cache: str = ""


def meet_met_server(data: Dataset, duur: float = 5.0) -> ServerMeting:
    """Every page under wrk through gunicorn, after warming both workers up."""
    geheim = get_random_secret_key()
    metingen = paginas(data)
    with override_settings(SECRET_KEY=geheim):
        clients = sessies(data)
        tel_queries(metingen, clients)
    seconden = max(1, round(duur))
    with bench_server.gunicorn(geheim) as server:
        for meting in metingen:
            kop = cookie(clients[meting.rol])
            meting.status, _ = bench_server.ophalen(server.poort, meting.url, kop)
            if meting.status >= 500:
                meting.foutmelding = server.laatste_fout()
            if meting.status != 200:
                continue
            # Each worker compiles the templates and fills its caches on first use.
            if seconden > 1:
                bench_server.wrk(server.poort, meting.url, kop, 1)
            else:
                for _ in range(2 * bench_server.WERKERS):
                    bench_server.ophalen(server.poort, meting.url, kop)
            uitslag = bench_server.wrk(server.poort, meting.url, kop, seconden)
            meting.per_seconde = uitslag.per_seconde
            meting.verzoeken = uitslag.verzoeken
            meting.fouten = uitslag.fouten
            if uitslag.verzoeken:
                meting.p50_ms, meting.p99_ms = uitslag.p50_ms, uitslag.p99_ms
            else:
                # Not one answer within the run: what a single request takes, alone.
                begin = time.perf_counter()
                bench_server.ophalen(server.poort, meting.url, kop)
                meting.alleen_ms = (time.perf_counter() - begin) * 1000
            meting.opnieuw_ms = _opnieuw_opgebouwd(server.poort, meting.url, kop)
            meting.rss_mb = max(server.geheugen_mb(), default=0.0)
        piek = server.geheugen_mb("VmHWM")
    _verhoudingen(metingen)
    return ServerMeting(metingen, bench_server.WERKERS, piek, server.cache)


def _opnieuw_opgebouwd(poort: int, url: str, kop: str) -> float:
    tijden = []
    for keer in range(3):
        begin = time.perf_counter()
        teken = "&" if "?" in url else "?"
        bench_server.ophalen(poort, f"{url}{teken}opnieuw={keer}{time.monotonic_ns()}", kop)
        tijden.append((time.perf_counter() - begin) * 1000)
    return sorted(tijden)[1]


def nl(getal: float, decimalen: int = 0) -> str:
    """Dutch notation: 1.234,5."""
    return f"{getal:,.{decimalen}f}".translate(str.maketrans(",.", ".,"))


def tabel(metingen: list[Meting]) -> list[str]:
    kop = (
        "Pagina",
        "Als",
        "Verz./s",
        "p50",
        "p99",
        "t.o.v. triviaal",
        "Opnieuw opgebouwd",
        "Queries",
        "Alloc./verz.",
        "RSS/werker",
        "Doel",
    )

    def ms(waarde):
        return "—" if waarde is None else f"{nl(waarde, 1)} ms"

    rijen = [
        (
            m.naam if m.status == 200 else f"{m.naam} (HTTP {m.status})",
            m.rol,
            nl(m.per_seconde, 1),
            ms(m.p50_ms),
            ms(m.p99_ms),
            f"{nl(m.verhouding * 100, 1)} %",
            ms(m.opnieuw_ms),
            str(m.queries),
            f"{nl(m.piek_kb)} KB",
            "—" if m.rss_mb is None else f"{nl(m.rss_mb)} MB",
            "—" if i == 0 else ("gehaald" if m.haalt_doel else "GEMIST: " + "; ".join(m.gemist)),
        )
        for i, m in enumerate(metingen)
    ]
    breedtes = [max(len(r[k]) for r in [kop, *rijen]) for k in range(len(kop))]

    def regel(r):
        return "  ".join(
            c.ljust(b) if k in (0, 1, len(kop) - 1) else c.rjust(b)
            for k, (c, b) in enumerate(zip(r, breedtes, strict=True))
        ).rstrip()

    return [regel(kop), "  ".join("-" * b for b in breedtes), *map(regel, rijen)]


def piek_rss_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
