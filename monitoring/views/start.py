"""The start page: the person's open work as a task list with counts (issue #15, point 1),
their organisation's agreements and what changed lately."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from afspraken.selectors import overeenkomsten_voor
from gemeenten import paginacache
from gemeenten.models import Gemeente
from monitoring.selectors import start as selectors


@login_required
def start(request):
    # From the cache while nothing changed in the gemeenten of the person's agreements.
    gemeenten = overeenkomsten_voor(request.user).values_list("gemeente_id", flat=True)
    return paginacache.pagina(request, lambda: _start(request), gemeenten=list(gemeenten))


def _start(request):
    user = request.user
    # Starting agreements (by hand or from a workbook) is for the staff of a gemeente.
    eigen_gemeente = Gemeente.objects.van_gebruiker(user)
    overeenkomsten = list(overeenkomsten_voor(user))
    gemeenten = {o.gemeente_id: o.gemeente for o in overeenkomsten}
    context = {
        "mag_aanmaken": user.has_perm("afspraken.add_overeenkomst", eigen_gemeente),
        "overeenkomsten": overeenkomsten,
        "werk": selectors.wat_wacht(user, sorted(gemeenten.values(), key=lambda g: g.naam)),
        "activiteit": selectors.recente_activiteit(user, aantal=10),
    }
    return render(request, "monitoring/start.html", context)
