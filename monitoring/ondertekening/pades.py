"""PAdES signatures on a PDF's bytes with pyHanko: one incremental revision per signature,
so the bytes every earlier signature covers stay exactly as they were."""

import functools
import hashlib
import io
from dataclasses import dataclass

from monitoring.ondertekening import certificaat


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Veld:
    naam: str
    pagina: int  # 0-based
    box: tuple[float, float, float, float] | None  # x1, y1, x2, y2 in PDF points


def tekenen(data: bytes, *, veld: Veld, naam: str, namens: str, plaats: str) -> bytes:
    """`data` with one more signature in a new field, naming the signer and organisation;
    timestamped when a TSA is configured."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    fields.append_signature_field(
        writer, fields.SigFieldSpec(veld.naam, on_page=veld.pagina, box=veld.box)
    )
    meta = signers.PdfSignatureMetadata(
        field_name=veld.naam,
        name=f"{naam} ({namens})",
        reason=f"Ondertekend namens {namens}",
        location=plaats or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    tijdstempel = None
    if tsa_url := certificaat.instellingen().tsa_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        tijdstempel = HTTPTimeStamper(tsa_url)
    uit = signers.sign_pdf(
        writer, meta, signer=_met_geladen_sleutel(certificaat.signer()), timestamper=tijdstempel
    )
    return uit.getvalue()


@functools.lru_cache(maxsize=4)
def _met_geladen_sleutel(signer):
    """The signer with its RSA key parsed once. pyHanko's SimpleSigner parses the key again
    for every raw signature (two per PDF signature: one to size the placeholder); with the
    checks `cryptography` makes on an RSA key that was a fifth of the signing time."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign.general import get_pyca_cryptography_hash
    from pyhanko.sign.signers import SimpleSigner

    sleutel = serialization.load_der_private_key(signer.signing_key.dump(), password=None)
    if not isinstance(signer, SimpleSigner) or not isinstance(sleutel, RSAPrivateKey):
        return signer

    class GeladenSleutel(type(signer)):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            try:
                algoritme = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            except ValueError:
                algoritme = None
            if algoritme != "rsassa_pkcs1v15":
                return super().sign_raw(data, digest_algorithm)
            return sleutel.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    snel = GeladenSleutel.__new__(GeladenSleutel)
    snel.__dict__.update(signer.__dict__)
    return snel


@dataclass(frozen=True)
class Uitslag:
    """What the validator says of one embedded signature."""

    veld: str
    naam: str
    geldig: bool  # intact, cryptographically valid and made with our certificate
    heel_bestand: bool  # covers the whole file: nothing was appended after it
    vingerafdruk: str
    onderwerp: str
    samenvatting: str


def valideren(data: bytes, *, veld: str | None = None) -> list[Uitslag]:
    """Every signature in `data` (or the one in field `veld`), validated against the
    installation's certificate. A PDF that cannot be read, or a signature whose bytes
    changed, counts as not valid.

    pyHanko's analysis of what later revisions changed is skipped: on a tagged PDF of some
    thirty pages it takes minutes per signature. Each signature is still checked over the
    bytes it covers; whether anything was appended after the last one is `heel_bestand`,
    and for a jaarschijf of ours the hash proves the bytes are exactly the stored ones."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        handtekeningen = list(reader.embedded_signatures)
    except Exception:  # any unreadable upload is simply "not ours"
        return []
    context = certificaat.validatiecontext()
    eigen = certificaat.vingerafdruk(certificaat.certificaat())
    return [
        _uitslag(sig, context, eigen, validate_pdf_signature)
        for sig in handtekeningen
        if veld is None or sig.field_name == veld
    ]


def _uitslag(sig, context, eigen: str, validate) -> Uitslag:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    naam = str(sig.sig_object.get("/Name", "") or "")
    try:
        status = validate(sig, context, skip_diff=True)
    except Exception as fout:  # a tampered signature may not even parse
        return Uitslag(sig.field_name, naam, False, False, "", "", f"ongeldig: {fout}")
    cert = status.signing_cert
    vinger = certificaat.vingerafdruk(cert)
    geldig = bool(status.bottom_line and status.intact and status.valid and vinger == eigen)
    return Uitslag(
        veld=sig.field_name,
        naam=naam,
        geldig=geldig,
        heel_bestand=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        vingerafdruk=vinger,
        onderwerp=certificaat.onderwerp(cert),
        samenvatting=status.summary(),
    )
