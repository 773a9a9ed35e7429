"""The jaarschijf as a PDF (issue #10, point 1): WeasyPrint, imported only when a PDF is
made (the import alone costs most of a second), rendering templates/pdf/jaarschijf.html
with a URL fetcher that reads our static files from disk and refuses every other URL."""

from monitoring.pdf.render import Opmaak, jaarschijf_opmaken

__all__ = ["Opmaak", "jaarschijf_opmaken"]
