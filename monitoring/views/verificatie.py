"""The public verification page: no login, an uploaded PDF in, the verdict out. The upload
is read in memory, hashed and validated; it is never stored."""

from django.shortcuts import render

from monitoring.ondertekening.forms import VerificatieForm
from monitoring.ondertekening.verificatie import verifieren

PAGINA = "monitoring/ondertekening/verificatie.html"


def verificatie(request):
    uitkomst = None
    if request.method == "POST":
        form = VerificatieForm(request.POST, request.FILES)
        if form.is_valid():
            uitkomst = verifieren(form.cleaned_data["bestand"].read())
    else:
        form = VerificatieForm()
    return render(request, PAGINA, {"form": form, "uitkomst": uitkomst})
