"""The catalogue of notification kinds: what members can choose how to hear about.

Services call notify(kind="library:new_item", …) with a kind string. Each catalogue entry
covers one or more kind strings under one plain-English label, in a group, with a default
delivery. A kind string no entry covers falls under OTHER. Apps may add entries with
register_kind() (in their AppConfig.ready).
"""

from dataclasses import dataclass

from .models import Delivery


@dataclass(frozen=True)
class Group:
    key: str
    label: str


@dataclass(frozen=True)
class KindEntry:
    key: str
    label: str
    group: str
    default: str
    kinds: tuple[str, ...] = ()

    def matches(self) -> tuple[str, ...]:
        return self.kinds or (self.key,)


GROUPS = [
    Group("following", "Things you follow"),
    Group("you", "Addressed to you"),
    Group("networks", "Your networks"),
    Group("editorial", "Editorial work"),
    Group("events", "Events"),
    Group("other", "Other"),
]

_entries: dict[str, KindEntry] = {}
_by_kind: dict[str, KindEntry] = {}


def register_kind(entry: KindEntry) -> None:
    if entry.group not in {g.key for g in GROUPS}:
        raise ValueError(f"Unknown notification group {entry.group!r}")
    _entries[entry.key] = entry
    for kind in entry.matches():
        _by_kind[kind] = entry


OTHER = KindEntry("other", "Other notices from the hub", "other", Delivery.IMMEDIATE)

for _entry in (
    KindEntry(
        "library:new_item",
        "New library items in categories, tags and networks you follow",
        "following",
        Delivery.DAILY,
    ),
    KindEntry(
        "community:topic",
        "New discussions in forums and networks you follow",
        "following",
        Delivery.DAILY,
    ),
    KindEntry(
        "community:reply", "Replies in discussions you follow", "following", Delivery.IMMEDIATE
    ),
    KindEntry(
        "engagement:comment",
        "Comments on things you follow, and replies to your comments",
        "following",
        Delivery.IMMEDIATE,
    ),
    KindEntry("community:mention", "Someone mentions you", "you", Delivery.IMMEDIATE),
    KindEntry(
        "networks:request:decision",
        "Decisions on your requests to join a network",
        "you",
        Delivery.IMMEDIATE,
        ("networks:request:approved", "networks:request:declined"),
    ),
    KindEntry("networks:invitation", "Invitations to join a network", "you", Delivery.IMMEDIATE),
    KindEntry(
        "networks:membership",
        "Changes to your membership of a network (added, removed, new role)",
        "networks",
        Delivery.IMMEDIATE,
        ("networks:member:added", "networks:member:removed", "networks:member:role"),
    ),
    KindEntry(
        "networks:leading",
        "For network leaders: join requests and answers to invitations",
        "networks",
        Delivery.IMMEDIATE,
        ("networks:request", "networks:invitation:accepted", "networks:invitation:declined"),
    ),
    KindEntry(
        "library:decision",
        "Editors' decisions on items you wrote",
        "editorial",
        Delivery.IMMEDIATE,
    ),
    KindEntry(
        "library:review", "For editors: items waiting for review", "editorial", Delivery.IMMEDIATE
    ),
    KindEntry(
        "events:registration",
        "Your event registrations and waiting-list places",
        "events",
        Delivery.IMMEDIATE,
    ),
    KindEntry(
        "events:change", "Changes to events you registered for", "events", Delivery.IMMEDIATE
    ),
    KindEntry(
        "events:reminder",
        "Reminders the day before events you registered for",
        "events",
        Delivery.IMMEDIATE,
    ),
    OTHER,
):
    register_kind(_entry)


def entry_for(kind: str) -> KindEntry:
    """The catalogue entry covering a kind string (OTHER when none does)."""
    return _by_kind.get(kind) or _entries.get(kind) or OTHER


def entries() -> list[KindEntry]:
    return list(_entries.values())


def get(key: str) -> KindEntry | None:
    return _entries.get(key)


def grouped() -> list[tuple[Group, list[KindEntry]]]:
    """The catalogue in page order: each group with its entries (empty groups left out)."""
    out = []
    for group in GROUPS:
        members = [e for e in _entries.values() if e.group == group.key]
        if members:
            out.append((group, members))
    return out


def kinds_in_group(group_key: str) -> list[str]:
    """Every kind string shown under a group (for the centre's filter)."""
    return [kind for e in _entries.values() if e.group == group_key for kind in e.matches()]


def known_kind_strings() -> set[str]:
    return set(_by_kind)
