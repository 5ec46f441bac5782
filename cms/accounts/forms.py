from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """One code: six digits from the app, or a backup code."""

    code = forms.CharField(label=_("Code"), max_length=32, strip=True)
