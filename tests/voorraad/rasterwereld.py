"""A gemeente with many corporaties, years and categories: the query budgets of the voorraad
pages are measured on it (1 versus 10 corporaties x 10 years x 8 categories)."""

import datetime

from afspraken.models import Overeenkomst
from gemeenten.constants import Rol
from tests import factories
from tests.wereld import lid, partijwereld
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand

JAREN = range(2021, 2031)


def rasterwereld(corporaties: int, categorieen: int = 8):
    """The world and a member of its first corporatie."""
    orgs = [
        factories.OrganisatieFactory(naam=f"Corporatie {i}", afkorting=f"K{i}")
        for i in range(corporaties)
    ]
    wereld = partijwereld("Rasterdorp", orgs, factories.HuurdersorganisatieFactory())
    Overeenkomst.objects.filter(pk=wereld.overeenkomst.pk).update(
        startdatum=datetime.date(JAREN[0], 1, 1), einddatum=datetime.date(JAREN[-1], 12, 31)
    )
    ok = wereld.overeenkomst
    cats = Categorie.objects.bulk_create(
        Categorie(naam=f"categorie {i}", overeenkomst=ok, volgorde=i) for i in range(categorieen)
    )
    segment = Segment.objects.create(naam="sociale huur", overeenkomst=ok)
    deel = Segment.objects.create(
        naam="onder aftoppingsgrens", overeenkomst=ok, onderdeel_van=segment
    )
    mutaties, standen = [], []
    for corp in orgs:
        for jaar in JAREN:
            for soort in ("realisatie", "prognose"):
                mutaties += [
                    Voorraadmutatie(
                        jaarschijf=wereld.jaarschijf,
                        corporatie=corp,
                        categorie=c,
                        jaar_van=jaar,
                        jaar_tot=jaar,
                        soort=soort,
                        aantal=jaar % 7,
                    )
                    for c in cats
                ]
                standen += [
                    Voorraadstand(
                        jaarschijf=wereld.jaarschijf,
                        corporatie=corp,
                        segment=s,
                        peildatum=datetime.date(jaar, 12, 31),
                        soort=soort,
                        aantal=1000 + jaar,
                    )
                    for s in (segment, deel)
                ]
    Voorraadmutatie.objects.bulk_create(mutaties)
    Voorraadstand.objects.bulk_create(standen)
    return wereld, lid(orgs[0], Rol.MEDEWERKER, username="k0.medewerker")
