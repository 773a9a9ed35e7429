from django.urls import path

from afspraken.views import lezen

app_name = "afspraken"

# The jaarschijf page, the SMART check and the remarks are monitoring's (they combine the
# agreement with stock figures and remarks); their addresses sit under /overeenkomsten/ too.

urlpatterns = [
    path(
        "<int:overeenkomst_pk>/",
        lezen.OvereenkomstDetailView.as_view(),
        name="overeenkomst-detail",
    ),
    path(
        "<int:overeenkomst_pk>/afspraken/",
        lezen.AfspraakLijstView.as_view(),
        name="afspraak-lijst",
    ),
    path(
        "<int:overeenkomst_pk>/afspraken/export/",
        lezen.AfspraakExportView.as_view(),
        name="afspraak-export",
    ),
    path(
        "<int:overeenkomst_pk>/partijen/<int:organisatie_pk>/",
        lezen.PartijOverzichtView.as_view(),
        name="partij-overzicht",
    ),
]

# --- Editing and lifecycle (owned by the editing helper): add patterns below this line. ---
from afspraken.views import (  # noqa: E402
    bewerken,
    bewerken_jaarschijf,
    hoofdstukken,
    levenscyclus,
    wijziging,
)

urlpatterns += [
    path("nieuw/", bewerken.OvereenkomstAanmakenView.as_view(), name="overeenkomst-aanmaken"),
    path(
        "<int:overeenkomst_pk>/bewerken/",
        bewerken.OvereenkomstBewerkenView.as_view(),
        name="overeenkomst-bewerken",
    ),
    path("<int:overeenkomst_pk>/partijen/", bewerken.PartijenView.as_view(), name="partijen"),
    path(
        "partijen/<int:partij_pk>/bewerken/",
        bewerken.PartijBewerkenView.as_view(),
        name="partij-bewerken",
    ),
    path(
        "partijen/<int:partij_pk>/verwijderen/",
        bewerken.PartijVerwijderenView.as_view(),
        name="partij-verwijderen",
    ),
    path(
        "<int:overeenkomst_pk>/themas/nieuw/",
        bewerken.ThemaAanmakenView.as_view(),
        name="thema-aanmaken",
    ),
    path(
        "themas/<int:thema_pk>/bewerken/",
        bewerken.ThemaBewerkenView.as_view(),
        name="thema-bewerken",
    ),
    path(
        "themas/<int:thema_pk>/verplaatsen/",
        bewerken.ThemaVerplaatsenView.as_view(),
        name="thema-verplaatsen",
    ),
    path(
        "<int:overeenkomst_pk>/afspraken/nieuw/",
        bewerken.AfspraakAanmakenView.as_view(),
        name="afspraak-aanmaken",
    ),
    path(
        "afspraken/<int:afspraak_pk>/bewerken/",
        bewerken.AfspraakBewerkenView.as_view(),
        name="afspraak-bewerken",
    ),
    path(
        "<int:overeenkomst_pk>/jaarschijven/nieuw/",
        bewerken_jaarschijf.JaarschijfAanmakenView.as_view(),
        name="jaarschijf-aanmaken",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/bewerken/",
        bewerken_jaarschijf.JaarschijfBewerkenView.as_view(),
        name="jaarschijf-bewerken",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/afspraken/nieuw/",
        bewerken.JaarschijfAfspraakAanmakenView.as_view(),
        name="jaarschijf-afspraak-aanmaken",
    ),
    path(
        "jaarafspraken/<int:jaarafspraak_pk>/bewerken/",
        bewerken_jaarschijf.JaarafspraakBewerkenView.as_view(),
        name="jaarafspraak-bewerken",
    ),
    path(
        "jaarafspraken/<int:jaarafspraak_pk>/stappen/nieuw/",
        bewerken_jaarschijf.StapToevoegenView.as_view(),
        name="stap-toevoegen",
    ),
    path(
        "stappen/<int:stap_pk>/bewerken/",
        bewerken_jaarschijf.StapBewerkenView.as_view(),
        name="stap-bewerken",
    ),
    path(
        "stappen/<int:stap_pk>/verwijderen/",
        bewerken_jaarschijf.StapVerwijderenView.as_view(),
        name="stap-verwijderen",
    ),
    path(
        "stappen/<int:stap_pk>/afronden/",
        bewerken_jaarschijf.StapAfrondenView.as_view(),
        name="stap-afronden",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/hoofdstukken/nieuw/",
        hoofdstukken.HoofdstukToevoegenView.as_view(),
        name="hoofdstuk-toevoegen",
    ),
    path(
        "hoofdstukken/<int:hoofdstuk_pk>/bewerken/",
        hoofdstukken.HoofdstukBewerkenView.as_view(),
        name="hoofdstuk-bewerken",
    ),
    path(
        "hoofdstukken/<int:hoofdstuk_pk>/verwijderen/",
        hoofdstukken.HoofdstukVerwijderenView.as_view(),
        name="hoofdstuk-verwijderen",
    ),
    path(
        "hoofdstukken/<int:hoofdstuk_pk>/verplaatsen/",
        hoofdstukken.HoofdstukVerplaatsenView.as_view(),
        name="hoofdstuk-verplaatsen",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/ter-bespreking/",
        levenscyclus.TerBesprekingView.as_view(),
        name="jaarschijf-ter-bespreking",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/vaststellen/",
        levenscyclus.VaststellenView.as_view(),
        name="jaarschijf-vaststellen",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/terug-naar-concept/",
        levenscyclus.TerugNaarConceptView.as_view(),
        name="jaarschijf-terug-naar-concept",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/wijziging/",
        wijziging.WijzigingStartenView.as_view(),
        name="jaarschijf-wijziging-starten",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/volgend-jaar/",
        levenscyclus.VolgendJaarView.as_view(),
        name="jaarschijf-volgend-jaar",
    ),
]
# --- End of editing block. ---
