"""Opening an uploaded workbook safely: size, zip structure and row limits are checked before
and while openpyxl reads it, so a zip bomb or a huge sheet is refused instead of read.

A path must name a regular file (not /dev/zero, a FIFO or a device), and no source is read
beyond the size limit plus one byte. Two sheets whose names differ only in case or
surrounding spaces are refused, as is a formula without a stored result (a file written by a
program that does not calculate): both would otherwise be read as something else silently.
"""

import io
import os
import stat
import warnings
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from monitoring.werkboek.formaat import (
    MAX_BESTAND_BYTES,
    MAX_KOLOMMEN,
    MAX_RIJEN,
    MAX_UITGEPAKT_BYTES,
    MAX_ZIP_ONDERDELEN,
)
from monitoring.werkboek.formules import formules_zonder_waarde
from monitoring.werkboek.meldingen import Melding, WerkboekFout


@dataclass
class BladInhoud:
    """One sheet as read: its rows as (Excel row number, cell values), the header included."""

    naam: str
    rijen: list[tuple[int, tuple]] = field(default_factory=list)


def _mb(aantal_bytes: int) -> str:
    return f"{aantal_bytes // (1024 * 1024)} MB"


def _lees_pad(pad) -> bytes:
    """A path's bytes: only a regular file, and never more than the limit plus one byte.

    Checked before opening (opening a FIFO blocks until someone writes to it) and again on
    the opened descriptor, so a file swapped for a device in between is refused as well.
    """
    if not stat.S_ISREG(os.stat(pad).st_mode):
        raise _geen_bestand()
    descriptor = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _geen_bestand()
        inhoud = handle.read(MAX_BESTAND_BYTES + 1)
    if len(inhoud) > MAX_BESTAND_BYTES:
        raise _te_groot()
    return inhoud


def _geen_bestand():
    return _fout(
        _(
            "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp); "
            "kies het opgeslagen .xlsx-bestand"
        )
    )


def _lees_bytes(bron) -> bytes:
    """The file's bytes, refusing anything over the size limit without reading it whole."""
    if isinstance(bron, str | os.PathLike):
        return _lees_pad(bron)
    grootte = getattr(bron, "size", None)
    if grootte is not None and grootte > MAX_BESTAND_BYTES:
        raise _te_groot()
    if hasattr(bron, "seek"):
        bron.seek(0)
    inhoud = bron.read(MAX_BESTAND_BYTES + 1)
    if len(inhoud) > MAX_BESTAND_BYTES:
        raise _te_groot()
    return inhoud


def _te_groot():
    return WerkboekFout(
        [
            Melding(
                _("het bestand is groter dan {limiet}; splits het of verklein het").format(
                    limiet=_mb(MAX_BESTAND_BYTES)
                )
            )
        ]
    )


def _fout(reden: str) -> WerkboekFout:
    return WerkboekFout([Melding(reden)])


def _controleer_zip(inhoud: bytes):
    geen_xlsx = _("dit is geen Excel-werkboek (.xlsx); sla het bestand op als Excel-werkmap")
    if not zipfile.is_zipfile(io.BytesIO(inhoud)):
        raise _fout(geen_xlsx)
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            onderdelen = archief.infolist()
            namen = {info.filename for info in onderdelen}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _fout(_("het bestand is beschadigd en kan niet worden gelezen")) from exc
    if len(onderdelen) > MAX_ZIP_ONDERDELEN:
        raise _fout(_("het bestand bevat te veel onderdelen voor een werkboek"))
    if sum(info.file_size for info in onderdelen) > MAX_UITGEPAKT_BYTES:
        raise _fout(
            _("het werkboek is uitgepakt groter dan {limiet}; dat is te groot").format(
                limiet=_mb(MAX_UITGEPAKT_BYTES)
            )
        )
    if "[Content_Types].xml" not in namen or "xl/workbook.xml" not in namen:
        raise _fout(geen_xlsx)


