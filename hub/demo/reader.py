"""Read the demo's content files (hub/demo/content/, described in its README.md) into plain
dicts and lists for the loaders. Parsing only: no database. `problems()` lists every reference
(member, organisation, forum, category, series, network, picture) that points nowhere."""

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

CONTENT = Path(__file__).resolve().parent / "content"

FENCE = "+++"
REPLY_FENCE = "+++ reply"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


class ContentError(ValueError):
    """A content file that cannot be read: the message names the file and what is wrong."""


@dataclass
class Demo:
    password: str
    jobs: dict[str, str]
    organisations: list[dict[str, Any]]
    members: list[dict[str, Any]]
    series: dict[str, tuple[str, str]]
    reactors: list[str]
    items: list[dict[str, Any]]
    comments: dict[str, list[dict[str, Any]]]
    topics: list[dict[str, Any]]
    networks: list[dict[str, Any]]
    events: list[dict[str, Any]]
    traps: list[dict[str, Any]]
    files: list[Path] = field(default_factory=list)


def _toml(path: Path, text: str | None = None, *, first_line: int = 1) -> dict[str, Any]:
    """TOML from a file, or from the front matter starting at `first_line` of it; an error
    names the file and the line in it."""
    try:
        return tomllib.loads(path.read_text("utf-8") if text is None else text)
    except tomllib.TOMLDecodeError as error:
        message = re.sub(
            r"\(at line (\d+)", lambda m: f"(at line {int(m[1]) + first_line - 1}", str(error)
        )
        raise ContentError(f"{_relative(path)}: {message}") from None


def split_sections(path: Path) -> list[tuple[dict[str, Any], str]]:
    """A Markdown file: a `+++` TOML block and its text, then any number of replies, each a
    `+++ reply` line, its TOML block closed by `+++`, and its text."""
    lines = path.read_text("utf-8").splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(f"{_relative(path)}: must start with a {FENCE} line (TOML front matter)")
    sections: list[tuple[dict[str, Any], str]] = []
    position = 0
    while position < len(lines):
        start = position + 1
        try:
            end = next(i for i in range(start, len(lines)) if lines[i].strip() == FENCE)
        except StopIteration:
            raise ContentError(
                f"{_relative(path)}: front matter from line {position + 1} never closed "
                f"by a {FENCE} line"
            ) from None
        front = _toml(path, "\n".join(lines[start:end]), first_line=start + 1)
        following = next(
            (i for i in range(end + 1, len(lines)) if lines[i].strip() == REPLY_FENCE),
            len(lines),
        )
        sections.append((front, "\n".join(lines[end + 1 : following]).strip()))
        position = following
    return sections


def _relative(path: Path) -> str:
    """A content file's name as people see it in the repository."""
    try:
        return str(path.relative_to(CONTENT.parent.parent.parent))
    except ValueError:
        return str(path)


def _numbered(folder: Path, suffix: str) -> list[Path]:
    return sorted(p for p in folder.glob(f"*{suffix}") if p.is_file())


def _categories(value: list[list[str]], path: Path) -> list[tuple[str, str | None]]:
    chosen = []
    for entry in value:
        if not isinstance(entry, list) or len(entry) not in (1, 2):
            raise ContentError(
                f"{_relative(path)}: a category is [area] or [area, category], not {entry!r}"
            )
        chosen.append((entry[0], entry[1] if len(entry) == 2 else None))
    return chosen


