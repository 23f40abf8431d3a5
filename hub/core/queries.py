from collections.abc import Callable

from django.core.cache import cache

# Apps that own what the home page counts register a function returning their figures
# (hub.accounts: members, organisations, countries), from their AppConfig.ready().
_figure_sources: list[Callable[[], dict[str, int]]] = []


def register_figures(source: Callable[[], dict[str, int]]) -> None:
    if source not in _figure_sources:
        _figure_sources.append(source)


def hub_figures() -> dict[str, int]:
    """Headline figures for the home page, cached briefly: they change slowly."""
    figures = cache.get("core:hub_figures")
    if figures is None:
        figures = {}
        for source in _figure_sources:
            figures.update(source())
        cache.set("core:hub_figures", figures, 300)
    return figures
