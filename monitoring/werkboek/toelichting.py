"""The template's instruction sheet: every sheet and column explained in Dutch (issue #15,
point 6). The texts follow WORKBOOK.md; they are what a person filling in the template
reads, so they are Dutch UI text."""

from django.utils.translation import gettext_lazy as _

from monitoring.werkboek import formaat

INLEIDING = (
    _("Met dit werkboek zet u een jaarschijf van de prestatieafspraken in één keer in Driehoek."),
    _(
        "Vul de tabbladen in en importeer het bestand via 'Werkboek importeren'. Driehoek laat "
        "eerst zien wat er wordt toegevoegd, gewijzigd en verwijderd; pas na uw bevestiging "
        "wordt er iets opgeslagen. Een werkboek met een fout wordt helemaal niet geïmporteerd; "
        "elke fout wordt gemeld met tabblad, rij en kolom."
    ),
    _(
        "Verplicht zijn de tabbladen jaarschijf, partijen en afspraken; de andere mag u leeg "
        "laten. Lege rijen worden overgeslagen. Een kolom met een keuzelijst toont de "
        "mogelijke waarden wanneer u de cel selecteert."
    ),
    _(
        "Een tabblad dat u weglaat, laat bestaande gegevens in Driehoek staan; een tabblad "
        "dat u wel opneemt maar leeg laat, verwijdert ze. Dit tabblad (Toelichting) wordt "
        "bij het importeren overgeslagen."
    ),
)

