from wagtail import hooks

from .admin_views import CrawlRunViewSet, SourceViewSet


@hooks.register("register_admin_viewset")
def register_crawl_admin():
    return [SourceViewSet("crawl_sources"), CrawlRunViewSet("crawl_runs")]
