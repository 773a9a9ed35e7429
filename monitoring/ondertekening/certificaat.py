"""The installation's signing certificate: where it lives, a development one, and the
pyHanko signer and validation context made from it (cached per process)."""

import datetime
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Instellingen:
    certificaat: Path
    sleutel: Path
    wachtwoord: bytes | None
    tsa_url: str


def instellingen() -> Instellingen:
    """The paths from settings, with the development defaults under var/ (not in git)."""
    standaard = Path(settings.BASE_DIR) / "var" / "ondertekening"
    wachtwoord = getattr(settings, "ONDERTEKENING_SLEUTEL_WACHTWOORD", "")
    return Instellingen(
        certificaat=Path(
            getattr(settings, "ONDERTEKENING_CERTIFICAAT", standaard / "certificaat.pem")
        ),
        sleutel=Path(getattr(settings, "ONDERTEKENING_SLEUTEL", standaard / "sleutel.pem")),
        wachtwoord=wachtwoord.encode() if wachtwoord else None,
        tsa_url=getattr(settings, "ONDERTEKENING_TSA_URL", ""),
    )


def maak_ontwikkelcertificaat(certificaat: Path, sleutel: Path, *, naam: str) -> None:
    """A self-signed RSA certificate for signing documents, valid ten years. For development
    and tests only: production signs with a certificate from a trusted issuer."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    onderwerp = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, naam),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Driehoek (ontwikkeling)"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
        ]
    )
    nu = datetime.datetime.now(datetime.UTC)
    gebruik = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(onderwerp)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(gebruik, critical=True)
        .sign(key, hashes.SHA256())
    )
    certificaat.parent.mkdir(parents=True, exist_ok=True)
    sleutel.parent.mkdir(parents=True, exist_ok=True)
    certificaat.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    sleutel.touch(mode=0o600)
    sleutel.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@functools.cache
def _signer(certificaat: Path, sleutel: Path, wachtwoord: bytes | None):
    from pyhanko.sign import signers

    if not certificaat.exists() or not sleutel.exists():
        raise ImproperlyConfigured(
            f"Geen ondertekencertificaat in {certificaat}: draai "
            "'manage.py maak_ondertekencertificaat' of stel ONDERTEKENING_CERTIFICAAT in."
        )
    signer = signers.SimpleSigner.load(str(sleutel), str(certificaat), key_passphrase=wachtwoord)
    if signer is None:
        raise ImproperlyConfigured(f"Het ondertekencertificaat {certificaat} is onleesbaar.")
    return signer


def signer():
    """The pyHanko signer of the installation (cached: loading parses the key)."""
    inst = instellingen()
    return _signer(inst.certificaat, inst.sleutel, inst.wachtwoord)


def certificaat():
    """The installation's certificate (asn1crypto), the one trust root of verification."""
    return signer().signing_cert


def vingerafdruk(cert) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()


def onderwerp(cert) -> str:
    return cert.subject.human_friendly


def validatiecontext():
    """Trust exactly the installation's certificate; no revocation fetching (the renderer
    and validator reach no network unless a TSA is configured)."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[certificaat()], allow_fetching=False)


def opnieuw_laden() -> None:
    """Forget the cached signer (after a new certificate is written, and between tests)."""
    _signer.cache_clear()
