"""The dashboard's tables as plain rows for the xlsx/CSV export (monitoring.views.export):
one function per table, columns in the order the page shows them."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.selectors.voortgang import GEEN, VOLGORDE, status_label


@dataclass
class Tabel:
    """One exportable table: a name for its file, a title, its column heads, plain rows."""

    naam: str
    titel: str
    kolommen: list[str]
    rijen: list[list]


def themas(d) -> Tabel:
    kolommen = [_("Overeenkomst"), _("Jaar"), _("Thema")]
    kolommen += [status_label(s) for s in [*VOLGORDE, GEEN]]
    rijen = [
        [r.jaarschijf.overeenkomst.titel, r.jaarschijf.jaren, r.thema]
        + [n for _s, _l, n in r.lichten]
        for r in d.themarijen
    ]
    return Tabel("themas", _("Voortgang per thema"), kolommen, rijen)


def aandacht(d) -> Tabel:
    kolommen = [_("Overeenkomst"), _("Jaar"), _("Nummer"), _("Afspraak"), _("Toelichting")]
    rijen = [
        [
            ja.jaarschijf.overeenkomst.titel,
            ja.jaarschijf.jaren,
            ja.afspraak.code,
            ja.afspraak.inhoud,
            ja.laatste.toelichting if ja.laatste else "",
        ]
        for ja in d.aandacht
    ]
    return Tabel("aandacht", _("Vraagt aandacht"), kolommen, rijen)


def doelen(d) -> Tabel:
    kolommen = [_("Afspraak"), _("Thema"), _("Doel"), _("Partij"), _("Stand"), _("Procent")]
    rijen = [
        [
            s.doel.afspraak.code if s.doel.afspraak_id else "",
            s.doel.thema.naam if s.doel.thema_id else "",
            s.doel.omschrijving,
            str(s.doel.partij or ""),
            s.tekst,
            s.procent,
        ]
        for s in d.doelen
    ]
    return Tabel("doelen", _("Doelen"), kolommen, rijen)


def opmerkingen(d) -> Tabel:
    kolommen = [_("Geplaatst op"), _("Auteur"), _("Organisatie"), _("Afspraak"), _("Tekst")]
    rijen = [
        [
            timezone.localtime(o.aangemaakt_op).strftime("%Y-%m-%d %H:%M"),
            str(o.auteur),
            str(o.organisatie or ""),
            o.jaarafspraak.afspraak.code if o.jaarafspraak_id else "",
            o.tekst,
        ]
        for o in d.opmerkingen
    ]
    return Tabel("opmerkingen", _("Open opmerkingen"), kolommen, rijen)


def agenda(d) -> Tabel:
    kolommen = [_("Datum"), _("Wanneer"), _("Wat"), _("Wie")]
    rijen = [
        [
            p.datum.isoformat(),
            p.wanneer,
            p.wat,
            ", ".join(o.afkorting or o.naam for o in p.wie.all()),
        ]
        for p in d.verlopen
    ]
    return Tabel("agenda", _("Verlopen agendapunten"), kolommen, rijen)


def tabellen(d) -> dict[str, Tabel]:
    return {t.naam: t for t in (f(d) for f in (themas, aandacht, doelen, opmerkingen, agenda))}
