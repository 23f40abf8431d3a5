from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "hub.accounts"
    label = "accounts"
    verbose_name = "Members and organisations"

    def ready(self) -> None:
        from . import signals
        from .roles import ensure_roles

        signals.connect()
        post_migrate.connect(ensure_roles, dispatch_uid="accounts.ensure_roles")

        from hub.core.queries import register_figures

        from .queries import hub_figures

        # The home page counts members, their organisations and countries.
        register_figures(hub_figures)
