"""`{{ veld|invoerveld }}`: a form field as voorraad.invoer.veld_html renders it."""

from django import template

from voorraad.invoer import veld_html

register = template.Library()


@register.filter
def invoerveld(veld):
    return veld_html(veld)
