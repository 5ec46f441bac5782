from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Lotse"

    def ready(self) -> None:
        from . import admin_csp

        admin_csp.install()
