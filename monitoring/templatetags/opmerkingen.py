"""The jaarschijf page's list of open remarks, read here so the page's view and selector
(another floor of work) need not know of it: one query."""

from django import template

from monitoring.selectors.opmerkingen import open_opmerkingen as _open_opmerkingen

register = template.Library()


@register.simple_tag
def open_opmerkingen(jaarschijf) -> list:
    return _open_opmerkingen(jaarschijf)
