"""The demo's content files: every one parses, every reference points somewhere, and a broken
file is refused with a message that names it."""

import shutil
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from hub.community.models import Forum
from hub.demo import reader
from hub.demo.checks import problems
from hub.demo.reader import CONTENT, ContentError, event_day, read_demo, split_sections
from hub.demo.taxonomy import categories as site_categories

# Where each kind of file lives; nothing else is read, so nothing else may be there.
EXPECTED = (
    "README.md",
    "members.toml",
    "events.toml",
    "error_traps.toml",
    "library/library.toml",
    "library/items/*.md",
    "forums/*.md",
    "networks/*/network.toml",
    "networks/*/topics/*.md",
    "networks/*/resources/*.md",
)


def _fresh(root: Path) -> reader.Demo:
    return read_demo.__wrapped__(root)


def test_every_content_file_is_in_a_place_the_reader_reads():
    files = {p for p in CONTENT.rglob("*") if p.is_file()}
    known = {p for pattern in EXPECTED for p in CONTENT.glob(pattern)}
    assert files - known == set()
    assert len(_fresh(CONTENT).files) == len(files) - 1  # all but the README


def test_every_content_file_parses_into_the_whole_demo():
    demo = _fresh(CONTENT)
    assert len(demo.members) == 16 and len(demo.organisations) == 10
    assert len(demo.items) == 65 and len(demo.topics) == 27 and len(demo.networks) == 7
    assert len(demo.events) == 10 and len(demo.traps) == 6
    assert sum(len(n["topics"]) for n in demo.networks) == 18
    assert sum(len(n["resources"]) for n in demo.networks) == 10
    assert sum(len(t["replies"]) for t in demo.topics) == 109
    for spec in demo.items:
        assert spec["title"] and spec["summary"].strip() and spec["body"].startswith("<")
    for spec in [*demo.topics, *(t for n in demo.networks for t in n["topics"])]:
        assert spec["text"].strip() and all(r["text"].strip() for r in spec["replies"])


@pytest.mark.django_db
def test_every_reference_in_the_content_exists():
    forums = set(Forum.objects.filter(parent=None).values_list("name", flat=True))
    assert problems(_fresh(CONTENT), categories=set(site_categories()), forums=forums) == []


@pytest.fixture
def copy(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.django_db
def test_broken_references_are_named_with_their_file(copy):
    item = next((copy / "library" / "items").glob("001-*.md"))
    _edit(item, 'owner = "li"', 'owner = "nobody"')
    _edit(item, '"High risk areas"', '"No such category"')
    forum = next((copy / "forums").glob("01-*.md"))
    _edit(forum, 'forum = "Patient Safety Learning"', 'forum = "Gossip"')
    _edit(forum, 'by = "maria"', 'by = "marie"')
    _edit(copy / "events.toml", 'network = "Medicines Safety Officers"', 'network = "MSO"')
    _edit(copy / "events.toml", 'day = "40 days ago"', 'day = "last tuesday"')
    _edit(copy / "error_traps.toml", 'picture = "gas_outlets"', 'picture = "gas"')
    network = next((copy / "networks").glob("2-*/network.toml"))
    _edit(network, 'parent = "Patient Safety Management Network"', 'parent = "Elsewhere"')
    forums = set(Forum.objects.values_list("name", flat=True))

    found = problems(_fresh(copy), categories=set(site_categories()), forums=forums)

    text = "\n".join(found)
    assert f"{item.name}: owner 'nobody' is not a member" in text
    assert "category 'No such category' in 'Patient safety in health and care'" in text
    assert f"{forum.name}: no forum 'Gossip'" in text
    assert f"{forum.name}: reply 1's author 'marie' is not a member" in text
    assert "no network 'MSO'" in text
    assert "'last tuesday': write '<weekday> on or after day N'" in text
    assert "no picture 'gas' in pictures.py" in text
    assert "network.toml: parent 'Elsewhere' is not a network listed before it" in text
    assert len(found) == 8


def test_a_file_that_cannot_be_read_is_named(copy):
    item = next((copy / "library" / "items").glob("002-*.md"))
    _edit(item, 'kind = "article"', 'kind = "article')
    with pytest.raises(ContentError, match=rf"{item.name}: .*at line 2,"):
        _fresh(copy)
    path = copy / "unclosed.md"
    path.write_text('+++\ntitle = "x"\n\nNo closing line\n', "utf-8")
    with pytest.raises(ContentError, match="never closed"):
        split_sections(path)


def test_replies_are_sections_after_the_opening_post(tmp_path):
    path = tmp_path / "topic.md"
    path.write_text(
        '+++\nby = "a"\n+++\nOpening\n\npost.\n\n+++ reply\nby = "b"\nhours = 3\n+++\nA reply.\n',
        "utf-8",
    )
    assert split_sections(path) == [
        ({"by": "a"}, "Opening\n\npost."),
        ({"by": "b", "hours": 3}, "A reply."),
    ]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("friday on or after day 1", date(2025, 1, 3)),
        ("wednesday on or after day 1", date(2025, 1, 8)),  # today is a Wednesday
        ("wednesday on or after day 21", date(2025, 1, 22)),
        ("next second thursday of a month", date(2025, 1, 9)),
        ("next first wednesday of a month", date(2025, 2, 5)),  # today's is not "next"
        ("next last wednesday of a month", date(2025, 1, 29)),
        ("40 days ago", date(2024, 11, 22)),
    ],
)
def test_event_days_are_relative_to_today(rule, expected):
    assert event_day(rule, date(2025, 1, 1)) == expected


@pytest.mark.django_db
def test_load_demo_refuses_broken_content_before_writing_anything(copy, monkeypatch):
    _edit(copy / "error_traps.toml", 'by = "kofi"', 'by = "kofee"')
    from hub.demo.management.commands import load_demo

    monkeypatch.setattr(load_demo, "read_demo", lambda: _fresh(copy))
    with pytest.raises(
        CommandError, match="error_traps.toml: error trap .*'kofee' is not a member"
    ):
        call_command("load_demo", stdout=StringIO())
    assert not get_user_model().objects.exists()
