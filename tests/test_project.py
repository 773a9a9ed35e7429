"""Project-wide guarantees: migrations match the models, the admin opens for every model."""

import datetime
import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from afspraken.models import Hoofdstuk
from tests import factories
from voorraad.models import Tabelnoot, Voorraadoverdracht


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"Model changes without a migration:\n{out.getvalue()} ({exit_})")


@pytest.fixture
def gevulde_database():
    """One object of every model, so change forms have something to open."""
    stap = factories.StapFactory()
    jaarschijf = stap.jaarafspraak.jaarschijf
    factories.PartijFactory(overeenkomst=jaarschijf.overeenkomst, organisatie=stap.organisatie)
    factories.OndertekeningFactory(jaarschijf=jaarschijf, organisatie=stap.organisatie)
    factories.VoorraadmutatieFactory(jaarschijf=jaarschijf, corporatie=stap.organisatie)
    factories.VoorraadstandFactory(jaarschijf=jaarschijf, corporatie=stap.organisatie)
    factories.LidmaatschapFactory(organisatie=stap.organisatie)
    factories.GemeenteOrganisatieFactory(gemeente=jaarschijf.overeenkomst.gemeente)
    opmerking = factories.OpmerkingFactory(
        jaarafspraak=stap.jaarafspraak, organisatie=stap.organisatie
    )
    factories.ReactieFactory(opmerking=opmerking, organisatie=stap.organisatie)
    Hoofdstuk.objects.create(jaarschijf=jaarschijf, kop="Context", tekst="Waarom.")
    Tabelnoot.objects.create(jaarschijf=jaarschijf, tabel="standen", tekst="* Afgerond.")
    Voorraadoverdracht.objects.create(
        jaarschijf=jaarschijf,
        van=stap.organisatie,
        naar=factories.OrganisatieFactory(),
        datum=datetime.date(2026, 2, 1),
        aantal=74,
    )


EIGEN_APPS = {"gemeenten", "afspraken", "voorraad", "monitoring"}


def admin_urls():
    # Third-party admins (axes, otp) are read-only or tested upstream; ours must all open.
    for model in admin.site._registry:
        meta = model._meta
        if meta.app_label not in EIGEN_APPS:
            continue
        yield pytest.param(model, id=f"{meta.app_label}.{meta.model_name}")


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(admin_urls()))
def test_admin_changelist_add_and_change_open_for_superuser(admin_client, gevulde_database, model):
    meta = model._meta
    base = f"admin:{meta.app_label}_{meta.model_name}"
    changelist = admin_client.get(reverse(f"{base}_changelist"))
    assert changelist.status_code == 200
    assert admin_client.get(reverse(f"{base}_add")).status_code == 200
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"no {meta.model_name} in the test data"
    change = admin_client.get(reverse(f"{base}_change", args=[obj.pk]))
    assert change.status_code == 200
    assert admin_client.get(reverse(f"{base}_history", args=[obj.pk])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(admin_urls()))
def test_admin_search_works(admin_client, gevulde_database, model):
    meta = model._meta
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    response = admin_client.get(changelist, {"q": "a"})
    assert response.status_code == 200


def test_select_fields_speak_dutch():
    """Django 6.1's new empty-choice label has no Dutch yet; gemeenten/locale supplies it."""
    from django.db.models.fields import BLANK_CHOICE_LABEL
    from django.utils import translation

    with translation.override("nl"):
        assert str(BLANK_CHOICE_LABEL) == "- Kies een optie -"
