"""The /engage/ pages: plain forms that post and redirect back to the target."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from hub.engagement import services, views
from hub.engagement.models import Comment, Follow, Reaction
from hub.taxonomy.models import Category

pytestmark = pytest.mark.django_db


def ct(obj) -> int:
    return ContentType.objects.get_for_model(obj).pk


def comment_url(obj) -> str:
    return f"/engage/comment/{ct(obj)}/{obj.pk}/"


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return member


# Posting comments -------------------------------------------------------------------------


def test_posting_a_comment_redirects_to_it_with_a_message(client, signed_in, item):
    response = client.post(comment_url(item), {"body": "Thank you for sharing this."})

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{item.get_absolute_url()}#comment-{comment.pk}"
    assert comment.body == "<p>Thank you for sharing this.</p>"
    assert comment.author == signed_in
    assert "Your comment is posted." in messages_of(response)


def test_posting_a_reply_and_an_anonymous_comment(client, signed_in, other_member, item):
    top = services.comment_add(actor=other_member, target=item, body="<p>Top</p>")

    client.post(comment_url(item), {"body": "Same here", "parent": top.pk, "anonymous": "on"})

    reply = Comment.objects.get(author=signed_in)
    assert reply.parent == top
    assert reply.is_anonymous is True


def test_a_comment_page_only_takes_posts(client, signed_in, item):
    assert client.get(comment_url(item)).status_code == 405


def test_a_visitor_is_asked_to_sign_in_before_posting(client, item):
    response = client.post(comment_url(item), {"body": "Hello"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Comment.objects.exists()


def test_commenting_on_a_draft_the_viewer_cannot_see_is_a_404(client, signed_in, draft_item):
    response = client.post(comment_url(draft_item), {"body": "Hello"})

    assert response.status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "path", ["/engage/comment/999999/1/", "/engage/react/999999/1/", "/engage/follow/999999/1/"]
)
def test_an_unknown_content_type_is_a_404(client, signed_in, path):
    assert client.post(path, {"body": "x", "kind": "like", "following": "1"}).status_code == 404


def test_a_model_that_takes_no_comments_is_a_404(client, signed_in, other_member):
    response = client.post(f"/engage/comment/{ct(other_member)}/{other_member.pk}/", {"body": "x"})

    assert response.status_code == 404


def test_the_author_of_a_draft_is_told_comments_are_closed(client, author, draft_item):
    client.force_login(author)

    response = client.post(comment_url(draft_item), {"body": "Hello"})

    assert response.status_code == 302
    assert "You cannot comment on this." in messages_of(response)
    assert not Comment.objects.exists()


def test_an_empty_comment_shows_the_form_again_with_an_error(client, signed_in, item):
    response = client.post(comment_url(item), {"body": "  ", "anonymous": "on"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Please write something here." in html
    assert 'id="id_anonymous" checked' in html
    assert not Comment.objects.exists()


def test_a_comment_that_is_too_long_keeps_what_was_typed(client, signed_in, item):
    text = "Handover matters. " * 700

    response = client.post(comment_url(item), {"body": text})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Please shorten this" in html
    assert "Handover matters. Handover matters." in html
    assert 'id="id_body"' in html
    assert not Comment.objects.exists()


def test_posting_is_rate_limited_per_member(client, signed_in, item, monkeypatch):
    monkeypatch.setattr(views, "COMMENT_RATE_LIMIT", 3)
    for n in range(3):
        assert client.post(comment_url(item), {"body": f"Comment {n}"}).status_code == 302

    response = client.post(comment_url(item), {"body": "One too many"})

    html = response.content.decode()
    assert response.status_code == 429
    assert "Please wait a minute" in html
    assert "One too many" in html
    assert Comment.objects.count() == 3


def test_the_default_rate_limit_is_ten_comments_a_minute(client, signed_in, item):
    statuses = [client.post(comment_url(item), {"body": f"C{n}"}).status_code for n in range(11)]

    assert statuses == [302] * 10 + [429]


# Editing and deleting ---------------------------------------------------------------------


def test_the_author_can_edit_a_comment_through_the_form(client, signed_in, item):
    comment = services.comment_add(actor=signed_in, target=item, body="<p>Teh</p>")

    form = client.get(f"/engage/comment/{comment.pk}/edit/")
    response = client.post(f"/engage/comment/{comment.pk}/edit/", {"body": "The"})

    assert form.status_code == 200
    assert "Teh" in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"{item.get_absolute_url()}#comment-{comment.pk}"
    comment.refresh_from_db()
    assert comment.body == "<p>The</p>"
    assert comment.edited_at is not None


def test_an_invalid_edit_keeps_the_form(client, signed_in, item):
    comment = services.comment_add(actor=signed_in, target=item, body="<p>Keep</p>")

    response = client.post(f"/engage/comment/{comment.pk}/edit/", {"body": ""})

    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.body == "<p>Keep</p>"


def test_someone_else_cannot_open_the_edit_form(client, signed_in, other_member, item):
    comment = services.comment_add(actor=other_member, target=item, body="<p>Theirs</p>")

    assert client.get(f"/engage/comment/{comment.pk}/edit/").status_code == 404
    assert client.post(f"/engage/comment/{comment.pk}/edit/", {"body": "x"}).status_code == 404


def test_editing_after_the_window_explains_why_not(client, signed_in, item, settings):
    settings.COMMENT_EDIT_WINDOW_MINUTES = 30
    comment = services.comment_add(actor=signed_in, target=item, body="<p>Old</p>")
    Comment.objects.filter(pk=comment.pk).update(created=timezone.now() - timedelta(minutes=45))

    response = client.post(f"/engage/comment/{comment.pk}/edit/", {"body": "New"})

    assert response.status_code == 302
    assert any("within 30 minutes" in m for m in messages_of(response))
    comment.refresh_from_db()
    assert comment.body == "<p>Old</p>"


def test_the_author_confirms_and_deletes_a_comment(client, signed_in, item):
    comment = services.comment_add(actor=signed_in, target=item, body="<p>Oops</p>")

    confirm = client.get(f"/engage/comment/{comment.pk}/delete/")
    response = client.post(f"/engage/comment/{comment.pk}/delete/")

    assert confirm.status_code == 200
    assert "Delete this comment?" in confirm.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"{item.get_absolute_url()}#comments"
    comment.refresh_from_db()
    assert comment.deleted_at is not None


def test_a_moderator_can_delete_through_the_page(client, moderator, member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Rude</p>")
    client.force_login(moderator)

    response = client.post(f"/engage/comment/{comment.pk}/delete/")

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.deleted_at is not None


def test_another_member_cannot_delete_through_the_page(client, signed_in, other_member, item):
    comment = services.comment_add(actor=other_member, target=item, body="<p>Theirs</p>")

    assert client.get(f"/engage/comment/{comment.pk}/delete/").status_code == 404
    assert client.post(f"/engage/comment/{comment.pk}/delete/").status_code == 404
    comment.refresh_from_db()
    assert comment.deleted_at is None


def test_comments_on_an_item_that_went_back_to_draft_are_404(client, signed_in, other_member, item):
    comment = services.comment_add(actor=signed_in, target=item, body="<p>Mine</p>")
    item.status = "draft"
    item.save()

    assert client.get(f"/engage/comment/{comment.pk}/edit/").status_code == 404
    assert client.get(f"/engage/comment/{comment.pk}/delete/").status_code == 404


# Reactions and follows --------------------------------------------------------------------


def test_a_reaction_button_toggles_the_reaction(client, signed_in, item):
    url = f"/engage/react/{ct(item)}/{item.pk}/"

    first = client.post(url, {"kind": "helpful"})
    assert first.status_code == 302
    assert first["Location"] == f"{item.get_absolute_url()}#reactions"
    assert Reaction.objects.filter(user=signed_in, kind="helpful").exists()

    client.post(url, {"kind": "helpful"})
    assert not Reaction.objects.exists()


def test_an_unknown_reaction_is_a_bad_request(client, signed_in, item):
    response = client.post(f"/engage/react/{ct(item)}/{item.pk}/", {"kind": "angry"})

    assert response.status_code == 400
    assert not Reaction.objects.exists()


def test_reacting_to_a_hidden_draft_is_a_404(client, signed_in, draft_item):
    url = f"/engage/react/{ct(draft_item)}/{draft_item.pk}/"

    assert client.post(url, {"kind": "like"}).status_code == 404


def test_follow_and_unfollow_a_category(client, signed_in):
    category = Category.objects.first()
    url = f"/engage/follow/{ct(category)}/{category.pk}/"

    followed = client.post(url, {"following": "1"})
    assert followed.status_code == 302
    assert followed["Location"] == f"{category.get_absolute_url()}#follow"
    assert Follow.objects.filter(user=signed_in).count() == 1

    client.post(url, {"following": "0"})
    assert not Follow.objects.exists()


def test_follow_needs_a_clear_yes_or_no(client, signed_in, item):
    response = client.post(f"/engage/follow/{ct(item)}/{item.pk}/", {"following": "maybe"})

    assert response.status_code == 400
