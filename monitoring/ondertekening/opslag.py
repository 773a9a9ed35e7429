"""The stored PDF of a jaarschijf: read and written through Django's storage API only, so
production may keep it on any storage backend; never rendered again once signed."""

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from afspraken.models import Jaarschijf
from afspraken.services.wijziging import huidige_versie
from gemeenten import paginacache
from monitoring.models import OndertekendDocument
from monitoring.ondertekening.pades import sha256


def huidig_document(jaarschijf: Jaarschijf) -> OndertekendDocument | None:
    """The document of the jaarschijf's latest version, if signing has begun."""
    return jaarschijf.ondertekende_documenten.order_by("-volgnummer").first()


def lezen(document: OndertekendDocument) -> bytes:
    with default_storage.open(document.bestand.name, "rb") as bestand:
        return bestand.read()


def bewaren(document: OndertekendDocument, data: bytes, bestandsnaam: str) -> None:
    """Store `data` as the document's file (a new file: the previous state stays until the
    transaction commits, see tekenen) and its hash; the caller saves the row."""
    document.bestand.save(bestandsnaam, ContentFile(data), save=False)
    document.sha256 = sha256(data)


def pdf_van(jaarschijf: Jaarschijf) -> tuple[bytes, bool]:
    """(PDF bytes, signed by all): the stored PDF once signing has begun (with the signatures
    so far), else a fresh unsigned rendering."""
    # Signing begins after vaststelling: before it there is no stored PDF to look for.
    document = huidig_document(jaarschijf) if jaarschijf.is_bevroren else None
    # A definitief document while the jaarschijf is not ondertekend is an earlier version's
    # (a wijziging reopened it): the new version is rendered afresh until it is signed.
    if document is not None and document.definitief and jaarschijf.status != "ondertekend":
        document = None
    if document is not None:
        return lezen(document), document.definitief
    # Rendering takes seconds (README, Benchmark): kept until anything in the gemeente's
    # content changes (gemeenten.generaties), as the pages are, so a vastgesteld jaarschijf
    # that nobody has signed yet is rendered once for all its downloads.
    sleutel = paginacache.sleutel(
        "pdf", paginacache.velden(jaarschijf), gemeenten=[jaarschijf.overeenkomst.gemeente_id]
    )
    if (pdf := cache.get(sleutel)) is None:
        from monitoring.pdf import jaarschijf_opmaken

        # The cover names the version being made: the next one after a wijziging.
        pdf = jaarschijf_opmaken(jaarschijf, volgnummer=huidige_versie(jaarschijf)).pdf
        cache.set(sleutel, pdf, paginacache.LEVENSDUUR)
    return pdf, False


def bestandsnaam(jaarschijf: Jaarschijf) -> str:
    """The download's name: gemeente, years, e.g. jaarschijf-borger-odoorn-2026.pdf."""
    from django.utils.text import slugify

    gemeente = slugify(jaarschijf.overeenkomst.gemeente.naam)
    return f"jaarschijf-{gemeente}-{jaarschijf.jaren}.pdf"
