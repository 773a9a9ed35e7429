"""The jaarschijf as a PDF (issue #10, point 1): WeasyPrint, in a process of its own per PDF
(monitoring.pdf.proces), rendering templates/pdf/jaarschijf.html with a URL fetcher that
reads our static files from disk and refuses every other URL.

Nothing is imported here up front: the rendering process imports monitoring.pdf.werker
through this package and must not load Django on the way."""


def __getattr__(naam):
    if naam in ("Opmaak", "jaarschijf_opmaken"):
        from monitoring.pdf import render

        return getattr(render, naam)
    raise AttributeError(naam)


__all__ = ["Opmaak", "jaarschijf_opmaken"]
