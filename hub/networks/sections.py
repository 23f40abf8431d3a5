"""What other apps show on a network's pages: a registry they fill from AppConfig.ready().

A network's page lists its latest discussions, resources and upcoming events, but those belong
to the community, library and events apps, which sit above networks. Each registers a
`Section` instead of networks importing them:

    from hub.networks.sections import Section, register_section

    register_section(Section(
        key="discussions",
        everything=lambda viewer, network: queries.topic_list(viewer=viewer, network=network),
        latest=lambda viewer, network, limit: queries.latest_topics(
            viewer=viewer, network=network, limit=limit
        ),
    ))

The reads enforce visibility themselves (they are the apps' own queries). A section that is
not registered reads as empty, so the pages say "No discussions yet" instead of failing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any


@dataclass(frozen=True)
class Section:
    key: str
    # (viewer, network) -> everything of this kind the viewer may see in the network.
    everything: Callable[[Any, Any], Any] | None = None
    # (viewer, network, limit) -> the newest few; without it, the first `limit` of everything.
    latest: Callable[[Any, Any, int], Any] | None = None
    # (viewer, network) -> more context for the network's front page (members only).
    page_context: Callable[[Any, Any], dict[str, Any]] | None = None
    # (viewer) -> the time zone the front page shows times in.
    time_zone: Callable[[Any], tzinfo] | None = None


_sections: dict[str, Section] = {}


def register_section(section: Section) -> None:
    _sections[section.key] = section


def sections() -> list[Section]:
    return list(_sections.values())


def everything(key: str, viewer: Any, network: Any) -> Any:
    section = _sections.get(key)
    if section is None or section.everything is None:
        return []
    return section.everything(viewer, network)


def latest(key: str, viewer: Any, network: Any, limit: int) -> list[Any]:
    section = _sections.get(key)
    if section is None:
        return []
    if section.latest is not None:
        return list(section.latest(viewer, network, limit))
    return list(everything(key, viewer, network)[:limit])


def page_context(viewer: Any, network: Any) -> tuple[dict[str, Any], tzinfo | None]:
    """Every section's extra context for the front page, and the time zone to show it in."""
    context: dict[str, Any] = {}
    zone = None
    for section in _sections.values():
        if section.page_context is not None:
            context.update(section.page_context(viewer, network))
        if section.time_zone is not None and zone is None:
            zone = section.time_zone(viewer)
    return context, zone
