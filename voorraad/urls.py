from django.urls import path

from voorraad import views

app_name = "voorraad"

urlpatterns = [
    path(
        "jaarschijven/<int:jaarschijf_pk>/cijfers/",
        views.CijfersBewerkenView.as_view(),
        name="cijfers-bewerken",
    ),
]
