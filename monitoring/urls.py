from django.urls import path

from monitoring.views import start

app_name = "monitoring"

urlpatterns = [
    path("", start.start, name="start"),
]
