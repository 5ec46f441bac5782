from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self) -> None:
        from . import sync  # noqa: F401 - connects the outbox to Vacancy's save and delete
