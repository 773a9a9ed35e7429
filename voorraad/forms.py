"""The figures page as one form: a field per existing figure, a few blank rows for new ones.

Field names: `m-<pk>` / `s-<pk>` (the figure's aantal), `m-<pk>-was` (the aantal when the page
was opened, to notice a colleague's change), `m-<pk>-weg` (remove it); new figures
`nm-<i>-<veld>` and `ns-<i>-<veld>`. An empty aantal means unknown, which is not 0.
"""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from afspraken.perioden import peildatum, periode_label
from gemeenten import getallen
from voorraad import raster, services
from voorraad.constants import CijferSoort
from voorraad.raster import Raster

NIEUWE_MUTATIES = 3
NIEUWE_STANDEN = 2
# Dutch thousands separators as the documents write them: 1.129 or 12.500.
DUIZENDTALLEN = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+$")


class AantalField(forms.CharField):
    """A whole number of homes; empty or '-' means unknown (None), not 0. A mutation
    (`mag_negatief`) carries a sign (`+200`, `-17`); a stock level is never negative."""

    default_error_messages = {
        "ongeldig": _("Vul een heel getal in, of laat het veld leeg als het aantal onbekend is."),
        "negatief": _("Een aantal kan niet negatief zijn."),
    }

    def __init__(self, *, mag_negatief=False, **kwargs):
        self.mag_negatief = mag_negatief
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "size": 6, "placeholder": "-"})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        tekst = (super().to_python(value) or "").strip().replace(" ", "")
        if tekst in ("", "-"):
            return None
        if DUIZENDTALLEN.match(tekst):
            tekst = tekst.replace(".", "")
        if len(tekst) > 12 or not re.fullmatch(r"[-+]?[0-9]+", tekst):
            raise ValidationError(self.error_messages["ongeldig"], code="ongeldig")
        aantal = int(tekst)
        if aantal < 0 and not self.mag_negatief:
            raise ValidationError(self.error_messages["negatief"], code="negatief")
        getallen.controleer_aantal(abs(aantal))  # Western digits above, sane bounds (#14)
        return aantal


def jaar_veld(label, **kwargs):
    return getallen.JaarVeld(
        label=label,
        required=False,
        min_value=1900,
        max_value=2200,
        error_messages={
            "invalid": _("Vul een jaartal in, zoals 2026."),
            "min_value": _("Vul een jaartal in, zoals 2026."),
            "max_value": _("Vul een jaartal in, zoals 2026."),
        },
        widget=forms.NumberInput(attrs={"size": 5}),
        **kwargs,
    )


@dataclass
class Invoer:
    """A figure in the grid with its form fields; `label` names it for screen readers."""

    cijfer: object
    label: str
    aantal: forms.BoundField
    was: forms.BoundField
    weg: forms.BoundField


