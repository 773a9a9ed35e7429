"""What changed since the previous jaarschijf (issue #10, point 6), for the jaarschijf page
(on demand: monitoring/jaarschijf/_wijzigingen.html) and the PDF's optional appendix: per
afspraak new, changed (the changed words marked) or dropped. Both sides are read as their
documents show them: a frozen jaarschijf from its own copy."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from afspraken.models import Jaarschijf
from monitoring.selectors.jaarschijf import jaarschijf_document

SOORTEN = {"nieuw": _("Nieuw"), "gewijzigd": _("Gewijzigd"), "vervallen": _("Vervallen")}


@dataclass
class Wijziging:
    soort: str
    code: str
    tekst: SafeString

    @property
    def label(self) -> str:
        return str(SOORTEN[self.soort])


def vorige_jaarschijf(jaarschijf: Jaarschijf) -> Jaarschijf | None:
    return (
        Jaarschijf.objects.filter(
            overeenkomst_id=jaarschijf.overeenkomst_id, jaar__lt=jaarschijf.jaar
        )
        .order_by("-jaar")
        .first()
    )


def woorden_vergelijken(oud: str, nieuw: str) -> SafeString:
    """`nieuw` with the words that came in as <ins> and those that went as <del>; every
    word escaped, so only our own two tags are markup."""
    a, b = re.findall(r"\S+", oud), re.findall(r"\S+", nieuw)
    delen = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            delen.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            delen.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
        if op == "equal":
            delen.append(escape(" ".join(a[i1:i2])))
    return mark_safe(" ".join(delen))  # every part escaped above


def _afspraken(document) -> dict:
    """{afspraak pk: afspraak} in document order."""
    return {ja.afspraak.pk: ja.afspraak for item in document.themas for ja in item.jaarafspraken}


def wijzigingen(document, vorig_document) -> list[Wijziging]:
    """Per afspraak of either jaarschijf what changed in its text, in document order (the
    dropped ones after); unchanged afspraken are left out."""
    nu, toen = _afspraken(document), _afspraken(vorig_document)
    result = []
    for pk, afspraak in nu.items():
        oud = toen.get(pk)
        if oud is None:
            result.append(Wijziging("nieuw", afspraak.code, escape(afspraak.inhoud)))
        elif " ".join(oud.inhoud.split()) != " ".join(afspraak.inhoud.split()):
            tekst = woorden_vergelijken(oud.inhoud, afspraak.inhoud)
            result.append(Wijziging("gewijzigd", afspraak.code, tekst))
    for pk, afspraak in toen.items():
        if pk not in nu:
            result.append(Wijziging("vervallen", afspraak.code, escape(afspraak.inhoud)))
    return result


def sinds(vorige: Jaarschijf, document) -> list[Wijziging]:
    """What changed from `vorige` to the jaarschijf whose page `document` is read already;
    the previous one's document costs the same fixed number of queries again."""
    return wijzigingen(document, jaarschijf_document(vorige, met_opmerkingen=False))
