from django.contrib.auth import get_user_model
from django.core.cache import cache

from hub.accounts.models import Organisation


def hub_figures() -> dict[str, int]:
    """Headline figures for the home page, cached briefly: they change slowly."""
    figures = cache.get("core:hub_figures")
    if figures is None:
        users = get_user_model().objects.filter(is_active=True)
        figures = {
            "members": users.count(),
            "organisations": Organisation.objects.filter(members__is_active=True)
            .distinct()
            .count(),
            "countries": users.exclude(country="").values("country").distinct().count(),
        }
        cache.set("core:hub_figures", figures, 300)
    return figures
