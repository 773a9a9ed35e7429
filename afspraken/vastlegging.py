"""What a jaarschijf keeps of the multi-year agreement when it is vastgesteld (DESIGN §4).

A jaarschijf shares its afspraken, their trekkers, the themes and the parties with the
multi-year agreement and with the other years. At vaststelling it copies what it shows of
those into `Jaarschijf.vastgelegde_inhoud`, and from then on the page reads them from there
(`toepassen`): editing an afspraak in next year's concept changes next year only. What the
jaarschijf owns itself (its texts, year texts, steps, signatories, stock figures) needs no
copy: the models refuse to change it (afspraken.bevriezing).

The copy is plain JSON, versioned by `VORM`, so it still reads after the models move on.
"""

import datetime

from afspraken.models import Afspraak, Jaarschijf, Overeenkomst, Partij, Thema
from gemeenten.models import Gemeente, Organisatie

VORM = 1


def _organisatie(org: Organisatie) -> dict:
    return {"id": org.pk, "naam": org.naam, "afkorting": org.afkorting, "type": org.type}


def vastleggen(jaarschijf: Jaarschijf) -> dict:
    """The copy, read fresh from the database (a fixed number of queries)."""
    overeenkomst = Overeenkomst.objects.select_related("gemeente").get(
        pk=jaarschijf.overeenkomst_id
    )
    partijen = list(overeenkomst.partijrollen.select_related("organisatie").order_by("volgorde"))
    afspraken = {
        ja.pk: ja.afspraak
        for ja in jaarschijf.jaarafspraken.select_related("afspraak").prefetch_related(
            "afspraak__trekkers"
        )
    }
    organisaties = {p.organisatie_id: p.organisatie for p in partijen}
    for afspraak in afspraken.values():
        organisaties.update((t.pk, t) for t in afspraak.trekkers.all())
    ontbrekend = set(jaarschijf.ondertekeningen.values_list("organisatie_id", flat=True)) | set(
        jaarschijf.jaarafspraken.values_list("stappen__organisatie_id", flat=True)
    )
    ontbrekend -= set(organisaties) | {None}
    organisaties.update((o.pk, o) for o in Organisatie.objects.filter(pk__in=ontbrekend))
    return {
        "vorm": VORM,
        "overeenkomst": {
            "id": overeenkomst.pk,
            "titel": overeenkomst.titel,
            "startdatum": overeenkomst.startdatum.isoformat(),
            "einddatum": overeenkomst.einddatum.isoformat(),
            "grondslag": overeenkomst.grondslag,
            "gemeente": {"id": overeenkomst.gemeente_id, "naam": overeenkomst.gemeente.naam},
        },
        "partijen": [
            {
                "organisatie_id": p.organisatie_id,
                "vertegenwoordiger": p.vertegenwoordiger,
                "functie": p.functie,
            }
            for p in partijen
        ],
        "organisaties": [_organisatie(o) for o in sorted(organisaties.values(), key=_op_id)],
        "themas": [
            {
                "id": t.pk,
                "naam": t.naam,
                "letter": t.letter,
                "toelichting": t.toelichting,
                "volgorde": t.volgorde,
            }
            for t in overeenkomst.themas.order_by("volgorde", "id")
        ],
        "afspraken": {
            str(ja_pk): {
                "id": a.pk,
                "code": a.code,
                "soort": a.soort,
                "inhoud": a.inhoud,
                "resultaat": a.resultaat,
                "periode": a.periode,
                "doel": a.doel,
                "thema_id": a.thema_id,
                "parent_id": a.parent_id,
                "volgorde": a.volgorde,
                "trekkers": sorted(t.pk for t in a.trekkers.all()),
            }
            for ja_pk, a in sorted(afspraken.items())
        },
    }


def _op_id(obj):
    return obj.pk


class Vastgelegd:
    """The copy turned back into unsaved model instances for the page's templates."""

    def __init__(self, inhoud: dict):
        self.organisaties = {
            o["id"]: Organisatie(
                pk=o["id"], naam=o["naam"], afkorting=o["afkorting"], type=o["type"]
            )
            for o in inhoud["organisaties"]
        }
        o = inhoud["overeenkomst"]
        self.overeenkomst = Overeenkomst(
            pk=o["id"],
            titel=o["titel"],
            startdatum=datetime.date.fromisoformat(o["startdatum"]),
            einddatum=datetime.date.fromisoformat(o["einddatum"]),
            grondslag=o["grondslag"],
            gemeente=Gemeente(pk=o["gemeente"]["id"], naam=o["gemeente"]["naam"]),
        )
        self.themas = [Thema(overeenkomst_id=o["id"], **t) for t in inhoud["themas"]]
        self.partijen = [
            Partij(
                overeenkomst_id=o["id"],
                organisatie=self.organisaties[p["organisatie_id"]],
                vertegenwoordiger=p["vertegenwoordiger"],
                functie=p["functie"],
                volgorde=volgorde,
            )
            for volgorde, p in enumerate(inhoud["partijen"])
        ]
        self.afspraken = {
            int(ja_pk): self._afspraak(a, o["id"]) for ja_pk, a in inhoud["afspraken"].items()
        }

    def _afspraak(self, gegevens: dict, overeenkomst_id: int) -> Afspraak:
        gegevens = dict(gegevens)
        trekker_ids = gegevens.pop("trekkers")
        afspraak = Afspraak(pk=gegevens.pop("id"), overeenkomst_id=overeenkomst_id, **gegevens)
        afspraak._prefetched_objects_cache = {
            "trekkers": [self.organisaties[pk] for pk in trekker_ids if pk in self.organisaties]
        }
        return afspraak

    def organisatie(self, org: Organisatie) -> Organisatie:
        """The organisation as it was named at vaststelling (renames come later)."""
        return self.organisaties.get(org.pk, org)


def vastgelegd(jaarschijf: Jaarschijf) -> Vastgelegd | None:
    """The copy of a frozen jaarschijf, or None while its content may still change."""
    if not jaarschijf.is_bevroren or not jaarschijf.vastgelegde_inhoud:
        return None
    return Vastgelegd(jaarschijf.vastgelegde_inhoud)
