"""Preferences per kind: what notify() does for each choice, and the preferences page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hub.notifications import kinds, services
from hub.notifications.models import (
    Delivery,
    EmailSettings,
    Notification,
    NotificationPreference,
    OutboundEmail,
)

pytestmark = pytest.mark.django_db


def tell(user, kind, capture, **kwargs):
    with capture(execute=True):
        return services.notify(recipients=[user], kind=kind, title=f"About {kind}", **kwargs)


def choose(user, key, delivery):
    NotificationPreference.objects.create(user=user, kind=key, delivery=delivery)


def test_every_catalogue_entry_has_a_plain_label_a_group_and_a_valid_default():
    keys = [e.key for e in kinds.entries()]
    assert len(keys) == len(set(keys))
    for entry in kinds.entries():
        assert entry.label and entry.label[0].isupper()
        assert entry.group in {g.key for g in kinds.GROUPS}
        assert entry.default in Delivery.values and entry.default != Delivery.OFF


def test_kind_strings_map_to_their_entries_and_unknown_ones_to_other():
    assert kinds.entry_for("networks:request:approved").key == "networks:request:decision"
    assert kinds.entry_for("networks:member:removed").key == "networks:membership"
    assert kinds.entry_for("events:reminder").group == "events"
    assert kinds.entry_for("something:new") is kinds.OTHER


def test_defaults_email_what_is_addressed_to_you_and_digest_what_you_follow(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    (mention,) = tell(member, "community:mention", django_capture_on_commit_callbacks)
    (new_item,) = tell(member, "library:new_item", django_capture_on_commit_callbacks)

    assert (mention.delivery, new_item.delivery) == ("immediate", "daily")
    assert [m.subject for m in mailoutbox] == ["[Safety Hub] About community:mention"]


@pytest.mark.parametrize(
    ("delivery", "stored", "emails", "outbox_rows"),
    [
        ("site", True, 0, 0),
        ("immediate", True, 1, 1),
        ("daily", True, 0, 0),
        ("weekly", True, 0, 0),
        ("off", False, 0, 0),
    ],
)
def test_each_choice_decides_what_notify_does(
    member, mailoutbox, django_capture_on_commit_callbacks, delivery, stored, emails, outbox_rows
):
    choose(member, "community:mention", delivery)

    created = tell(member, "community:mention", django_capture_on_commit_callbacks)

    assert Notification.objects.filter(recipient=member).exists() is stored
    if stored:
        assert created[0].delivery == delivery
        assert created[0].email_wanted is (delivery in ("immediate", "daily", "weekly"))
    assert len(mailoutbox) == emails
    assert OutboundEmail.objects.count() == outbox_rows


def test_a_choice_for_one_kind_leaves_other_kinds_alone(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    choose(member, "library:decision", "site")

    tell(member, "library:decision", django_capture_on_commit_callbacks)
    tell(member, "library:review", django_capture_on_commit_callbacks)

    assert [m.subject for m in mailoutbox] == ["[Safety Hub] About library:review"]


def test_one_entry_covers_all_its_kind_strings(member, django_capture_on_commit_callbacks):
    choose(member, "networks:request:decision", "weekly")

    (approved,) = tell(member, "networks:request:approved", django_capture_on_commit_callbacks)
    (declined,) = tell(member, "networks:request:declined", django_capture_on_commit_callbacks)

    assert approved.delivery == declined.delivery == "weekly"


def test_paused_email_keeps_notifications_on_the_site_only(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    EmailSettings.objects.create(user=member, email_paused=True)

    (told,) = tell(member, "community:mention", django_capture_on_commit_callbacks)

    assert told.delivery == "site" and mailoutbox == []


def test_email_false_keeps_it_on_the_site_whatever_the_choice(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    (told,) = tell(member, "community:mention", django_capture_on_commit_callbacks, email=False)

    assert told.delivery == "site" and mailoutbox == []


def test_a_choice_changed_after_queueing_stops_the_immediate_email(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    (told,) = services.notify(recipients=[member], kind="community:mention", title="Hi")
    choose(member, "community:mention", "site")

    from hub.notifications.tasks import deliver_outbox

    assert deliver_outbox.call() == {"skipped": 1}
    assert mailoutbox == []


def test_preferences_set_saves_changes_and_refuses_nonsense(member):
    changed = services.preferences_set(
        actor=member, choices={"library:new_item": "weekly", "community:mention": "immediate"}
    )

    assert changed == 1  # the mention was already at its default
    assert services.preferences_for(user=member)["library:new_item"] == "weekly"
    with pytest.raises(ValidationError):
        services.preferences_set(actor=member, choices={"library:new_item": "hourly"})
    with pytest.raises(ValidationError):
        services.preferences_set(actor=member, choices={"no:such": "site"})


def test_preferences_set_needs_a_member():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.preferences_set(actor=AnonymousUser(), choices={})


# The page ----------------------------------------------------------------------------------

URL = reverse("notifications:preferences")


def form_data(**overrides):
    data = {f"kind-{e.key}": e.default for e in kinds.entries()}
    data.update({f"kind-{k}": v for k, v in overrides.items()})
    return data


def test_the_page_asks_visitors_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_shows_every_kind_grouped_with_the_current_choice(
    client, member, django_assert_max_num_queries
):
    choose(member, "library:new_item", "weekly")
    client.force_login(member)

    with django_assert_max_num_queries(8):
        html = client.get(URL).content.decode()

    for group, entries in kinds.grouped():
        assert f"<h2>{group.label}</h2>" in html
        for entry in entries:
            assert f"<legend>{entry.label}</legend>".replace("'", "&#x27;") in html
    assert 'id="kind-librarynew_item-weekly" value="weekly" checked' in html
    assert 'id="kind-communitymention-immediate" value="immediate" checked' in html
    assert 'aria-current="page">Notifications</a>' in html


def test_saving_the_page_stores_the_choices(client, member):
    client.force_login(member)

    response = client.post(URL, form_data(**{"library:new_item": "weekly"}), follow=True)

    assert "Your notification choices are saved." in response.content.decode()
    assert services.preferences_for(user=member)["library:new_item"] == "weekly"
    assert not services.email_paused(user=member)


def test_pausing_all_email_from_the_page(client, member):
    client.force_login(member)

    client.post(URL, {**form_data(), "email_paused": "on"})

    assert services.email_paused(user=member)


def test_a_bad_choice_is_explained_and_keeps_what_was_chosen(client, member):
    client.force_login(member)

    response = client.post(
        URL, form_data(**{"library:new_item": "weekly", "community:mention": "hourly"})
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose how to hear about “Someone mentions you”." in html
    assert 'id="kind-librarynew_item-weekly" value="weekly" checked' in html
    assert not NotificationPreference.objects.exists()
