"""The uploaded workbook kept between its preview and the confirmation (issue #15, point 6).

Kept in the default file storage (MEDIA_ROOT, shared by all app servers, or the bucket)
under a random name Driehoek chooses; the name lives only in the uploader's session, so the
confirm request carries no path at all: the form's token is compared with the session's, and
a file of another session cannot be named. The session is not the place for the file itself:
a workbook may be 10 MB and the session is read on every request. A confirmed or cancelled
preview deletes its file; one left behind expires after GELDIG and is removed the next time
anyone uploads.
"""

import secrets
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

MAP = "werkboek-voorbeeld"
SESSIE = "werkboek_voorbeeld"
GELDIG = 3600  # seconds


def bewaar(request, inhoud: bytes) -> str:
    """Store `inhoud` for this session (replacing a preview it had); returns the token."""
    vergeet(request)
    _opruimen()
    token = secrets.token_urlsafe(24)
    naam = default_storage.save(f"{MAP}/{token}.xlsx", ContentFile(inhoud))
    request.session[SESSIE] = {"token": token, "naam": naam, "op": time.time()}
    return token


def haal_op(request, token: str) -> bytes | None:
    """The session's stored workbook if `token` is its token and it has not expired."""
    bewaard = request.session.get(SESSIE)
    if not bewaard or not secrets.compare_digest(str(bewaard["token"]), str(token or "")):
        return None
    if time.time() - bewaard["op"] > GELDIG or not default_storage.exists(bewaard["naam"]):
        return None
    with default_storage.open(bewaard["naam"], "rb") as bestand:
        return bestand.read()


def vergeet(request) -> None:
    bewaard = request.session.pop(SESSIE, None)
    if bewaard and default_storage.exists(bewaard["naam"]):
        default_storage.delete(bewaard["naam"])


def _opruimen() -> None:
    """Files of previews nobody confirmed or cancelled, once expired."""
    try:
        _mappen, bestanden = default_storage.listdir(MAP)
    except FileNotFoundError:
        return
    grens = timezone.now().timestamp() - GELDIG
    for naam in bestanden:
        pad = f"{MAP}/{naam}"
        try:
            if default_storage.get_modified_time(pad).timestamp() < grens:
                default_storage.delete(pad)
        except (FileNotFoundError, NotImplementedError):
            continue
