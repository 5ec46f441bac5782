"""The headless API's router: /api/v2/pages/, /api/v2/offers/, /api/v2/images/."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.guide.api import GuidePagesAPIViewSet, OffersAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", GuidePagesAPIViewSet)
api_router.register_endpoint("offers", OffersAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
