from django.urls import path

from monitoring.views import start, werkboek

app_name = "monitoring"

urlpatterns = [
    path("", start.start, name="start"),
    path("werkboek/importeren/", werkboek.WerkboekImportView.as_view(), name="werkboek-import"),
    path("werkboek/sjabloon/", werkboek.werkboek_sjabloon, name="werkboek-sjabloon"),
    path(
        "jaarschijven/<int:jaarschijf_pk>/werkboek/",
        werkboek.WerkboekExportView.as_view(),
        name="werkboek-export",
    ),
]
