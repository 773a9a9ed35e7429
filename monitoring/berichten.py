"""E-mail to the parties (issue #11, point 6), through Django's mail framework (the console
backend in development): a jaarschijf goes ter bespreking, a jaarschijf is ready to sign, a
deadline of the agenda is near. Each person can switch each kind off (Berichtinstelling).

Status changes are heard from afspraken' JaarschijfStatuswijziging (afspraken may not name
monitoring) and mailed after the transaction commits, so a rolled-back change mails nothing
and the status services' query counts stay as they are. Links are absolute, built on the
setting DRIEHOEK_BASIS_URL (monitoring.links), as a mail client has no page to resolve a path;
a page behind the login is linked through the login page with the addressee's username
filled in (monitoring.links.inloglink). The signing page asks for the login itself.
"""

import datetime

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, JaarschijfStatuswijziging
from gemeenten.constants import Rol
from gemeenten.models import Gebruiker
from monitoring.constants import Berichtsoort
from monitoring.links import absolute_url, inloglink
from monitoring.models import Reactie
from monitoring.models_voortgang import Agendapunt


def ontvangers(organisatie_ids, soort: str, rol: str | None = None) -> list[Gebruiker]:
    """Active people with an address in these organisations (with `rol`, if given) who did
    not switch `soort` off."""
    mensen = Gebruiker.objects.filter(
        is_active=True, lidmaatschappen__organisatie_id__in=list(organisatie_ids)
    ).exclude(email="")
    if rol:
        mensen = mensen.filter(lidmaatschappen__rol=rol)
    mensen = mensen.select_related("berichtinstelling").distinct().order_by("pk")
    return [m for m in mensen if soort not in _uit(m)]


def _uit(gebruiker) -> list:
    instelling = getattr(gebruiker, "berichtinstelling", None)
    return instelling.uit if instelling is not None else []


def _versturen(
    mensen, onderwerp: str, sjabloon: str, context: dict, *, inloggen_naar: str | None = None
) -> int:
    """One mail per person. With `inloggen_naar` (a path on the site) each mail's `link` is
    the login page with its addressee filled in, on to that path (monitoring.links.inloglink)."""
    for mens in mensen:
        per_mens = {**context, "gebruiker": mens}
        if inloggen_naar is not None:
            per_mens["link"] = inloglink(inloggen_naar, gebruiker=mens)
        EmailMessage(
            subject=onderwerp,
            body=render_to_string(sjabloon, per_mens),
            to=[mens.email],
        ).send()
    return len(mensen)


def ter_bespreking_melden(jaarschijf: Jaarschijf) -> int:
    organisaties = jaarschijf.overeenkomst.partijrollen.values_list("organisatie_id", flat=True)
    return _versturen(
        ontvangers(organisaties, Berichtsoort.TER_BESPREKING),
        _("Jaarschijf %(jaren)s %(gemeente)s ligt ter bespreking")
        % {"jaren": jaarschijf.jaren, "gemeente": jaarschijf.overeenkomst.gemeente.naam},
        "monitoring/berichten/ter_bespreking.txt",
        {"jaarschijf": jaarschijf},
        inloggen_naar=reverse("monitoring:jaarschijf", args=[jaarschijf.pk]),
    )


def te_ondertekenen_melden(jaarschijf: Jaarschijf) -> int:
    organisaties = jaarschijf.ondertekeningen.filter(ondertekend_op__isnull=True).values_list(
        "organisatie_id", flat=True
    )
    return _versturen(
        ontvangers(organisaties, Berichtsoort.TE_ONDERTEKENEN, rol=Rol.ONDERTEKENAAR),
        _("Jaarschijf %(jaren)s %(gemeente)s is klaar om te ondertekenen")
        % {"jaren": jaarschijf.jaren, "gemeente": jaarschijf.overeenkomst.gemeente.naam},
        "monitoring/berichten/te_ondertekenen.txt",
        {
            "jaarschijf": jaarschijf,
            # The signing page itself, where the mailed person logs in and signs in one form.
            "link": absolute_url(reverse("monitoring:ondertekenen", args=[jaarschijf.pk])),
        },
    )