# Per sheet: what it is for, and per column what goes in it.
BLADEN: dict[str, tuple] = {
    formaat.JAARSCHIJF.naam: (
        _("De jaarschijf zelf: één veld per rij, met de waarde ernaast."),
        {
            "gemeente": _("Verplicht. De naam van de gemeente, bijvoorbeeld Borger-Odoorn."),
            "cbs_code": _("De CBS-code van de gemeente, bijvoorbeeld GM1681."),
            "overeenkomst": _(
                "Verplicht. De titel van de meerjarige overeenkomst waar de jaarschijf bij hoort."
            ),
            "periode": _("Verplicht. De looptijd van de overeenkomst: 2024-2028, of één jaar."),
            "jaar": _("Verplicht. Het jaar van de jaarschijf (2026), of twee jaren (2026-2027)."),
            "titel": _("De titel op het document."),
            "inleiding": _("De inleidende tekst."),
            "plaats": _("Plaats van ondertekening, bijvoorbeeld Exloo."),
            "datum": _("Datum van ondertekening."),
            "geldig_tot": _("Laatste dag waarop de jaarschijf geldt."),
            "documentdatum": _("De versiedatum op het voorblad, bijvoorbeeld November 2025."),
            "status": _(
                "Concept (standaard), Ter bespreking, Vastgesteld of Ondertekend. Vastgesteld en "
                "Ondertekend leggen de jaarschijf meteen vast."
            ),
            "nummering_tonen": _("ja (standaard) of nee: nee drukt de codes niet af."),
            "grondslag": _("De documenten waarop de afspraken rusten (woonvisie, bod)."),
            "geldig_vanaf": _("Een datum, of: na ondertekening door alle partijen."),
        },
    ),
    formaat.PARTIJEN.naam: (
        _("Eén rij per partij. Precies één partij is van het soort Gemeente."),
        {
            "naam": _("Verplicht. De naam van de organisatie."),
            "type": _("Verplicht. Gemeente, Woningcorporatie, Huurdersorganisatie of Overig."),
            "afkorting": _(
                "Korte naam, bijvoorbeeld WS; te gebruiken in de kolommen trekkers en partij."
            ),
            "vertegenwoordiger": _("Wie de partij vertegenwoordigt."),
            "functie": _("Functie van de vertegenwoordiger."),
            "mandaat": _("Namens wie de vertegenwoordiger handelt."),
            "aanduiding": _("Hoe het document de partij noemt, bijvoorbeeld de gemeente."),
            "rol": _("Rollen en verantwoordelijkheden van de partij."),
            "actief_tot": _("Laatste jaar waarin de partij meedoet; leeg is: doet mee."),
            "kvk": _("KvK-nummer (8 cijfers)."),
            "l_nummer": _("Alleen voor een woningcorporatie: het L-nummer, bijvoorbeeld L1234."),
        },
    ),
    formaat.THEMAS.naam: (
        _("De thema's waaronder de afspraken staan."),
        {
            "naam": _("Verplicht. Bijvoorbeeld Duurzaamheid."),
            "letter": _("Letter van het thema, bijvoorbeeld B."),
            "volgorde": _("Volgorde van het thema; leeg is de volgorde van de rijen."),
            "toelichting": _("Inleidende tekst van het thema."),
            "doel": _("Het doel van het thema."),
        },
    ),
    formaat.AFSPRAKEN.naam: (
        _("Eén rij per afspraak, in de volgorde van het document."),
        {
            "code": _("Verplicht. Uniek, bijvoorbeeld A5 of A5a (A5a valt onder A5)."),
            "thema": _("Verplicht. Een thema van het tabblad themas."),
            "soort": _("Prestatieafspraak (standaard), Procesafspraak, Ambitie of Doorkijk."),
            "inhoud": _("Verplicht. De tekst van de afspraak."),
            "resultaat": _("Het beoogde resultaat."),
            "periode": _("Looptijd van de afspraak, bijvoorbeeld 2024-2028."),
            "trekkers": _(
                "Partijen die de afspraak trekken, gescheiden door komma's (WS, GEM); allen is "
                "elke partij."
            ),
            "stappen": _("Het plan voor dit jaar: wat er dit jaar gebeurt."),
            "status": _(
                "De voortgang: Niet gestart, Op koers, Vraagt aandacht, Gerealiseerd of "
                "Vervallen. Een andere voortgang dan in Driehoek wordt als voortgangsmelding "
                "vastgelegd."
            ),
            "doel": _("Een meetbaar doel als tekst, bijvoorbeeld 320 woningen."),
            "kop": _("Tussenkop binnen het thema waaronder de afspraak staat."),
            "betrokkenen": _("Betrokkenen die geen partij zijn."),
        },
    ),
    formaat.STAPPEN.naam: (
        _("De concrete stappen van dit jaar per partij (mag leeg blijven)."),
        {
            "code": _("Verplicht. Code van een afspraak."),
            "partij": _(
                "Verplicht. Afkorting of naam van de partij; meerdere partijen samen: WS, GEM."
            ),
            "tekst": _("Verplicht. Wat die partij dit jaar doet."),
        },
    ),
    formaat.VOORRAAD.naam: (
        _("Voorraadmutaties per corporatie: nieuwbouw, sloop, verkoop enzovoort."),
        {
            "corporatie": _("Verplicht. Afkorting of naam van een woningcorporatie."),
            "categorie": _(
                "Verplicht. Nieuwbouw, sloop, verkoop, verduurzaming, zonnepanelen of een "
                "eigen categorie."
            ),
            "periode": _("Verplicht. Een jaar (2025) of twee jaren (2026/2027)."),
            "soort": _("Prognose (standaard) of Realisatie."),
            "aantal": _("Een geheel getal; leeg of - is onbekend (niet 0)."),
            "toelichting": _("Vrije tekst."),
        },
    ),
    formaat.VOORRAADSTAND.naam: (
        _("De woningvoorraad per corporatie op 31 december van een jaar."),
        {
            "corporatie": _("Verplicht. Afkorting of naam van een woningcorporatie."),
            "segment": _("Bijvoorbeeld sociale huur (DAEB) (standaard) of zorgwoningen."),
            "jaar": _("Het jaar (peildatum 31 december); of vul de peildatum in."),
            "soort": _("Realisatie (standaard) of Prognose."),
            "aantal": _("Een geheel getal; leeg of - is onbekend."),
            "peildatum": _("Een andere peildatum dan 31 december."),
            "toelichting": _("Vrije tekst."),
        },
    ),
    formaat.SEGMENTEN.naam: (
        _("Eigen segmenten van de voorraad (mag leeg blijven)."),
        {
            "naam": _("Verplicht. Naam van het segment."),
            "onderdeel_van": _("Het segment waar dit segment deel van is."),
            "toelichting": _("Voetnoot bij de tabel."),
        },
    ),
    formaat.ONDERTEKENAARS.naam: (
        _("Wie de jaarschijf namens elke partij ondertekent."),
        {
            "partij": _("Verplicht. Afkorting of naam van de partij."),
            "naam": _("Verplicht. Naam van de ondertekenaar."),
            "functie": _("Functie van de ondertekenaar."),
            "ondertekend_op": _("Alleen bij status Ondertekend: de datum van ondertekening."),
        },
    ),
    formaat.HOOFDSTUKKEN.naam: (
        _("De overige teksten van het document, in volgorde."),
        {
            "plek": _(
                "Verplicht. voor (voor de thema's), thema:<naam>, voorraad, na (voor de "
                "handtekeningen) of bijlage."
            ),
            "kop": _("Verplicht. De kop van het hoofdstuk."),
            "soort": _("Context, Rollen en verantwoordelijkheden, Voorbehoud, ... of Overig."),
            "tekst": _("Verplicht. De tekst."),
        },
    ),
    formaat.DOELEN.naam: (
        _("Meetbare doelen van een afspraak of een thema."),
        {
            "code": _("Code van de afspraak (of vul thema in)."),
            "thema": _("Thema, voor een doel van het thema als geheel."),
            "omschrijving": _("Verplicht. Wat er gemeten wordt."),
            "waarde": _("Verplicht. Het doel: een getal (320, 85%) of een waarde als C."),
            "waarde_tot": _("Bovengrens van een bereik (4 tot 6)."),
            "circa": _("ja wanneer het document circa zegt."),
            "eenheid": _("woningen, %, euro, label, ..."),
            "richting": _("Minimaal (standaard), Maximaal of Precies."),
            "basis": _("De beginwaarde."),
            "basisdatum": _("De datum van de beginwaarde."),
            "peiljaar": _("Het jaar waarin het doel gehaald moet zijn."),
            "partij": _("De partij wier deel dit is."),
            "gerealiseerd": _("De laatst gerealiseerde waarde."),
            "gerealiseerd_op": _("De datum daarvan."),
        },
    ),
    formaat.AGENDA.naam: (
        _("De jaarcyclus en overleggen van de afspraken."),
        {
            "wanneer": _("Verplicht. Een datum, of: voor 1 juli 2026, Q1 2026."),
            "wat": _("Verplicht. Bijvoorbeeld Aanleveren activiteitenoverzicht."),
            "wie": _("Partijen, zoals bij trekkers."),
            "soort": _("Bod, Activiteitenoverzicht, Overleg, ... of Overig."),
        },
    ),
}
