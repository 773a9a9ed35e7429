"""What changed since the previous jaarschijf, for the jaarschijf page's on-demand section
(monitoring/jaarschijf/_wijzigingen.html): the comparison is read only when asked for
(`?wijzigingen=1`), so the page itself costs one query more (the previous year's name)."""

from django import template

from monitoring.selectors import wijzigingen as selector

register = template.Library()


@register.simple_tag
def vorige_jaarschijf(jaarschijf):
    return selector.vorige_jaarschijf(jaarschijf)


@register.simple_tag
def wijzigingen_sinds(vorige, document) -> list:
    return selector.sinds(vorige, document)
