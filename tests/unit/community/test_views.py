"""The forum pages as a browser without JavaScript uses them: forms, messages, status codes."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hub.community import services, views
from hub.community.models import Post, PostRevision, Topic
from hub.core.models import AuditEntry
from hub.engagement.models import Reaction
from tests.factories import MemberFactory

from .conftest import join, reply, start

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    return response.content.decode()


# Reading ----------------------------------------------------------------------------------


def test_community_index_shows_figures_and_the_last_active_topic(client, topic, member):
    reply(member, topic)

    html = html_of(client.get("/community/"))

    assert f'<a href="{topic.get_absolute_url()}">{escape(topic.title)}</a>' in html
    assert "<dt>Discussions</dt><dd>1</dd>" in html
    assert "<dt>Replies</dt><dd>1</dd>" in html


def test_the_forum_page_lists_its_topics_with_a_start_button_and_a_follow_button(
    client, topic, forum, member
):
    client.force_login(member)

    html = html_of(client.get(forum.get_absolute_url()))

    assert escape(topic.title) in html
    assert reverse("community:topic_new", args=[forum.slug]) in html
    assert "Start a discussion" in html
    assert 'id="follow"' in html


def test_unread_topics_are_marked_new_until_the_member_opens_them(client, topic, forum, member):
    client.force_login(member)

    assert 'badge-new">New' in html_of(client.get(forum.get_absolute_url()))
    client.get(topic.get_absolute_url())
    assert 'badge-new">New' not in html_of(client.get(forum.get_absolute_url()))


def test_the_forum_page_is_paginated_by_twenty_five(client, author, forum):
    for n in range(26):
        start(author, forum=forum, title=f"Topic number {n}")

    first = html_of(client.get(forum.get_absolute_url()))
    second = html_of(client.get(forum.get_absolute_url() + "?page=2"))

    assert first.count('class="topic-row') == 25
    assert second.count('class="topic-row') == 1
    assert "Page 2 of 2" in second


def test_a_topic_page_shows_every_post_with_its_anchor_and_permalink(client, topic, member):
    post = reply(member, topic, body="<p>Me too</p>")

    html = html_of(client.get(topic.get_absolute_url()))

    assert 'id="post-1"' in html and 'id="post-2"' in html
    assert f'href="{post.get_absolute_url()}"' in html
    assert "<p>Me too</p>" in html


def test_a_topic_url_with_an_old_slug_redirects_to_the_right_one(client, topic):
    response = client.get(f"/community/topic/{topic.pk}-wrong-slug/?page=1")

    assert response.status_code == 301
    assert response["Location"] == topic.get_absolute_url() + "?page=1"


def test_the_permalink_of_a_post_redirects_to_its_page_and_anchor(client, topic, member):
    posts = [reply(member, topic) for _ in range(44)]  # 45 posts: pages of 20
    on_page_three = posts[41]  # number 43

    response = client.get(on_page_three.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == f"{topic.get_absolute_url()}?page=3#post-43"
    assert client.get(posts[0].get_absolute_url())["Location"].endswith("/#post-2")


def test_the_permalink_of_a_hidden_post_still_finds_its_place(client, topic, member, moderator):
    post = reply(member, topic, body="<p>Patient name here</p>")
    services.post_hide(actor=moderator, post=post, reason="Identifies a patient")

    response = client.get(post.get_absolute_url(), follow=True)

    html = html_of(response)
    assert 'id="post-2"' in html
    assert "This post was hidden by a moderator." in html
    assert "Patient name here" not in html


def test_moderators_see_hidden_posts_marked_with_the_reason(client, topic, member, moderator):
    post = reply(member, topic, body="<p>Patient name here</p>")
    services.post_hide(actor=moderator, post=post, reason="Identifies a patient")
    client.force_login(moderator)

    html = html_of(client.get(topic.get_absolute_url()))

    assert "Patient name here" in html
    assert "Hidden by a moderator" in html and "Identifies a patient" in html


def test_deleted_posts_show_a_placeholder(client, topic, member):
    post = reply(member, topic, body="<p>Regretted</p>")
    services.post_delete(actor=member, post=post)

    html = html_of(client.get(topic.get_absolute_url()))

    assert "This post was deleted." in html and "Regretted" not in html


def test_anonymous_posts_show_no_name_no_link_and_only_a_date(client, forum):
    secret = MemberFactory(username="quietone", display_name="Quiet One")
    topic = start(secret, forum=forum, anonymous=True, title="A near miss")
    reply(secret, topic, anonymous=True)
    client.force_login(MemberFactory())

    for url in (topic.get_absolute_url(), forum.get_absolute_url(), "/community/"):
        html = html_of(client.get(url))
        assert "Quiet One" not in html and "quietone" not in html, url
    html = html_of(client.get(topic.get_absolute_url()))
    post = topic.posts.get(number=1)
    assert "Anonymous" in html
    assert f'datetime="{post.created:%Y-%m-%d}"' in html
    assert (
        post.created.astimezone(timezone.get_current_timezone()).strftime("%H:%M")
        not in (html.split('id="post-1"')[1].split("</header>")[0])
    )


def test_topic_pages_update_the_view_count(client, topic):
    client.get(topic.get_absolute_url())
    client.get(topic.get_absolute_url())

    topic.refresh_from_db()
    assert topic.view_count == 2


# Network topics are invisible to outsiders ------------------------------------------------


@pytest.mark.parametrize("signed_in", [False, True])
def test_network_topics_are_404_for_people_outside_the_network(
    client, network_topic, member, signed_in
):
    if signed_in:
        client.force_login(member)
    post = network_topic.posts.get()
    slug = network_topic.network.slug

    assert client.get(network_topic.get_absolute_url()).status_code == 404
    assert client.get(post.get_absolute_url()).status_code == 404
    assert client.get(f"/community/network/{slug}/").status_code == 404
    if signed_in:
        assert client.get(f"/community/network/{slug}/new/").status_code == 404
        response = client.post(
            reverse("community:reply", args=[network_topic.pk]), {"body": "Let me in"}
        )
        assert response.status_code == 404
        assert client.get(reverse("community:post_edit", args=[post.pk])).status_code == 404
    assert network_topic.posts.count() == 1


def test_network_members_read_and_start_topics_in_their_network(client, network, network_member):
    client.force_login(network_member)

    response = client.post(
        f"/community/network/{network.slug}/new/",
        {"title": "Our own audit", "body": "<p>Only for us.</p>"},
    )

    topic = Topic.objects.get(title="Our own audit")
    assert response.status_code == 302 and topic.network == network and topic.forum is None
    assert "Our own audit" in html_of(client.get(f"/community/network/{network.slug}/"))
    assert client.get(topic.get_absolute_url()).status_code == 200


def test_network_topics_never_appear_on_forum_pages(client, network_topic, network_member):
    client.force_login(network_member)

    for url in ["/community/", *[f.get_absolute_url() for f in views.queries.forum_index()]]:
        assert network_topic.title not in html_of(client.get(url)), url


# Writing ----------------------------------------------------------------------------------


def test_starting_a_topic_needs_a_signed_in_member(client, forum):
    response = client.get(reverse("community:topic_new", args=[forum.slug]))

    assert response.status_code == 302 and "login" in response["Location"]


def test_a_member_starts_a_topic_and_lands_on_it(client, forum, member):
    client.force_login(member)

    response = client.post(
        reverse("community:topic_new", args=[forum.slug]),
        {"title": "Falls at night", "body": "What has worked for you?\n\nWe tried alarms."},
    )

    topic = Topic.objects.get()
    assert response["Location"] == topic.get_absolute_url()
    assert topic.posts.get().body == "<p>What has worked for you?</p><p>We tried alarms.</p>"


def test_an_empty_opening_post_is_refused_and_the_title_is_kept(client, forum, member):
    client.force_login(member)

    response = client.post(
        reverse("community:topic_new", args=[forum.slug]),
        {"title": "Keep this title", "body": "   "},
    )

    assert response.status_code == 400
    html = html_of(response)
    assert "Please write something before posting." in html
    assert 'value="Keep this title"' in html
    assert not Topic.objects.exists()


def test_an_empty_reply_is_refused_with_a_message(client, topic, member):
    client.force_login(member)

    response = client.post(reverse("community:reply", args=[topic.pk]), {"body": "<p> </p>"})

    assert response.status_code == 400
    assert "Please write something before posting." in html_of(response)
    assert topic.posts.count() == 1


def test_a_reply_that_is_too_long_is_refused_and_its_text_is_kept(client, topic, member):
    client.force_login(member)
    text = "Handover matters. " * 1200  # over 20,000 characters

    response = client.post(reverse("community:reply", args=[topic.pk]), {"body": text})

    assert response.status_code == 400
    html = html_of(response)
    assert "Please shorten this" in html
    assert "Handover matters. Handover matters." in html
    assert topic.posts.count() == 1


def test_a_reply_lands_on_the_new_post(client, topic, member):
    client.force_login(member)

    response = client.post(
        reverse("community:reply", args=[topic.pk]), {"body": "Same on our ward."}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{topic.get_absolute_url()}#post-2"
    assert topic.posts.get(number=2).body == "<p>Same on our ward.</p>"


def test_replying_to_a_locked_topic_is_refused_with_a_clear_message_and_the_text_shown(
    client, topic, member, moderator
):
    services.topic_lock(actor=moderator, topic=topic)
    client.force_login(member)

    response = client.post(
        reverse("community:reply", args=[topic.pk]), {"body": "My unsent thoughts"}
    )

    assert response.status_code == 403
    html = html_of(response)
    assert "This discussion is locked" in html
    assert "My unsent thoughts" in html
    assert topic.posts.count() == 1


def test_a_locked_topic_shows_no_reply_form(client, topic, member, moderator):
    services.topic_lock(actor=moderator, topic=topic)
    client.force_login(member)

    html = html_of(client.get(topic.get_absolute_url()))

    assert 'action="/community/topic/' not in html.split('id="reply"')[1].split("</section>")[0]
    assert "closed to new replies" in html


def test_quoting_prefills_the_reply_form_with_a_blockquote(client, topic, member, author):
    opening = topic.posts.get()
    client.force_login(member)

    response = client.get(f"{topic.get_absolute_url()}?quote={opening.pk}")

    html = html_of(response)
    assert "&lt;blockquote&gt;&lt;p&gt;Nadia Shah wrote:&lt;/p&gt;" in html
    assert "What do you think?" in html
    assert f'name="quoted" value="{opening.pk}"' in html
    posted = client.post(
        reverse("community:reply", args=[topic.pk]),
        {"body": "<blockquote><p>x</p></blockquote><p>Yes</p>", "quoted": opening.pk},
    )
    assert posted.status_code == 302
    assert topic.posts.get(number=2).quoted == opening


def test_quoting_an_anonymous_post_does_not_reveal_its_author(client, forum, member):
    secret = MemberFactory(username="veiled", display_name="Veiled Person")
    topic = start(secret, forum=forum, anonymous=True)
    client.force_login(member)

    html = html_of(client.get(f"{topic.get_absolute_url()}?quote={topic.posts.get().pk}"))

    assert "Anonymous wrote:" in html and "Veiled Person" not in html


def test_posting_too_fast_is_refused_with_a_message_and_the_text_kept(
    client, topic, member, monkeypatch
):
    monkeypatch.setattr(views, "POST_RATE_LIMIT", 1)
    client.force_login(member)
    url = reverse("community:reply", args=[topic.pk])
    client.post(url, {"body": "First reply"})

    response = client.post(url, {"body": "Second reply, too soon"})

    assert response.status_code == 429
    html = html_of(response)
    assert "Please wait a minute" in html and "Second reply, too soon" in html
    assert topic.posts.count() == 2


def test_a_mention_in_a_reply_links_to_the_profile(client, topic, member):
    client.force_login(member)

    client.post(reverse("community:reply", args=[topic.pk]), {"body": "Thanks @nadia!"})

    html = html_of(client.get(topic.get_absolute_url()))
    assert '<a href="/members/nadia/"' in html


def test_reacting_to_a_post_goes_through_engagement_and_back_to_the_post(client, topic, member):
    client.force_login(member)
    post = topic.posts.get()
    ct = ContentType.objects.get_for_model(Post).pk

    response = client.post(reverse("engagement:react", args=[ct, post.pk]), {"kind": "helpful"})

    assert response.status_code == 302
    assert Reaction.objects.filter(user=member, object_id=post.pk, kind="helpful").exists()
    assert 'aria-pressed="true"' in html_of(client.get(topic.get_absolute_url()))


def test_reactions_are_refused_once_the_topic_is_locked(client, topic, member, moderator):
    services.topic_lock(actor=moderator, topic=topic)
    client.force_login(member)
    ct = ContentType.objects.get_for_model(Post).pk

    client.post(reverse("engagement:react", args=[ct, topic.posts.get().pk]), {"kind": "like"})

    assert not Reaction.objects.exists()


# Editing, deleting and history ------------------------------------------------------------


def test_the_author_edits_their_post_and_a_revision_is_kept(client, topic, member):
    post = reply(member, topic, body="<p>Frist</p>")
    client.force_login(member)
    url = reverse("community:post_edit", args=[post.pk])

    assert "Frist" in html_of(client.get(url))
    response = client.post(url, {"body": "<p>First</p>"})

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "<p>First</p>"
    assert PostRevision.objects.get(post=post).body == "<p>Frist</p>"


def test_editing_after_the_window_sends_the_author_back_with_a_message(
    client, topic, member, settings
):
    post = reply(member, topic)
    Post.objects.filter(pk=post.pk).update(created=timezone.now() - timedelta(hours=2))
    client.force_login(member)

    response = client.post(
        reverse("community:post_edit", args=[post.pk]), {"body": "late"}, follow=True
    )

    assert f"within {settings.COMMENT_EDIT_WINDOW_MINUTES} minutes" in html_of(response)
    post.refresh_from_db()
    assert post.body == "<p>Same here.</p>"


def test_an_empty_edit_is_refused_and_nothing_changes(client, topic, member):
    post = reply(member, topic)
    client.force_login(member)

    response = client.post(reverse("community:post_edit", args=[post.pk]), {"body": " "})

    assert response.status_code == 400
    assert "Please write something before saving." in html_of(response)


def test_other_members_cannot_open_the_edit_page(client, topic, other_member):
    client.force_login(other_member)

    response = client.get(reverse("community:post_edit", args=[topic.posts.get().pk]))

    assert response.status_code == 404


def test_the_author_deletes_their_post_after_confirming(client, topic, member):
    post = reply(member, topic)
    client.force_login(member)
    url = reverse("community:post_delete", args=[post.pk])

    assert client.get(url).status_code == 200
    client.post(url)

    post.refresh_from_db()
    assert post.deleted_at is not None


def test_only_moderators_open_the_edit_history(client, topic, member, moderator):
    post = reply(member, topic, body="<p>One</p>")
    services.post_edit(actor=member, post=post, body="<p>Two</p>")
    url = reverse("community:post_history", args=[post.pk])

    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(moderator)
    html = html_of(client.get(url))
    assert "<p>One</p>" in html and "<p>Two</p>" in html
    assert url in html_of(client.get(topic.get_absolute_url()))


# Moderation -------------------------------------------------------------------------------


def test_moderator_tools_are_shown_only_to_moderators(client, topic, member, moderator):
    client.force_login(member)
    assert "Moderator tools" not in html_of(client.get(topic.get_absolute_url()))
    client.force_login(moderator)
    assert "Moderator tools" in html_of(client.get(topic.get_absolute_url()))


def test_a_moderator_locks_and_moves_a_topic_from_the_topic_page(
    client, topic, moderator, other_forum
):
    client.force_login(moderator)

    client.post(reverse("community:topic_moderate", args=[topic.pk, "lock"]), {"reason": "Heated"})
    response = client.post(
        reverse("community:topic_moderate", args=[topic.pk, "move"]),
        {"forum": other_forum.pk, "reason": "Better fit"},
        follow=True,
    )

    topic.refresh_from_db()
    assert topic.locked and topic.forum == other_forum
    assert f"moved to “{escape(other_forum.name)}”" in html_of(response)
    assert AuditEntry.objects.get(action="community:topic:lock").reason == "Heated"


def test_hiding_a_post_without_a_reason_is_refused_with_a_message(client, topic, moderator, member):
    post = reply(member, topic)
    client.force_login(moderator)

    response = client.post(
        reverse("community:post_moderate", args=[post.pk, "hide"]), {"reason": ""}, follow=True
    )

    assert "Please give a reason" in html_of(response)
    post.refresh_from_db()
    assert post.hidden_at is None


def test_members_who_can_see_a_topic_get_403_from_the_moderation_urls(client, topic, member):
    client.force_login(member)

    response = client.post(reverse("community:topic_moderate", args=[topic.pk, "lock"]))

    assert response.status_code == 403
    topic.refresh_from_db()
    assert not topic.locked


def test_a_hidden_topic_is_404_for_members_and_shown_to_moderators(client, topic, moderator):
    services.topic_hide(actor=moderator, topic=topic, reason="Under review")

    client.force_login(MemberFactory())
    assert client.get(topic.get_absolute_url()).status_code == 404
    client.force_login(moderator)
    assert "Under review" in html_of(client.get(topic.get_absolute_url()))


def test_deleting_a_topic_returns_to_its_forum(client, topic, moderator, forum):
    client.force_login(moderator)

    response = client.post(reverse("community:topic_moderate", args=[topic.pk, "delete"]))

    assert response["Location"] == forum.get_absolute_url()
    assert client.get(topic.get_absolute_url()).status_code == 404


def test_network_leaders_see_moderator_tools_on_their_networks_topics(
    client, network_topic, network
):
    leader = MemberFactory()
    join(leader, network, role="moderator")
    client.force_login(leader)

    html = html_of(client.get(network_topic.get_absolute_url()))

    assert "Moderator tools" in html
    assert "Move the discussion" not in html  # a network's topics stay in the network