def _item(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    sections = split_sections(path)
    if len(sections) != 1:
        raise ContentError(f"{_relative(path)}: an item has no replies (use [[comments]])")
    spec, body = dict(sections[0][0]), sections[0][1]
    spec["body"] = body
    spec["source"] = _relative(path)
    spec["categories"] = _categories(spec.get("categories", []), path)
    if "actions" in spec:
        spec["actions"] = [
            (
                a["description"],
                a["owner_role"],
                a["measure"],
                a["due_in_days"],
                a["strength"],
                a["status"],
            )
            for a in spec["actions"]
        ]
    comments = spec.pop("comments", [])
    return spec, comments


def _thread(path: Path) -> dict[str, Any]:
    (spec, text), *replies = split_sections(path)
    replies = [{**reply, "text": t} for reply, t in replies]
    return {**spec, "text": text, "replies": replies, "source": _relative(path)}


def _resource(path: Path) -> dict[str, Any]:
    spec, text = split_sections(path)[0]
    categories = _categories(spec.get("categories", []), path)
    return {**spec, "text": text, "categories": categories, "source": _relative(path)}


def _network(folder: Path) -> dict[str, Any]:
    spec = _toml(folder / "network.toml")

    def people(key: str, *fields: str) -> list[tuple]:
        found = []
        for entry in spec.get(key, []):
            entry = {"username": entry} if isinstance(entry, str) else entry
            found.append((entry["username"], *(entry.get(name, "") for name in fields)))
        return found

    spec["members"] = people("members", "answer")
    for key, fields in (("pending", ("answer",)), ("declined", ("answer", "reason"))):
        if key in spec:
            spec[key] = people(key, *fields)
    spec["source"] = _relative(folder / "network.toml")
    spec["topics"] = [_thread(p) for p in _numbered(folder / "topics", ".md")]
    spec["resources"] = [_resource(p) for p in _numbered(folder / "resources", ".md")]
    return spec


@cache
def read_demo(root: Path = CONTENT) -> Demo:
    """Every content file under `root`, parsed (cached: the files do not change while running)."""
    people = _toml(root / "members.toml")
    library = _toml(root / "library" / "library.toml")
    items, comments = [], {}
    for path in _numbered(root / "library" / "items", ".md"):
        spec, threads = _item(path)
        items.append(spec)
        if threads:
            comments[spec["title"]] = threads
    networks = [_network(p) for p in sorted(root.glob("networks/*/")) if p.is_dir()]
    events = _toml(root / "events.toml").get("events", [])
    for event in events:
        event["speakers"] = [(s["name"], s["role"]) for s in event.get("speakers", [])]
    return Demo(
        password=people["password"],
        jobs=people["jobs"],
        organisations=people.get("organisations", []),
        members=people.get("members", []),
        series={key: (s["name"], s["description"]) for key, s in library["series"].items()},
        reactors=library.get("reactors", []),
        items=items,
        comments=comments,
        topics=[_thread(p) for p in _numbered(root / "forums", ".md")],
        networks=networks,
        events=events,
        traps=_toml(root / "error_traps.toml").get("traps", []),
        files=sorted(
            p for p in root.rglob("*") if p.suffix in {".md", ".toml"} and p.name != "README.md"
        ),
    )


# Event days are written relative to the day the demo loads, so it always has something ahead.
ON_OR_AFTER = re.compile(r"^(?P<weekday>[a-z]+) on or after day (?P<days>-?\d+)$")
NTH_OF_MONTH = re.compile(r"^next (?P<nth>[a-z]+) (?P<weekday>[a-z]+) of a month$")
DAYS_AGO = re.compile(r"^(?P<days>\d+) days ago$")


def _weekday(name: str) -> int:
    if name not in WEEKDAYS:
        raise ContentError(f"no weekday {name!r}")
    return WEEKDAYS.index(name)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (or last, -1) given weekday of a month."""
    if nth == -1:
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def event_day(rule: str, today: date) -> date:
    """ "friday on or after day 1" (day 0 is today), "next second thursday of a month" (after
    today), or "40 days ago"."""
    rule = " ".join(rule.lower().split())
    if match := ON_OR_AFTER.match(rule):
        day = today + timedelta(days=int(match["days"]))
        return day + timedelta(days=(_weekday(match["weekday"]) - day.weekday()) % 7)
    if match := NTH_OF_MONTH.match(rule):
        if match["nth"] not in ORDINALS:
            raise ContentError(f"{rule!r}: the week is one of {', '.join(ORDINALS)}")
        weekday, nth = _weekday(match["weekday"]), ORDINALS[match["nth"]]
        year, month = today.year, today.month
        for _ in range(3):
            day = _nth_weekday(year, month, weekday, nth)
            if day > today:
                return day
            year, month = year + (month == 12), month % 12 + 1
    if match := DAYS_AGO.match(rule):
        return today - timedelta(days=int(match["days"]))
    raise ContentError(
        f"{rule!r}: write '<weekday> on or after day N', 'next <first|second|third|fourth|last> "
        "<weekday> of a month' or 'N days ago'"
    )


def _clock(day: date, value: str) -> datetime:
    hour, minute = (int(part) for part in value.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute)


def event_times(spec: dict[str, Any], today: date) -> dict[str, Any]:
    """An event's start, end and last repeat as the loader needs them, for a given today."""
    day = event_day(spec["day"], today) + timedelta(days=spec.get("plus_days", 0))
    times = {
        "local_start": _clock(day, spec["start_time"]),
        "local_end": _clock(day + timedelta(days=spec.get("end_days_later", 0)), spec["end_time"]),
    }
    if "repeat_until_days_later" in spec:
        times["repeat_until"] = day + timedelta(days=spec["repeat_until_days_later"])
    return times
