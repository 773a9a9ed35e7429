"""A file field that speaks Dutch (issue #15, point 7).

The browser's own file button speaks the browser's language ("Choose File / No file chosen")
and cannot be restyled. So the input is hidden from view but stays in the page, focusable
and operable by keyboard; a label styled as a button opens it, and two Dutch texts say
whether a file is chosen. Which of the two shows follows from the required input's :valid
state in CSS (templates/static/driehoek.css), so no script and no inline style is needed and
the Content Security Policy stays as strict as it is.
"""

from django import forms


class Bestandkiezer(forms.FileInput):
    template_name = "monitoring/widgets/bestandkiezer.html"

    def __init__(self, attrs=None):
        attrs = {**(attrs or {})}
        attrs["class"] = f"bestandkiezer__invoer {attrs.get('class', '')}".strip()
        super().__init__(attrs)
