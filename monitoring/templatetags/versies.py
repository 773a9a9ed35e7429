"""The jaarschijf page's list of versions, read here so the page's view (another floor of
work) need not know of it: one query for a jaarschijf never signed, three otherwise."""

from django import template

from monitoring.selectors.versies import jaarschijf_versies as _jaarschijf_versies

register = template.Library()


@register.simple_tag
def jaarschijf_versies(jaarschijf) -> list:
    return _jaarschijf_versies(jaarschijf)
