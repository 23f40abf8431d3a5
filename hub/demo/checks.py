"""Every reference in the demo content points somewhere: authors and other members,
organisations, series, networks, write-ups, pictures, event days, quotes, and (when given) the
site's categories and forums. Each problem names its file and what to fix."""

from collections import Counter
from datetime import date

from .pictures import PICTURES
from .reader import ContentError, Demo, event_times

STATES = {"published", "submitted", "returned", "draft"}
NETWORK_KINDS = {"open", "request", "private"}


def problems(
    demo: Demo,
    *,
    categories: set[tuple[str, str | None]] | None = None,
    forums: set[str] | None = None,
) -> list[str]:
    """What is wrong with the content, as messages (empty when all is well). `categories`
    ((area, category or None) pairs) and `forums` (names) are checked when given."""
    found: list[str] = []
    members = {spec["username"] for spec in demo.members}
    where_members = "content/members.toml"

    def member(name: str, where: str, what: str) -> None:
        if name not in members:
            found.append(f"{where}: {what} {name!r} is not a member in {where_members}")

    for name, count in Counter(spec["username"] for spec in demo.members).items():
        if count > 1:
            found.append(f"{where_members}: member {name!r} is listed {count} times")
    organisations = {spec["name"] for spec in demo.organisations}
    for spec in demo.members:
        if spec.get("organisation") and spec["organisation"] not in organisations:
            found.append(
                f"{where_members}: {spec['username']}'s organisation {spec['organisation']!r} "
                "is not in [[organisations]]"
            )
    for job, name in demo.jobs.items():
        member(name, where_members, f"the {job}")
    for name in demo.reactors:
        member(name, "content/library/library.toml", "reactor")

    def category_pairs(pairs, where: str) -> None:
        for pair in pairs:
            if categories is not None and tuple(pair) not in categories:
                area, name = pair
                what = f"area {area!r}" if name is None else f"category {name!r} in {area!r}"
                found.append(f"{where}: no {what} in hub/taxonomy/data/taxonomy.json")

    def category_name(name: str, where: str) -> None:
        if categories is not None and name not in {c for _, c in categories if c}:
            found.append(f"{where}: no category {name!r} in hub/taxonomy/data/taxonomy.json")

    titles = Counter(spec["title"] for spec in demo.items)
    for spec in demo.items:
        where = spec["source"]
        if titles[spec["title"]] > 1:
            found.append(f"{where}: another item has the title {spec['title']!r}")
        member(spec["owner"], where, "owner")
        if spec.get("state", "published") not in STATES:
            found.append(f"{where}: state {spec['state']!r} is not one of {sorted(STATES)}")
        if spec.get("series") and spec["series"] not in demo.series:
            found.append(f"{where}: series {spec['series']!r} is not in library/library.toml")
        category_pairs(spec["categories"], where)
        for thread in demo.comments.get(spec["title"], []):
            for comment in [thread, *thread.get("replies", [])]:
                member(comment["by"], where, "comment author")
    for spec in demo.topics:
        if forums is not None and spec["forum"] not in forums:
            found.append(f"{spec['source']}: no forum {spec['forum']!r}")
        _thread(spec, member, found)
    names = [spec["name"] for spec in demo.networks]
    resources = set()
    for spec in demo.networks:
        where = spec["source"]
        if names.count(spec["name"]) > 1:
            found.append(f"{where}: another network is called {spec['name']!r}")
        if spec["kind"] not in NETWORK_KINDS:
            found.append(f"{where}: kind {spec['kind']!r} is not one of {sorted(NETWORK_KINDS)}")
        if spec.get("parent") and spec["parent"] not in names[: names.index(spec["name"])]:
            found.append(f"{where}: parent {spec['parent']!r} is not a network listed before it")
        member(spec["leader"], where, "leader")
        for key in ("members", "pending", "declined"):
            for name, *_ in spec.get(key, []):
                member(name, where, key.rstrip("s"))
        for name in [*spec.get("moderators", []), *spec.get("invited", [])]:
            member(name, where, "member")
        for topic in spec["topics"]:
            _thread(topic, member, found)
        for resource in spec["resources"]:
            member(resource["by"], resource["source"], "author")
            category_pairs(resource["categories"], resource["source"])
            resources.add(resource["title"])
    where = "content/events.toml"
    for spec in demo.events:
        what = f"event {spec['title']!r}"
        member(spec["by"], where, f"{what}: organiser")
        for name in spec.get("attendees", []):
            member(name, where, f"{what}: attendee")
        if spec.get("network") and spec["network"] not in names:
            found.append(f"{where}: {what}: no network {spec['network']!r}")
        if spec.get("writeup") and spec["writeup"] not in set(titles) | resources:
            found.append(f"{where}: {what}: write-up {spec['writeup']!r} is not a demo item")
        if spec.get("category"):
            category_name(spec["category"], f"{where}: {what}")
        try:
            event_times(spec, date.today())
        except (ContentError, KeyError, ValueError) as error:
            found.append(f"{where}: {what}: {error}")
    where = "content/error_traps.toml"
    for spec in demo.traps:
        what = f"error trap {spec['title']!r}"
        member(spec["by"], where, f"{what}: uploader")
        if spec["picture"] not in PICTURES:
            found.append(f"{where}: {what}: no picture {spec['picture']!r} in pictures.py")
        category_name(spec["category"], f"{where}: {what}")
    return found


def _thread(spec: dict, member, found: list[str]) -> None:
    """A discussion's authors, and each quotation taken from an earlier post in it."""
    where = spec["source"]
    member(spec["by"], where, "author")
    posts = [spec["text"], *(reply["text"] for reply in spec["replies"])]
    for number, reply in enumerate(spec["replies"], start=2):
        member(reply["by"], where, f"reply {number - 1}'s author")
        if "quote" not in reply:
            continue
        if not 1 <= reply["quote"] < number:
            found.append(f"{where}: reply {number - 1} quotes post {reply['quote']}, not earlier")
        elif " ".join(reply.get("quote_text", "").split()) not in " ".join(
            posts[reply["quote"] - 1].split()
        ):
            found.append(
                f"{where}: reply {number - 1}'s quote_text is not in post {reply['quote']}"
            )
