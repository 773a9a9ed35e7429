"""The start page: what a person's organisation has agreed and what waits for them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from afspraken.selectors import overeenkomsten_voor
from gemeenten.models import Gemeente
from monitoring.selectors import start as selectors


@login_required
def start(request):
    user = request.user
    # Starting agreements (by hand or from a workbook) is for the staff of a gemeente.
    eigen_gemeente = Gemeente.objects.van_gebruiker(user)
    context = {
        "mag_aanmaken": user.has_perm("afspraken.add_overeenkomst", eigen_gemeente),
        "overeenkomsten": list(overeenkomsten_voor(user)),
        "te_bespreken": list(selectors.jaarschijven_ter_bespreking(user)),
        "te_ondertekenen": list(selectors.jaarschijven_te_ondertekenen(user)),
        "cijfers_aanleveren": list(selectors.jaarschijven_cijfers_aanleveren(user)),
        "agenda_verlopen": selectors.agendapunten_verlopen(user),
        "activiteit": selectors.recente_activiteit(user, aantal=10),
    }
    return render(request, "monitoring/start.html", context)
