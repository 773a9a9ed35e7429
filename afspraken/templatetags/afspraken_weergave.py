"""Display helpers for values that are not model fields (annotations)."""

from django import template

from afspraken.constants import Voortgang

register = template.Library()

_VOORTGANG = dict(Voortgang.choices)


@register.filter
def voortgang_label(waarde):
    """The Dutch label of a Voortgang value, e.g. the `jaarstatus` annotation."""
    return _VOORTGANG.get(waarde, waarde or "")
