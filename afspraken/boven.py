"""What afspraken's pages need from the floors above, which afspraken may not name.

The apps stack like floors (DESIGN §3) and afspraken imports, looks up and links nothing of
an app above it. Yet its edit views return to the jaarschijf page, which `monitoring`
assembles from afspraken, stock figures and remarks, and its pages link to the start page,
the SMART check and the workbook. Each such page is a slot here, which the app serving it
fills in its AppConfig.ready():

    boven.registreer(urls={"jaarschijf": "monitoring:jaarschijf"}, afspraak_rij="...")

afspraken then asks `boven.url("jaarschijf", jaarschijf_pk=...)` in Python and
`{% boven_url "jaarschijf" jaarschijf_pk=... %}` (library `afspraken_boven`) in templates.
A slot nobody filled is a configuration error, raised on first use.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import import_string

# The pages above that afspraken links to, with the URL kwargs each takes.
URL_SLOTS = {
    "start": (),
    "jaarschijf": ("jaarschijf_pk",),
    "smart_check": ("overeenkomst_pk",),
    "werkboek_export": ("jaarschijf_pk",),
    "werkboek_import": (),
}

_url_namen: dict[str, str] = {}
_weergaven: dict[str, str] = {}


def registreer(
    *,
    urls: dict[str, str] | None = None,
    afspraak_rij: str | None = None,
    voortgang_melden: str | None = None,
) -> None:
    """Fill slots: `urls` maps slot to URL name; `afspraak_rij` is the dotted path of the
    function that renders one afspraak row of the jaarschijf page (see `afspraak_rij`);
    `voortgang_melden` that of the service keeping a progress report on the timeline."""
    urls = urls or {}
    if onbekend := set(urls) - set(URL_SLOTS):
        raise ImproperlyConfigured(f"Onbekende slots voor afspraken.boven: {sorted(onbekend)}")
    _url_namen.update(urls)
    if afspraak_rij is not None:
        _weergaven["afspraak_rij"] = afspraak_rij
    if voortgang_melden is not None:
        _weergaven["voortgang_melden"] = voortgang_melden


def url(slot: str, **kwargs) -> str:
    """The address of the page in `slot`, reversed with `kwargs`."""
    try:
        naam = _url_namen[slot]
    except KeyError:
        raise ImproperlyConfigured(
            f"Geen pagina geregistreerd voor afspraken.boven {slot!r}"
        ) from None
    return reverse(naam, kwargs=kwargs or None)


def jaarschijf_url(jaarschijf_pk: int) -> str:
    return url("jaarschijf", jaarschijf_pk=jaarschijf_pk)


def afspraak_rij(request, jaarafspraak_pk: int, jaarschijf) -> object:
    """The afspraak's row of the jaarschijf page as a response, freshly read, for htmx to
    swap in after an inline edit (the row shows remarks, which afspraken cannot render)."""
    if "afspraak_rij" not in _weergaven:
        raise ImproperlyConfigured("Geen weergave geregistreerd voor afspraken.boven.afspraak_rij")
    weergave: Callable = import_string(_weergaven["afspraak_rij"])
    return weergave(request, jaarafspraak_pk, jaarschijf)


def voortgang_melden(**kwargs) -> object:
    """A progress report (jaarafspraak, versie, status, toelichting, door), kept on the
    timeline above with who and when: afspraken' own forms write no status themselves, so
    progress has one way in (issue #15, point 3)."""
    if "voortgang_melden" not in _weergaven:
        raise ImproperlyConfigured(
            "Geen service geregistreerd voor afspraken.boven.voortgang_melden"
        )
    return import_string(_weergaven["voortgang_melden"])(**kwargs)