def open_werkboek(bron) -> dict[str, BladInhoud]:
    """Read every sheet of the workbook at `bron` (a path or a file object) by lower-case name.

    Raises WerkboekFout with a Dutch reason when the file is too big, not an .xlsx, damaged,
    or has a sheet with more than MAX_RIJEN rows.
    """
    inhoud = _lees_bytes(bron)
    _controleer_zip(inhoud)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles): harmless here.
            warnings.simplefilter("ignore")
            werkboek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise _fout(_("het bestand is beschadigd en kan niet worden gelezen")) from exc
    try:
        bladen = _lees_bladen(werkboek)
        _geen_formules_zonder_waarde(inhoud, werkboek, bladen)
        return bladen
    except WerkboekFout:
        raise
    except Exception as exc:
        raise _fout(_("het bestand is beschadigd en kan niet worden gelezen")) from exc
    finally:
        werkboek.close()


def _dubbele_namen(werkboek) -> list[Melding]:
    """Sheets whose names are equal once case and surrounding spaces are ignored: the reader
    knows sheets by that name, so one of them would silently win."""
    gezien: dict[str, str] = {}
    fouten = []
    for blad in werkboek.worksheets:
        naam = str(blad.title).strip().lower()
        if naam in gezien:
            fouten.append(
                Melding(
                    _(
                        "het tabblad staat er twee keer in, als '{eerste}' en '{tweede}'; "
                        "voeg ze samen of hernoem er één"
                    ).format(eerste=gezien[naam], tweede=blad.title),
                    naam,
                )
            )
        gezien.setdefault(naam, str(blad.title))
    return fouten


def _geen_formules_zonder_waarde(inhoud: bytes, werkboek, bladen) -> None:
    fouten = []
    for blad in werkboek.worksheets:
        naam = str(blad.title).strip().lower()
        koppen = bladen[naam].rijen[0][1] if bladen[naam].rijen else ()
        for rij, kolom, formule in formules_zonder_waarde(inhoud, blad):
            kop = koppen[kolom - 1] if kolom <= len(koppen) else None
            letter = _kolomletter(kolom)
            fouten.append(
                Melding(
                    _(
                        "de formule {formule} heeft geen opgeslagen uitkomst; open het "
                        "werkboek in Excel of LibreOffice, sla het op en importeer het opnieuw"
                    ).format(formule=f"'={formule[:40]}'"),
                    naam,
                    rij,
                    f"{letter} ({kop})" if kop and rij != 1 else letter,
                )
            )
    if fouten:
        raise WerkboekFout(fouten)


def _kolomletter(nummer: int) -> str:
    letters = ""
    while nummer:
        nummer, rest = divmod(nummer - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _lees_bladen(werkboek) -> dict[str, BladInhoud]:
    bladen: dict[str, BladInhoud] = {}
    fouten = _dubbele_namen(werkboek)
    if fouten:
        raise WerkboekFout(fouten)
    for blad in werkboek.worksheets:
        naam = str(blad.title).strip().lower()
        inhoud = BladInhoud(naam)
        for nummer, waarden in enumerate(
            blad.iter_rows(values_only=True, max_col=MAX_KOLOMMEN), start=1
        ):
            if nummer > MAX_RIJEN + 1:
                fouten.append(
                    Melding(
                        _("meer dan {limiet} rijen; splits het werkboek").format(
                            limiet=f"{MAX_RIJEN:,}".replace(",", ".")
                        ),
                        naam,
                    )
                )
                break
            if any(_niet_leeg(w) for w in waarden):
                inhoud.rijen.append((nummer, tuple(waarden)))
        bladen[naam] = inhoud
    if fouten:
        raise WerkboekFout(fouten)
    return bladen


def _niet_leeg(waarde) -> bool:
    return waarde is not None and not (isinstance(waarde, str) and not waarde.strip())
