"""Odd parameters get a sensible default or a 400, never a server error (issue 21, item 10)."""

import pytest

from hub.core import params

pytestmark = pytest.mark.django_db

ODD = ["²", "³", "٣", "𝟗", "9" * 40, "1e309", "", "-", "+", " 7 "]


def test_the_helpers_read_only_ascii_numbers_within_bounds():
    assert [params.int_param(v) for v in ODD] == [None] * 9 + [7]
    assert params.page_param("²") == params.page_param("9" * 40) == params.page_param("-1") == 1
    assert params.page_param("3") == 3
    assert params.id_list(["³", "4,5", "x", "4", "9" * 40, "-2"]) == [4, 5]
    assert params.date_param("2024-13-45") is None
    assert str(params.date_param("2024-02-29")) == "2024-02-29"
    assert params.local_path("//evil.example") == params.local_path("²") == "/"
    assert params.local_path("/events/?a=1") == "/events/?a=1"
    assert params.single_line("A\r\nB\n\tC\x00") == "A B C"


@pytest.mark.parametrize("value", ["²", "³", "٣", "9" * 40, "-1"])
def test_search_page_json_and_feed_take_any_page(client, value):
    assert client.get("/search/", {"q": "handover", "page": value}).status_code == 200
    json = client.get("/search/", {"q": "handover", "page": value, "format": "json"})
    assert json.status_code == 200 and json.json()["page"] == 1
    assert client.get("/search/feed/", {"q": "handover", "page": value}).status_code == 200


def test_marking_notifications_with_odd_ids_says_tick_some(client, member):
    client.force_login(member)
    for data in [{"only": "²"}, {"ids": ["³", "٣"]}, {"ids": "9" * 40}]:
        response = client.post("/notifications/mark/", data, follow=True)
        assert response.status_code == 200
        assert "Tick the notifications you want to mark first." in response.content.decode()


def test_the_cookie_notice_returns_only_to_a_local_page(client):
    for value, target in [("²", "/"), ("//evil.example/", "/"), ("/library/", "/library/")]:
        response = client.post("/cookies/hide-notice/", {"next": value})
        assert response.status_code == 302 and response["Location"] == target


def test_a_month_out_of_range_is_a_400_not_an_overflow(client):
    for value in ["9" * 40 + "-1", "2024-13", "²-1", "2024-٣"]:
        assert client.get("/events/calendar/", {"month": value}).status_code == 400
    assert client.get("/events/calendar/", {"month": "2030-01"}).status_code == 200


def test_a_nul_character_is_a_400_in_the_address_and_dropped_from_parameters(client, member):
    assert client.get("/members/a%00b/").status_code == 400
    assert "We could not read that request" in client.get("/library/item/%00/").content.decode()
    assert client.get("/search/", {"q": "a\x00b", "page": "\x00"}).status_code == 200
    client.force_login(member)
    response = client.post("/notifications/mark/", {"ids": "\x00", "next\x00": "\x00"})
    assert response.status_code == 302


def test_the_member_admin_shows_a_tampered_organisation_again_instead_of_failing(
    client, admin_member, member
):
    client.force_login(admin_member)
    response = client.post(
        f"/admin/accounts/user/{member.pk}/change/",
        {"username": member.username, "organisation": "²"},
    )
    assert response.status_code == 200  # the form again, with its errors
