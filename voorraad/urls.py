from django.urls import path

from voorraad import views

app_name = "voorraad"

urlpatterns = [
    path(
        "jaarschijven/<int:jaarschijf_pk>/cijfers/",
        views.CijfersBewerkenView.as_view(),
        name="cijfers-bewerken",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/voorraad/",
        views.VoorraadOverzichtView.as_view(),
        name="overzicht",
    ),
    path("jaarschijven/<int:jaarschijf_pk>/raster/", views.RasterView.as_view(), name="raster"),
    path("jaarschijven/<int:jaarschijf_pk>/raster/cel/", views.CelView.as_view(), name="cel"),
    path(
        "jaarschijven/<int:jaarschijf_pk>/raster/geschiedenis/",
        views.CelGeschiedenisView.as_view(),
        name="cel-geschiedenis",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/voorraad/noot/",
        views.TabelnootView.as_view(),
        name="noot-toevoegen",
    ),
    path(
        "jaarschijven/<int:jaarschijf_pk>/voorraad/overdracht/",
        views.OverdrachtView.as_view(),
        name="overdracht-toevoegen",
    ),
]
