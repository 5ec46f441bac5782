from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"

    def ready(self) -> None:
        from search.signals import vacancies_changed

        from .tasks import on_vacancies_changed

        vacancies_changed.connect(on_vacancies_changed, dispatch_uid="matching.vacancies_changed")
