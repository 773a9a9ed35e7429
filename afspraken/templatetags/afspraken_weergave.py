"""Display helpers for values that are not model fields (annotations)."""

from django import template

from afspraken.constants import Voortgang, keuzelabels

register = template.Library()


@register.filter
def voortgang_label(waarde):
    """The Dutch label of a Voortgang value, e.g. the `jaarstatus` annotation."""
    return keuzelabels(Voortgang).get(waarde, waarde or "")
