from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .api import api_router
from .guide import views as guide_views

# A database outage is answered with 503 and Retry-After (cms.unavailable).
handler500 = "cms.unavailable.server_error_or_unavailable"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/participants/", include("matching.api_urls")),
    path("api/v1/", include("search.api_urls")),
    path("api/v2/", api_router.urls),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving catches everything else, so it comes last.
# German pages live at /, every other language under its prefix (/en/, /ar/ ...).
urlpatterns += i18n_patterns(
    path("search/", guide_views.search, name="guide_search"),
    # The vacancy search at the office PC (search/urls.py).
    path("stellen/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
