from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("before_serve_page")
def never_serve_an_alias_under_another_language(page, request, serve_args, serve_kwargs):
    """An alias shows its original's content; under another locale that is the
    German text labelled as, say, Arabic. Send the reader to the original."""
    if page.alias_of_id is not None and page.alias_of.locale_id != page.locale_id:
        return redirect(page.alias_of.url)
    return None


@hooks.register("insert_global_admin_css")
def start_widgets_without_inline_script():
    """Wagtail's widgets started from data (cms/admin_csp.py), for the admin's CSP.

    In the <head> (through the CSS hook), so that admin-init.js listens for the
    parsed page before Wagtail's own scripts do: the widgets then start before
    Wagtail's controllers connect, as they did with Wagtail's inline scripts (a
    chooser's menu, for one, is moved out of the chooser once connected).
    """
    return format_html('<script src="{}"></script>', static("cms/admin-init.js"))
