"""django-tables2 tables: used for ordering, pagination and export only.

Rows are rendered by our own lean template (tables2's per-cell rendering costs ~1.5 ms per
row, LIBRARIES.md); the column definitions here decide what can be sorted and exported.
"""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from afspraken.constants import XLSX_MEDIA_TYPE, Soort, Voortgang, keuzelabels
from afspraken.models import Afspraak
from afspraken.spreadsheets import csv_waarde, xlsx_cel, zet_breedtes


class AfspraakTable(tables.Table):
    code = tables.Column(verbose_name=_("Nummer"), order_by=("volgorde", "id"))
    thema = tables.Column(verbose_name=_("Thema"), order_by=("thema__volgorde", "volgorde"))
    soort = tables.Column(verbose_name=_("Soort"))
    inhoud = tables.Column(verbose_name=_("Afspraak"))
    periode = tables.Column(verbose_name=_("Periode"))
    trekkers = tables.Column(verbose_name=_("Trekkers"), orderable=False, empty_values=())
    jaarstatus = tables.Column(verbose_name=_("Voortgang"), order_by=("jaarstatus", "volgorde"))

    class Meta:
        model = Afspraak
        fields = ("code", "thema", "soort", "inhoud", "periode", "trekkers", "jaarstatus")
        order_by = ("code",)
        template_name = "django_tables2/semantic.html"


# Export: (header, value of the afspraak) in the order of the file's columns.
EXPORT_KOLOMMEN = [
    (_("nummer"), lambda a: a.code),
    (_("thema"), lambda a: str(a.thema)),
    (_("soort"), lambda a: keuzelabels(Soort).get(a.soort, a.soort)),
    (_("valt onder"), lambda a: a.parent.code if a.parent_id else ""),
    (_("inhoud"), lambda a: a.inhoud),
    (_("beoogd resultaat"), lambda a: a.resultaat),
    (_("periode"), lambda a: a.periode),
    (_("trekkers"), lambda a: ", ".join(t.afkorting or t.naam for t in a.trekkers.all())),
    (_("meetbaar doel"), lambda a: a.doel),
    (_("voortgang"), lambda a: keuzelabels(Voortgang).get(a.jaarstatus, a.jaarstatus or "")),
    (_("plan voor het jaar"), lambda a: a.jaartekst or ""),
]


def export_response(afspraken, *, formaat: str, bestandsnaam: str):
    """The afspraken as a download: CSV or xlsx, with the columns of EXPORT_KOLOMMEN.

    CSV uses `;` and a UTF-8 byte order mark: Dutch Excel expects `;` as list separator
    (the comma is the decimal sign) and needs the BOM to read UTF-8, so the file opens
    correctly with a double click; every other tool reads it as well. Values are written
    unlocalized (a year stays 2026).
    """
    import csv

    from django.http import HttpResponse

    koppen = [str(kop) for kop, _waarde in EXPORT_KOLOMMEN]
    rijen = ([waarde(a) for _kop, waarde in EXPORT_KOLOMMEN] for a in afspraken)
    if formaat == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("afspraken")
        rijen = list(rijen)
        zet_breedtes(sheet, zip(koppen, *rijen, strict=False))
        # Every text through xlsx_cel/csv_waarde: an afspraak reading
        # =HYPERLINK(...) must arrive as text, not as a live formula (#14).
        sheet.append([xlsx_cel(sheet, kop) for kop in koppen])
        for rij in rijen:
            sheet.append([xlsx_cel(sheet, waarde) for waarde in rij])
        response = HttpResponse(content_type=XLSX_MEDIA_TYPE)
        workbook.save(response)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow([csv_waarde(kop) for kop in koppen])
        writer.writerows([csv_waarde(waarde) for waarde in rij] for rij in rijen)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}.{formaat}"'
    return response
