"""{% engagement_panel %} and {% follow_button %}: what each viewer sees, in bounded queries."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hub.engagement import services
from hub.engagement.models import Comment
from hub.taxonomy.models import Category
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

PANEL = engines["django"].from_string("{% load engagement %}{% engagement_panel target %}")
FOLLOW = engines["django"].from_string("{% load engagement %}{% follow_button target %}")
TIME = re.compile(r"\b\d{2}:\d{2}\b")


def render(rf, template, target, viewer=None, path="/library/item/x/?tab=1") -> str:
    request = rf.get(path)
    request.user = viewer or AnonymousUser()
    request.session = SessionStore()
    return template.render({"target": target}, request)


def comment_html(html: str, comment: Comment) -> str:
    start = html.index(f'id="comment-{comment.pk}"')
    return html[start : html.index("</article>", start)]


def test_a_visitor_sees_counts_comments_and_an_invitation_to_sign_in(rf, member, item):
    services.comment_add(actor=member, target=item, body="<p>Great read</p>")
    services.reaction_toggle(actor=member, target=item, kind="helpful")

    html = render(rf, PANEL, item)

    assert 'id="comments"' in html
    assert "Comments (1)" in html
    assert "Great read" in html
    assert "1 reaction so far" in html
    assert "Sign in to comment" in html
    assert "/accounts/login/?next=/library/item/x/%3Ftab%3D1%23comments" in html
    assert "<textarea" not in html
    assert "aria-pressed" not in html


def test_a_member_sees_the_reaction_buttons_and_the_comment_form(rf, member, other_member, item):
    services.reaction_toggle(actor=member, target=item, kind="thanks")
    services.reaction_toggle(actor=other_member, target=item, kind="like")

    html = render(rf, PANEL, item, member)

    assert "2 reactions so far" in html
    assert re.search(r'value="thanks"[^>]*aria-pressed="true"', html)
    assert re.search(r'value="like"[^>]*aria-pressed="false"', html)
    assert html.count('name="kind"') == 4
    assert '<label for="id_body">Your comment</label>' in html
    assert "Post anonymously" in html
    assert "Sign in to comment" not in html
    assert "No comments yet." in html
    assert "No reactions yet" not in html


def test_no_reactions_yet_is_said_in_words(rf, member, item):
    assert "No reactions yet" in render(rf, PANEL, item, member)


def test_a_named_comment_links_to_its_author_and_shows_the_time(rf, member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Hello</p>")

    html = comment_html(render(rf, PANEL, item), comment)

    assert f'href="/members/{member.username}/"' in html
    assert member.public_name in html
    assert TIME.search(html)


def test_an_anonymous_comment_shows_no_name_no_link_and_only_the_date(rf, item):
    secret = MemberFactory(username="zebraquill", display_name="Hidden Person")
    comment = services.comment_add(
        actor=secret, target=item, body="<p>It happened to me</p>", anonymous=True
    )

    page = render(rf, PANEL, item, MemberFactory())
    html = comment_html(page, comment)

    assert "Anonymous" in html
    assert "Hidden Person" not in page
    assert "zebraquill" not in page
    assert "/members/" not in html
    assert not TIME.search(html)
    assert timezone.localtime(comment.created).strftime("%Y-%m-%d") in html


def test_the_anonymous_author_sees_no_name_either_but_may_edit(rf, item):
    secret = MemberFactory(username="hidden", display_name="Hidden Person")
    comment = services.comment_add(actor=secret, target=item, body="<p>Me</p>", anonymous=True)

    html = comment_html(render(rf, PANEL, item, secret), comment)

    assert "Hidden Person" not in html
    assert f"/engage/comment/{comment.pk}/edit/" in html


def test_edited_comments_are_marked(rf, member, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Teh</p>")
    services.comment_edit(actor=member, comment=comment, body="<p>The</p>")

    assert "(edited)" in comment_html(render(rf, PANEL, item), comment)


def test_edit_and_delete_links_show_for_the_author_within_the_window_only(
    rf, member, other_member, item, settings
):
    settings.COMMENT_EDIT_WINDOW_MINUTES = 30
    comment = services.comment_add(actor=member, target=item, body="<p>Mine</p>")
    edit, delete = f"/engage/comment/{comment.pk}/edit/", f"/engage/comment/{comment.pk}/delete/"

    fresh = comment_html(render(rf, PANEL, item, member), comment)
    stranger = comment_html(render(rf, PANEL, item, other_member), comment)
    Comment.objects.filter(pk=comment.pk).update(created=timezone.now() - timedelta(hours=1))
    late = comment_html(render(rf, PANEL, item, member), comment)

    assert edit in fresh and delete in fresh
    assert edit not in stranger and delete not in stranger
    assert edit not in late and delete in late


def test_a_moderator_sees_delete_but_not_edit(rf, member, moderator, item):
    comment = services.comment_add(actor=member, target=item, body="<p>Theirs</p>")

    html = comment_html(render(rf, PANEL, item, moderator), comment)

    assert f"/engage/comment/{comment.pk}/delete/" in html
    assert f"/engage/comment/{comment.pk}/edit/" not in html


def test_replies_sit_under_their_comment_with_one_reply_form_per_top_level_comment(
    rf, member, other_member, item
):
    top = services.comment_add(actor=member, target=item, body="<p>Top</p>")
    reply = services.comment_add(actor=other_member, target=item, body="<p>Re</p>", parent=top)

    html = render(rf, PANEL, item, member)

    assert html.index(f'id="comment-{top.pk}"') < html.index(f'id="comment-{reply.pk}"')
    assert html.count("Post reply") == 1
    assert f'name="parent" value="{top.pk}"' in html
    assert f'id="id_reply{top.pk}_body"' in html
    assert "Comments (2)" in html


def test_a_deleted_comment_with_replies_leaves_a_placeholder(rf, member, other_member, item):
    top = services.comment_add(actor=member, target=item, body="<p>Secret thing</p>")
    services.comment_add(actor=other_member, target=item, body="<p>Re</p>", parent=top)
    lonely = services.comment_add(actor=member, target=item, body="<p>Lonely</p>")
    services.comment_delete(actor=member, comment=top)
    services.comment_delete(actor=member, comment=lonely)

    html = render(rf, PANEL, item)

    assert "This comment was deleted." in html
    assert "Secret thing" not in html
    assert "Lonely" not in html
    assert f'id="comment-{lonely.pk}"' not in html
    assert "Comments (1)" in html


def test_the_author_of_a_draft_sees_that_comments_are_closed(rf, author, draft_item):
    html = render(rf, PANEL, draft_item, author)

    assert "Comments are closed here." in html
    assert "<textarea" not in html


def test_a_viewer_who_may_not_see_the_target_gets_an_empty_panel(rf, other_member, draft_item):
    assert render(rf, PANEL, draft_item, other_member).strip() == ""
    assert render(rf, FOLLOW, draft_item, other_member).strip() == ""


def test_the_panel_runs_the_same_number_of_queries_for_3_or_30_comments(
    rf, member, item, django_assert_max_num_queries
):
    people = [MemberFactory() for _ in range(3)]

    def add(count):
        for n in range(count):
            top = services.comment_add(actor=people[n % 3], target=item, body=f"<p>{n}</p>")
            services.comment_add(actor=member, target=item, body="<p>Re</p>", parent=top)

    add(3)
    viewer = type(member).objects.get(pk=member.pk)  # a fresh permission cache
    with CaptureQueriesContext(connection) as captured:
        render(rf, PANEL, item, viewer)
    small = len(captured)
    add(27)
    viewer = type(member).objects.get(pk=member.pk)
    with django_assert_max_num_queries(small):
        html = render(rf, PANEL, item, viewer)
    assert "Comments (60)" in html
    assert small <= 7


def test_the_follow_button_follows_and_unfollows(rf, member):
    category = Category.objects.first()

    before = render(rf, FOLLOW, category, member)
    services.follow_set(actor=member, target=category, following=True)
    after = render(rf, FOLLOW, category, member)

    assert 'name="following" value="1"' in before
    assert ">Follow<" in before
    assert 'name="following" value="0"' in after
    assert "Stop following" in after


def test_a_visitor_is_invited_to_sign_in_to_follow(rf):
    html = render(rf, FOLLOW, Category.objects.first(), path="/library/category/x/")

    assert "Sign in to follow" in html
    assert "/accounts/login/?next=/library/category/x/" in html
