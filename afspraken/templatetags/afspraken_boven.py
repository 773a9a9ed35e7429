"""`{% boven_url "slot" kwarg=... %}`: a link to a page of a floor above (afspraken.boven),
so afspraken's templates never name an upper app's URL. Accepts `as name` like `{% url %}`."""

from django import template

from afspraken import boven

register = template.Library()


@register.simple_tag
def boven_url(slot: str, **kwargs) -> str:
    return boven.url(slot, **kwargs)
