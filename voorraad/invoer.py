"""The stock figures' form fields as HTML without a template per widget: a grid of a few
hundred figures renders three widgets per figure, and Django's widget templates were most of
the page's time. The markup is the one Django's input templates write (input.html and
attrs.html), from the widget's own context, so nothing is decided twice;
tests/voorraad/test_invoer_html.py compares the two for bound, unbound and invalid forms."""

from django.forms import BoundField
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Django's templates that are input.html, as they ship (none is overridden here).
INPUT_SJABLONEN = {
    f"django/forms/widgets/{naam}.html" for naam in ("input", "text", "hidden", "checkbox")
}


def _attrs(attrs: dict) -> str:
    delen = []
    for naam, waarde in attrs.items():
        if waarde is False:
            continue
        if waarde is True:
            delen.append(f" {conditional_escape(naam)}")
        else:
            delen.append(format_html(' {}="{}"', naam, str(waarde)))
    return "".join(delen)


def veld_html(veld: BoundField) -> SafeString:
    """`str(veld)` for a field with a plain <input> widget (text, hidden, checkbox), else
    Django's own rendering."""
    widget = veld.field.widget
    if widget.template_name not in INPUT_SJABLONEN or veld.field.localize:
        return veld.as_widget()
    attrs = veld.build_widget_attrs({}, widget)
    if veld.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", veld.auto_id)
    context = widget.get_context(veld.html_name, veld.value(), attrs)["widget"]
    waarde = context["value"]
    # Every part is escaped by format_html/conditional_escape.
    return mark_safe(
        format_html('<input type="{}" name="{}"', context["type"], context["name"])
        + (format_html(' value="{}"', str(waarde)) if waarde is not None else "")
        + _attrs(context["attrs"])
        + ">"
    )
