"""What a jaarschijf keeps of the multi-year agreement when it is vastgesteld (DESIGN §4).

A jaarschijf shares its afspraken, their trekkers, the themes and the parties with the
multi-year agreement and with the other years. At vaststelling it copies what it shows of
those into `Jaarschijf.vastgelegde_inhoud`, and from then on the page reads them from there
(`toepassen`): editing an afspraak in next year's concept changes next year only. What the
jaarschijf owns itself (its texts, year texts, steps, signatories, stock figures) needs no
copy: the models refuse to change it (afspraken.bevriezing).

The copy is plain JSON, versioned by `VORM`, so it still reads after the models move on:
VORM 2 adds the document's own shape (issue #9: theme goal, kop groups, named actors, the
parties' mandate, defined term, role and last year); a VORM 1 copy lacks those keys and reads
with the models' defaults. Hoofdstukken and joint steps belong to the jaarschijf itself.
"""

import datetime

from afspraken.models import Afspraak, Jaarschijf, Overeenkomst, Partij, Thema
from gemeenten.models import Gemeente, Organisatie

VORM = 2

PARTIJ_VELDEN = (
    "vertegenwoordiger",
    "functie",
    "mandaat",
    "aanduiding",
    "rol",
    "actief_tot",
)


AFSPRAAK_VELDEN = (
    "code",
    "soort",
    "inhoud",
    "resultaat",
    "periode",
    "doel",
    "thema_id",
    "parent_id",
    "volgorde",
    "kop",
    "betrokkenen",
)


def _afspraken(jaarschijf: Jaarschijf) -> dict[str, dict]:
    """Per jaarafspraak (its pk as text, JSON keys are text) the afspraak as it reads now."""
    jaarafspraken = jaarschijf.jaarafspraken.select_related("afspraak").prefetch_related(
        "afspraak__trekkers"
    )
    return {
        str(ja.pk): {
            "id": ja.afspraak_id,
            **{veld: getattr(ja.afspraak, veld) for veld in AFSPRAAK_VELDEN},
            "trekkers": sorted(t.pk for t in ja.afspraak.trekkers.all()),
        }
        for ja in sorted(jaarafspraken, key=lambda ja: ja.pk)
    }


def vastleggen(jaarschijf: Jaarschijf) -> dict:
    """The copy, read fresh from the database (a fixed number of queries)."""
    overeenkomst = Overeenkomst.objects.select_related("gemeente").get(
        pk=jaarschijf.overeenkomst_id
    )
    partijen = list(
        overeenkomst.partijrollen.order_by("volgorde", "id").values(
            "organisatie_id", *PARTIJ_VELDEN
        )
    )
    afspraken = _afspraken(jaarschijf)
    # Every organisation the document names: parties, trekkers, step takers, signatories.
    namen = {p["organisatie_id"] for p in partijen}
    namen.update(pk for a in afspraken.values() for pk in a["trekkers"])
    namen.update(jaarschijf.ondertekeningen.values_list("organisatie_id", flat=True))
    namen.update(jaarschijf.jaarafspraken.values_list("stappen__organisatie_id", flat=True))
    namen.update(jaarschijf.jaarafspraken.values_list("stappen__mede_organisaties__id", flat=True))
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
        "partijen": partijen,
        "organisaties": list(
            Organisatie.objects.filter(pk__in=namen - {None})
            .order_by("pk")
            .values("id", "naam", "afkorting", "type")
        ),
        "themas": list(
            overeenkomst.themas.order_by("volgorde", "id").values(
                "id", "naam", "letter", "doel", "toelichting", "volgorde"
            )
        ),
        "afspraken": afspraken,
    }


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
                volgorde=volgorde,
                # A VORM 1 copy has only vertegenwoordiger and functie.
                **{veld: p[veld] for veld in PARTIJ_VELDEN if veld in p},
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
