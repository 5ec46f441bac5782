from django.shortcuts import redirect
from wagtail import hooks


@hooks.register("before_serve_page")
def never_serve_an_alias_under_another_language(page, request, serve_args, serve_kwargs):
    """An alias shows its original's content; under another locale that is the
    German text labelled as, say, Arabic. Send the reader to the original."""
    if page.alias_of_id is not None and page.alias_of.locale_id != page.locale_id:
        return redirect(page.alias_of.url)
    return None