class CijfersForm(forms.Form):
    def __init__(self, *args, mutaties, standen, categorieen, segmenten, jaar, **kwargs):
        super().__init__(*args, **kwargs)
        self.mutaties = list(mutaties)
        self.standen = list(standen)
        self.categorieen = {c.pk: c for c in categorieen}
        self.segmenten = {s.pk: s for s in segmenten}
        for prefix, cijfers in (("m", self.mutaties), ("s", self.standen)):
            for cijfer in cijfers:
                teken = prefix == "m"  # a mutation carries a sign
                self.fields[f"{prefix}-{cijfer.pk}"] = AantalField(
                    label=_("Aantal"), mag_negatief=teken
                )
                self.fields[f"{prefix}-{cijfer.pk}-was"] = AantalField(
                    widget=forms.HiddenInput, mag_negatief=teken
                )
                self.fields[f"{prefix}-{cijfer.pk}-weg"] = forms.BooleanField(
                    label=_("Verwijderen"), required=False
                )
                self.initial[f"{prefix}-{cijfer.pk}"] = cijfer.aantal
                self.initial[f"{prefix}-{cijfer.pk}-was"] = cijfer.aantal
        for i in range(NIEUWE_MUTATIES):
            self._nieuwe_mutatievelden(i)
        for i in range(NIEUWE_STANDEN):
            self._nieuwe_standvelden(i)
        self.jaar = jaar

    def _nieuwe_mutatievelden(self, i):
        geen = [("", "—")]
        self.fields[f"nm-{i}-categorie"] = forms.TypedChoiceField(
            label=_("Categorie"),
            required=False,
            coerce=int,
            choices=geen + [(c.pk, c.naam) for c in self.categorieen.values()],
        )
        self.fields[f"nm-{i}-jaar_van"] = jaar_veld(_("Van jaar"))
        self.fields[f"nm-{i}-jaar_tot"] = jaar_veld(
            _("Tot en met jaar"), help_text=_("Leeg = hetzelfde jaar.")
        )
        self.fields[f"nm-{i}-soort"] = forms.ChoiceField(
            label=_("Soort"),
            choices=CijferSoort.choices,
            initial=CijferSoort.PROGNOSE,
            required=False,
        )
        self.fields[f"nm-{i}-aantal"] = AantalField(label=_("Aantal"), mag_negatief=True)
        self.fields[f"nm-{i}-toelichting"] = forms.CharField(
            label=_("Toelichting"), required=False, max_length=500
        )

    def _nieuwe_standvelden(self, i):
        geen = [("", "—")]
        self.fields[f"ns-{i}-segment"] = forms.TypedChoiceField(
            label=_("Segment"),
            required=False,
            coerce=int,
            choices=geen + [(s.pk, s.naam) for s in self.segmenten.values()],
        )
        self.fields[f"ns-{i}-jaar"] = jaar_veld(
            _("Peiljaar"), help_text=_("Stand op 31 december, tenzij u een peildatum invult.")
        )
        self.fields[f"ns-{i}-peildatum"] = forms.DateField(
            label=_("Peildatum"),
            required=False,
            input_formats=["%d-%m-%Y", "%Y-%m-%d"],
            error_messages={"invalid": _("Vul een datum in als dd-mm-jjjj, zoals 01-11-2021.")},
            help_text=_("Alleen als het niet 31 december is."),
            widget=forms.TextInput(attrs={"size": 10, "placeholder": "dd-mm-jjjj"}),
        )
        self.fields[f"ns-{i}-soort"] = forms.ChoiceField(
            label=_("Soort"),
            choices=CijferSoort.choices,
            initial=CijferSoort.REALISATIE,
            required=False,
        )
        self.fields[f"ns-{i}-aantal"] = AantalField(label=_("Aantal"))

    # --- Validation --------------------------------------------------------------------------

    def clean(self):
        data = super().clean()
        mutatie_sleutels = {
            (m.categorie_id, m.jaar_van, m.jaar_tot, m.soort)
            for m in self.mutaties
            if not data.get(f"m-{m.pk}-weg")
        }
        self.nieuwe_mutaties = []
        for i in range(NIEUWE_MUTATIES):
            nieuw = self._nieuwe_mutatie(i, data, mutatie_sleutels)
            if nieuw is not None:
                self.nieuwe_mutaties.append(nieuw)
        stand_sleutels = {
            (s.segment_id, s.peildatum, s.soort)
            for s in self.standen
            if not data.get(f"s-{s.pk}-weg")
        }
        self.nieuwe_standen = []
        for i in range(NIEUWE_STANDEN):
            nieuw = self._nieuwe_stand(i, data, stand_sleutels)
            if nieuw is not None:
                self.nieuwe_standen.append(nieuw)
        return data

    def _leeg(self, prefix, velden):
        return all(self.data.get(f"{prefix}-{v}", "").strip() in ("", "-") for v in velden)

    def _nieuwe_mutatie(self, i, data, sleutels):
        p = f"nm-{i}"
        if self._leeg(p, ["categorie", "jaar_van", "jaar_tot", "aantal", "toelichting"]):
            return None
        categorie, van = data.get(f"{p}-categorie"), data.get(f"{p}-jaar_van")
        tot = data.get(f"{p}-jaar_tot") or van
        if not categorie and f"{p}-categorie" not in self.errors:
            self.add_error(f"{p}-categorie", _("Kies een categorie voor het nieuwe cijfer."))
        if van is None and f"{p}-jaar_van" not in self.errors:
            self.add_error(f"{p}-jaar_van", _("Vul het jaar in waar het cijfer over gaat."))
        if not categorie or van is None or f"{p}-jaar_tot" in self.errors:
            return None
        if van > tot:
            self.add_error(
                f"{p}-jaar_tot",
                _("Het eindjaar kan niet vóór het beginjaar (%(van)s) liggen.") % {"van": van},
            )
            return None
        soort = data.get(f"{p}-soort") or CijferSoort.PROGNOSE
        sleutel = (categorie, van, tot, soort)
        if sleutel in sleutels:
            self.add_error(
                f"{p}-categorie",
                _("Er is al een cijfer voor %(categorie)s in %(periode)s (%(soort)s).")
                % {
                    "categorie": self.categorieen[categorie].naam,
                    "periode": periode_label(van, tot),
                    "soort": CijferSoort(soort).label.lower(),
                },
            )
            return None
        sleutels.add(sleutel)
        if f"{p}-aantal" in self.errors:
            return None
        return services.NieuweMutatie(
            categorie_id=categorie,
            jaar_van=van,
            jaar_tot=tot,
            soort=soort,
            aantal=data.get(f"{p}-aantal"),
            toelichting=data.get(f"{p}-toelichting", ""),
        )

    def _nieuwe_stand(self, i, data, sleutels):
        p = f"ns-{i}"
        if self._leeg(p, ["segment", "jaar", "peildatum", "aantal"]):
            return None
        segment, datum = data.get(f"{p}-segment"), data.get(f"{p}-peildatum")
        jaar = datum.year if datum else data.get(f"{p}-jaar")
        if not segment and f"{p}-segment" not in self.errors:
            self.add_error(f"{p}-segment", _("Kies een segment voor de nieuwe stand."))
        if jaar is None and not ({f"{p}-jaar", f"{p}-peildatum"} & set(self.errors)):
            self.add_error(f"{p}-jaar", _("Vul het jaar van de peildatum in."))
        if not segment or jaar is None:
            return None
        soort = data.get(f"{p}-soort") or CijferSoort.REALISATIE
        datum = datum or peildatum(jaar)
        sleutel = (segment, datum, soort)
        if sleutel in sleutels:
            self.add_error(
                f"{p}-segment",
                _("Er is al een stand voor %(segment)s op %(datum)s (%(soort)s).")
                % {
                    "segment": self.segmenten[segment].naam,
                    "datum": f"{datum:%d-%m-%Y}",
                    "soort": CijferSoort(soort).label.lower(),
                },
            )
            return None
        sleutels.add(sleutel)
        if f"{p}-aantal" in self.errors:
            return None
        return services.NieuweStand(
            segment_id=segment,
            jaar=jaar,
            soort=soort,
            aantal=data.get(f"{p}-aantal"),
            peildatum=datum,
        )

    # --- What the service gets ---------------------------------------------------------------

    def _aantallen(self, prefix, cijfers):
        return {
            c.pk: services.Aantal(
                nieuw=self.cleaned_data.get(f"{prefix}-{c.pk}"),
                was=self.cleaned_data.get(f"{prefix}-{c.pk}-was"),
            )
            for c in cijfers
            if not self.cleaned_data.get(f"{prefix}-{c.pk}-weg")
        }

    def _weg(self, prefix, cijfers):
        return {c.pk for c in cijfers if self.cleaned_data.get(f"{prefix}-{c.pk}-weg")}

    def service_kwargs(self) -> dict:
        return {
            "mutaties": self._aantallen("m", self.mutaties),
            "standen": self._aantallen("s", self.standen),
            "mutaties_weg": self._weg("m", self.mutaties),
            "standen_weg": self._weg("s", self.standen),
            "nieuwe_mutaties": self.nieuwe_mutaties,
            "nieuwe_standen": self.nieuwe_standen,
        }

    # --- What the template shows -------------------------------------------------------------

    def _invoer(self, prefix, cijfer, plek) -> Invoer:
        return Invoer(
            cijfer=cijfer,
            label=f"{plek} {cijfer.get_soort_display().lower()}",
            aantal=self[f"{prefix}-{cijfer.pk}"],
            was=self[f"{prefix}-{cijfer.pk}-was"],
            weg=self[f"{prefix}-{cijfer.pk}-weg"],
        )

    def mutatieraster(self) -> Raster:
        return raster.mutatieraster(
            self.mutaties,
            cel_van=lambda m: self._invoer("m", m, f"{m.categorie.naam}, {m.periode}"),
        )

    def standraster(self) -> Raster:
        return raster.standraster(
            self.standen,
            cel_van=lambda s: self._invoer("s", s, f"{s.segment.naam}, {s.peildatum:%d-%m-%Y}"),
        )

    def nieuwe_mutatierijen(self):
        return [
            [
                self[f"nm-{i}-{v}"]
                for v in ("categorie", "jaar_van", "jaar_tot", "soort", "aantal", "toelichting")
            ]
            for i in range(NIEUWE_MUTATIES)
        ]

    def nieuwe_standrijen(self):
        return [
            [self[f"ns-{i}-{v}"] for v in ("segment", "jaar", "peildatum", "soort", "aantal")]
            for i in range(NIEUWE_STANDEN)
        ]
