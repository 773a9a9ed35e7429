from django.urls import path

from monitoring.views import (
    berichten,
    dashboard,
    doelen,
    jaarcyclus,
    jaarschijf,
    kalender,
    ondertekening,
    opmerkingen,
    pdf,
    smart,
    start,
    terugblik,
    verificatie,
    voortgang,
    zienswijzen,
)
from monitoring.werkboek import views as werkboek
from monitoring.werkboek import voorraad_views

app_name = "monitoring"

# The agreement's own pages keep their addresses under /overeenkomsten/, next to afspraken's.
urlpatterns = [
    path("", start.start, name="start"),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/",
        jaarschijf.JaarschijfDetailView.as_view(),
        name="jaarschijf",
    ),
    path(
        "overeenkomsten/<int:overeenkomst_pk>/smart/",
        smart.SmartCheckView.as_view(),
        name="smart-check",
    ),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/opmerkingen/",
        opmerkingen.JaarschijfOpmerkingPlaatsenView.as_view(),
        name="jaarschijf-opmerking-plaatsen",
    ),
    path(
        "overeenkomsten/jaarafspraken/<int:jaarafspraak_pk>/opmerkingen/",
        opmerkingen.JaarafspraakOpmerkingPlaatsenView.as_view(),
        name="jaarafspraak-opmerking-plaatsen",
    ),
    path(
        "overeenkomsten/opmerkingen/<int:opmerking_pk>/afhandelen/",
        opmerkingen.OpmerkingAfhandelenView.as_view(),
        name="opmerking-afhandelen",
    ),
    path(
        "overeenkomsten/opmerkingen/<int:opmerking_pk>/reageren/",
        opmerkingen.OpmerkingReagerenView.as_view(),
        name="opmerking-reageren",
    ),
    path(
        "overeenkomsten/opmerkingen/<int:opmerking_pk>/verwijderen/",
        opmerkingen.OpmerkingVerwijderenView.as_view(),
        name="opmerking-verwijderen",
    ),
    path(
        "overeenkomsten/opmerkingen/reacties/<int:reactie_pk>/verwijderen/",
        opmerkingen.ReactieVerwijderenView.as_view(),
        name="reactie-verwijderen",
    ),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/pdf/",
        pdf.jaarschijf_pdf,
        name="jaarschijf-pdf",
    ),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/ondertekenen/",
        ondertekening.ondertekenen,
        name="ondertekenen",
    ),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/ondertekenen/herinneren/",
        ondertekening.herinneren,
        name="ondertekenen-herinneren",
    ),
    # Public: anyone holding a PDF may check it, without an account.
    path("verificatie/", verificatie.verificatie, name="verificatie"),
    path("werkboek/importeren/", werkboek.WerkboekImportView.as_view(), name="werkboek-import"),
    path("werkboek/sjabloon/", werkboek.werkboek_sjabloon, name="werkboek-sjabloon"),
    path(
        "jaarschijven/<int:jaarschijf_pk>/voorraad/download/",
        voorraad_views.VoorraadDownloadView.as_view(),
        name="voorraad-download",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/voorraad/aanleveren/",
        voorraad_views.VoorraadUploadView.as_view(),
        name="voorraad-upload",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/werkboek/",
        werkboek.WerkboekExportView.as_view(),
        name="werkboek-export",
    ),
    # Monitoring the year (issue #11): progress, targets, dashboards, the calendar.
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/voortgang/",
        voortgang.VoortgangView.as_view(),
        name="voortgang",
    ),
    path(
        "overeenkomsten/jaarafspraken/<int:jaarafspraak_pk>/voortgang/",
        voortgang.AfspraakVoortgangView.as_view(),
        name="voortgang-afspraak",
    ),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/zienswijzen/",
        zienswijzen.ZienswijzenView.as_view(),
        name="zienswijzen",
    ),
    path(
        "overeenkomsten/jaarafspraken/<int:jaarafspraak_pk>/zienswijze/",
        zienswijzen.AfspraakZienswijzeView.as_view(),
        name="jaarafspraak-zienswijze",
    ),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/terugblik/",
        terugblik.TerugblikView.as_view(),
        name="terugblik",
    ),
    path(
        "overeenkomsten/afspraken/<int:afspraak_pk>/doelen/",
        doelen.DoelenView.as_view(),
        name="doelen",
    ),
    path(
        "overeenkomsten/<int:overeenkomst_pk>/dashboard/",
        dashboard.OvereenkomstDashboardView.as_view(),
        name="dashboard-overeenkomst",
    ),
    path(
        "gemeenten/<int:gemeente_pk>/dashboard/",
        dashboard.GemeenteDashboardView.as_view(),
        name="dashboard-gemeente",
    ),
    path("dashboard/", dashboard.LandelijkDashboardView.as_view(), name="dashboard-landelijk"),
    path(
        "overeenkomsten/jaarschijven/<int:jaarschijf_pk>/agenda/",
        kalender.AgendaView.as_view(),
        name="agenda",
    ),
    path(
        "gemeenten/<int:gemeente_pk>/kalender/",
        kalender.GemeenteKalenderView.as_view(),
        name="kalender",
    ),
    path(
        "gemeenten/<int:gemeente_pk>/jaarcyclus/",
        jaarcyclus.JaarcyclusView.as_view(),
        name="jaarcyclus",
    ),
    path("kalender/", kalender.MijnKalenderView.as_view(), name="mijn-kalender"),
    path("berichten/", berichten.BerichtenView.as_view(), name="berichten"),
    path("kalender/<str:token>.ics", kalender.ical_feed, name="kalender-ics"),
]
