"""Public verification: is an uploaded PDF, byte for byte, a jaarschijf signed in this
installation, by whom, and do its signatures validate against our certificate?"""

from dataclasses import dataclass, field

from monitoring.models import Handtekening, OndertekendDocument
from monitoring.ondertekening import pades

# Larger than any jaarschijf; an upload beyond this is refused before it is read whole.
MAX_GROOTTE = 25 * 1024 * 1024


@dataclass
class Verificatie:
    sha256: str
    document: OndertekendDocument | None = None
    # Signed by all (the final PDF) or an intermediate copy with the first n signatures.
    definitief: bool = False
    handtekeningen: list = field(default_factory=list)  # [Handtekening] the copy carries
    uitslagen: list = field(default_factory=list)  # [pades.Uitslag]

    @property
    def bekend(self) -> bool:
        return self.document is not None

    @property
    def alle_geldig(self) -> bool:
        """Every signature valid, and nothing appended after the last one."""
        return (
            bool(self.uitslagen)
            and all(u.geldig for u in self.uitslagen)
            and self.uitslagen[-1].heel_bestand
        )

    @property
    def na_laatste_gewijzigd(self) -> bool:
        return bool(self.uitslagen) and not self.uitslagen[-1].heel_bestand


def verifieren(data: bytes) -> Verificatie:
    """Match the bytes' hash against the stored PDFs (final ones and each signature's
    intermediate copy), then validate every embedded signature with pyHanko."""
    uitkomst = Verificatie(sha256=pades.sha256(data))
    document = (
        OndertekendDocument.objects.filter(sha256=uitkomst.sha256)
        .select_related("jaarschijf__overeenkomst__gemeente")
        .first()
    )
    tot = None
    if document is None:
        tussen = (
            Handtekening.objects.filter(sha256_na=uitkomst.sha256)
            .select_related("document__jaarschijf__overeenkomst__gemeente")
            .first()
        )
        if tussen is not None:
            document, tot = tussen.document, tussen
    if document is not None:
        uitkomst.document = document
        uitkomst.definitief = document.definitief and tot is None
        handtekeningen = document.handtekeningen.order_by("op", "id")
        if tot is not None:
            handtekeningen = handtekeningen.filter(id__lte=tot.id)
        uitkomst.handtekeningen = list(handtekeningen)
    uitkomst.uitslagen = pades.valideren(data) if data.startswith(b"%PDF") else []
    return uitkomst
