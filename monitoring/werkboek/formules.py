"""Formula cells without a stored result, found in a sheet's own XML.

openpyxl (read with data_only=True, as the importer does) gives None for such a cell: the
same as an empty cell, so `=SUM(1,2)` in `aantal` would silently become "onbekend". Excel
and LibreOffice always store a formula's last result beside it (`<v>`; empty only for a
text result); files written by a program that does not calculate (openpyxl itself, some
generators) store only the formula (`<f>`), or an empty `<v>` for a number. The XML is
streamed element by element and cleared as it goes.
"""

import io
import re
import zipfile
from xml.etree import ElementTree

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_FORMULE = re.compile(rb"<(?:\w+:)?f[\s>/]")


def formules_zonder_waarde(inhoud: bytes, blad):
    """(row, column number, formula) of each formula cell in `blad` without a stored result.

    `blad` is a read-only openpyxl worksheet of the workbook whose file bytes are `inhoud`.
    """
    pad = getattr(blad, "_worksheet_path", None)
    if not pad:
        return
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief, archief.open(pad) as xml:
        if not _bevat_formule(archief, pad):
            return
        for _event, element in ElementTree.iterparse(xml, events=("end",)):
            if element.tag == f"{_NS}c":
                formule = element.find(f"{_NS}f")
                if formule is not None and not _heeft_uitkomst(element):
                    letters, rij = coordinate_from_string(element.get("r", "A1"))
                    yield rij, column_index_from_string(letters), formule.text or ""
            elif element.tag == f"{_NS}row":
                element.clear()


def _heeft_uitkomst(cel) -> bool:
    """A stored result: a <v>, empty only for a text result (t="str": a formula giving "")."""
    waarde = cel.find(f"{_NS}v")
    if waarde is None:
        return False
    return bool(waarde.text) or cel.get("t") == "str"


def _bevat_formule(archief, pad) -> bool:
    """A cheap look before the parse: most imported sheets hold no formula at all."""
    with archief.open(pad) as xml:
        rest = b""
        while stuk := xml.read(1 << 20):
            if _FORMULE.search(rest + stuk):
                return True
            rest = stuk[-16:]
    return False
