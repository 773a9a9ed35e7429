from django.contrib import admin
from django.urls import include, path

# URL keyword arguments are always `<model>_pk` (overeenkomst_pk, jaarschijf_pk, afspraak_pk,
# ...): the authorization test walks every pattern and fills them from this convention.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("account/", include("gemeenten.urls")),
    path("overeenkomsten/", include("afspraken.urls")),
    path("voorraad/", include("voorraad.urls")),
    path("", include("monitoring.urls")),
]