def termijnen_melden(vandaag: datetime.date | None = None, dagen: int = 7) -> int:
    """Agenda rows due in exactly `dagen` days (run daily: each row is mailed once), to the
    parties in `wie`, or to the gemeente's staff when the row names nobody."""
    datum = (vandaag or timezone.localdate()) + datetime.timedelta(days=dagen)
    verstuurd = 0
    for punt in (
        Agendapunt.objects.filter(datum=datum, afgerond=False)
        .select_related("jaarschijf__overeenkomst__gemeente")
        .prefetch_related("wie")
    ):
        overeenkomst = punt.jaarschijf.overeenkomst
        organisaties = [o.pk for o in punt.wie.all()] or list(
            overeenkomst.partijrollen.filter(
                organisatie__gemeente_id=overeenkomst.gemeente_id
            ).values_list("organisatie_id", flat=True)
        )
        verstuurd += _versturen(
            ontvangers(organisaties, Berichtsoort.TERMIJN),
            _("Termijn nadert: %(wat)s (%(datum)s)")
            % {"wat": punt.wat, "datum": punt.datum.strftime("%d-%m-%Y")},
            "monitoring/berichten/termijn.txt",
            {"punt": punt},
            inloggen_naar=reverse("monitoring:agenda", args=[punt.jaarschijf_id]),
        )
    return verstuurd


def reactie_melden(reactie_id: int) -> int:
    """Someone replied (or answered while handling): the remark's author and everyone who
    replied before hear of it, except the replier, and only while they may still read the
    agreement (people change jobs)."""
    reactie = (
        Reactie.objects.select_related(
            "auteur",
            "organisatie",
            "opmerking__auteur",
            "opmerking__jaarschijf__overeenkomst__gemeente",
            "opmerking__jaarafspraak__afspraak",
        )
        .filter(pk=reactie_id)
        .first()
    )
    if reactie is None:
        return 0
    opmerking = reactie.opmerking
    deelnemers = {opmerking.auteur_id} | set(
        opmerking.reacties.filter(pk__lt=reactie.pk).values_list("auteur_id", flat=True)
    )
    deelnemers.discard(reactie.auteur_id)
    mensen = (
        Gebruiker.objects.filter(pk__in=deelnemers, is_active=True)
        .exclude(email="")
        .select_related("berichtinstelling")
        .order_by("pk")
    )
    jaarschijf = opmerking.jaarschijf
    mensen = [
        m
        for m in mensen
        if Berichtsoort.REACTIE not in _uit(m)
        and m.has_perm("afspraken.view_overeenkomst", jaarschijf)
    ]
    anker = (
        f"opmerkingen-afspraak-{opmerking.jaarafspraak.afspraak_id}"
        if opmerking.jaarafspraak_id
        else "opmerkingen"
    )
    return _versturen(
        mensen,
        _("Reactie op een opmerking bij jaarschijf %(jaren)s %(gemeente)s")
        % {"jaren": jaarschijf.jaren, "gemeente": jaarschijf.overeenkomst.gemeente.naam},
        "monitoring/berichten/reactie.txt",
        {"reactie": reactie, "opmerking": opmerking, "jaarschijf": jaarschijf},
        inloggen_naar=reverse("monitoring:jaarschijf", args=[jaarschijf.pk]) + f"#{anker}",
    )


@receiver(post_save, sender=JaarschijfStatuswijziging, dispatch_uid="monitoring.berichten")
def _na_statuswijziging(sender, instance, created, **kwargs):
    if not created:
        return
    melden = {
        JaarschijfStatus.TER_BESPREKING: ter_bespreking_melden,
        JaarschijfStatus.VASTGESTELD: te_ondertekenen_melden,
    }.get(instance.naar)
    if melden is not None:
        jaarschijf_id = instance.jaarschijf_id
        transaction.on_commit(
            lambda: melden(
                Jaarschijf.objects.select_related("overeenkomst__gemeente").get(pk=jaarschijf_id)
            )
        )
