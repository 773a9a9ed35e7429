"""The models themselves refuse to change what a frozen jaarschijf holds: code that forgets
the services (a shell, an admin action, a new importer) cannot change a fixed document."""

import pytest

from afspraken.bevriezing import Bevroren
from afspraken.constants import JaarschijfStatus, Voortgang
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Ondertekening, Overeenkomst, Stap
from tests import factories
from tests.wereld import partijwereld
from voorraad.models import Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db

BEVROREN = [JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND]


@pytest.fixture(params=BEVROREN)
def wereld(request):
    corporatie = factories.OrganisatieFactory(afkorting="WS")
    huurders = factories.HuurdersorganisatieFactory()
    return partijwereld("Exloo", [corporatie], huurders, status=request.param)


def vers(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_frozen_jaarschijf_texts_refuse_save(wereld):
    jaarschijf = vers(wereld.jaarschijf)
    jaarschijf.inleiding = "Stiekem anders"
    with pytest.raises(Bevroren):
        jaarschijf.save()
    assert vers(wereld.jaarschijf).inleiding != "Stiekem anders"


@pytest.mark.parametrize(
    ("attribuut", "veld", "waarde"),
    [
        ("jaarafspraken", "tekst", "Stiekem anders"),
        ("stappen", "tekst", "Stiekem anders"),
        ("mutaties", "aantal", 999),
        ("standen", "aantal", 999),
    ],
)
def test_frozen_content_refuses_save_and_delete(wereld, attribuut, veld, waarde):
    obj = vers(getattr(wereld, attribuut)[0])
    setattr(obj, veld, waarde)
    with pytest.raises(Bevroren):
        obj.save()
    with pytest.raises(Bevroren):
        vers(obj).delete()
    assert getattr(vers(obj), veld) != waarde


def test_frozen_ondertekening_refuses_other_names(wereld):
    ondertekening = vers(next(iter(wereld.ondertekeningen.values())))
    ondertekening.naam = "Iemand anders"
    with pytest.raises(Bevroren):
        ondertekening.save()


def test_nothing_new_in_a_frozen_jaarschijf(wereld):
    nieuwe = [
        Jaarafspraak(
            jaarschijf=wereld.jaarschijf,
            afspraak=factories.AfspraakFactory(thema=wereld.thema),
        ),
        Stap(
            jaarafspraak=wereld.jaarafspraken[0],
            organisatie=wereld.corporaties[0],
            tekst="Nieuw",
        ),
        Ondertekening(jaarschijf=wereld.jaarschijf, organisatie=wereld.huurders, naam="Nieuw"),
        Voorraadmutatie(
            jaarschijf=wereld.jaarschijf,
            corporatie=wereld.corporaties[0],
            categorie=wereld.mutaties[0].categorie,
            jaar_van=2031,
            jaar_tot=2031,
        ),
        Voorraadstand(
            jaarschijf=wereld.jaarschijf,
            corporatie=wereld.corporaties[0],
            segment=wereld.standen[0].segment,
            peildatum="2031-12-31",
        ),
    ]
    for obj in nieuwe:
        with pytest.raises(Bevroren):
            obj.save()


def test_moving_content_into_a_frozen_jaarschijf_is_refused(wereld):
    concept = factories.JaarschijfFactory(overeenkomst=wereld.overeenkomst, jaar=2030)
    jaarafspraak = factories.JaarafspraakFactory(
        jaarschijf=concept, afspraak=factories.AfspraakFactory(thema=wereld.thema)
    )
    stap = factories.StapFactory(jaarafspraak=jaarafspraak, organisatie=wereld.huurders)
    stap.jaarafspraak = wereld.jaarafspraken[0]
    with pytest.raises(Bevroren):
        stap.save()


def test_cascades_into_a_frozen_jaarschijf_are_refused(wereld):
    with pytest.raises(Bevroren):
        vers(wereld.jaarschijf).delete()
    with pytest.raises(Bevroren):
        vers(wereld.afspraken[0]).delete()
    with pytest.raises(Bevroren):
        vers(wereld.overeenkomst).delete()
    assert Afspraak.objects.filter(pk=wereld.afspraken[0].pk).exists()
    assert Overeenkomst.objects.filter(pk=wereld.overeenkomst.pk).exists()


def test_progress_stays_possible_in_a_frozen_jaarschijf(wereld):
    jaarafspraak = vers(wereld.jaarafspraken[0])
    jaarafspraak.status = Voortgang.GEREALISEERD
    jaarafspraak.save()
    stap = vers(wereld.stappen[0])
    stap.afgerond = True
    stap.save()
    assert vers(jaarafspraak).status == Voortgang.GEREALISEERD
    assert vers(stap).afgerond


def test_ondertekend_status_never_changes_but_vastgesteld_may_go_back():
    corporatie = factories.OrganisatieFactory()
    huurders = factories.HuurdersorganisatieFactory()
    vast = partijwereld("Odoorn", [corporatie], huurders, status=BEVROREN[0]).jaarschijf
    vast.status = JaarschijfStatus.CONCEPT
    vast.save()
    getekend = partijwereld("Emmen", [corporatie], huurders, status=BEVROREN[1]).jaarschijf
    getekend.status = JaarschijfStatus.CONCEPT
    with pytest.raises(Bevroren):
        getekend.save()
    assert Jaarschijf.objects.get(pk=getekend.pk).status == JaarschijfStatus.ONDERTEKEND
