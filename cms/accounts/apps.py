from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "accounts"
    verbose_name = "Staff logins"

    def ready(self) -> None:
        from . import roles

        roles.connect_signals()
