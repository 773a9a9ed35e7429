"""Lean rows for the read-only lists: plain dicts with every label and URL prepared in one
pass, so a 300-row page's template does dictionary lookups only (a model object costs the
template a failed item lookup, a translation or a choices rebuild per cell)."""

from itertools import groupby

from django.utils.text import Truncator

from afspraken.constants import Soort, Voortgang, keuzelabels


def partij_rijen(afspraken: list, organisatie) -> list[dict]:
    """The per party view's themes, each with its afspraken as dicts, from
    selectors.partij_toezeggingen (which keeps the themes' order)."""
    soorten = keuzelabels(Soort)
    themas = []
    for thema, groep in groupby(afspraken, key=lambda a: a.thema):
        themas.append(
            {
                "pk": thema.pk,
                "naam": str(thema),
                "afspraken": [_partij_rij(a, organisatie.pk, soorten) for a in groep],
            }
        )
    return themas


def _partij_rij(afspraak, organisatie_pk: int, soorten: dict) -> dict:
    return {
        "pk": afspraak.pk,
        "code": afspraak.code,
        "soort": soorten.get(afspraak.soort, afspraak.soort),
        "inhoud": afspraak.inhoud,
        "resultaat": afspraak.resultaat,
        "doel": afspraak.doel,
        "periode": afspraak.periode,
        "trekkers": [
            (t.afkorting or t.naam, t.pk == organisatie_pk) for t in afspraak.trekkers.all()
        ],
        "jaren": [
            (ja.jaarschijf.jaren, [(s.tekst, s.afgerond) for s in ja.eigen_stappen])
            for ja in afspraak.eigen_jaarafspraken
        ],
    }


def lijst_rijen(records) -> list[dict]:
    """The list's rows on this page (the table's paginated records) as dicts, labels and
    the text as `truncatewords:40` cuts it prepared once."""
    soorten, voortgang = keuzelabels(Soort), keuzelabels(Voortgang)
    return [
        {
            "onder": a.parent.code if a.parent_id else None,
            "code": a.code,
            "thema": str(a.thema),
            "soort": soorten.get(a.soort, a.soort),
            "inhoud": Truncator(a.inhoud).words(40, truncate=" …"),
            "doel": a.doel,
            "periode": a.periode,
            "trekkers": [(t.naam, t.afkorting or t.naam) for t in a.trekkers.all()],
            "status": a.jaarstatus,
            "status_label": voortgang.get(a.jaarstatus, a.jaarstatus or ""),
        }
        for a in records
    ]
