"""Reading comments, reactions and follows through hub.engagement.queries."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from hub.engagement import queries, services
from hub.engagement.models import Comment
from hub.taxonomy.models import Category, Tag
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def add_comments(item, count: int, replies_each: int = 1) -> None:
    people = [MemberFactory() for _ in range(3)]
    for n in range(count):
        top = services.comment_add(actor=people[n % 3], target=item, body=f"<p>Top {n}</p>")
        for r in range(replies_each):
            services.comment_add(
                actor=people[(n + r + 1) % 3], target=item, body=f"<p>Re {r}</p>", parent=top
            )


def count_thread_queries(viewer, item, django_assert_max_num_queries) -> list[Comment]:
    with django_assert_max_num_queries(2):
        thread = queries.comment_thread(viewer=viewer, target=item)
        # Touch everything a page shows: authors and replies come without more queries.
        for comment in thread:
            comment.author.public_name
            for reply in comment.visible_replies:
                reply.author.public_name
    return thread


def test_the_thread_takes_two_queries_for_3_or_30_comments(
    member, item, author, django_assert_max_num_queries
):
    add_comments(item, 3)
    assert len(count_thread_queries(member, item, django_assert_max_num_queries)) == 3

    add_comments(item, 27)
    assert len(count_thread_queries(member, item, django_assert_max_num_queries)) == 30


def test_the_thread_lists_top_level_comments_oldest_first_with_their_replies(member, item):
    first = services.comment_add(actor=member, target=item, body="<p>First</p>")
    second = services.comment_add(actor=member, target=item, body="<p>Second</p>")
    reply = services.comment_add(actor=member, target=item, body="<p>Re</p>", parent=first)

    thread = queries.comment_thread(viewer=AnonymousUser(), target=item)

    assert thread == [first, second]
    assert thread[0].visible_replies == [reply]
    assert thread[1].visible_replies == []


def test_hidden_comments_are_left_out_for_everyone(member, moderator, item):
    shown = services.comment_add(actor=member, target=item, body="<p>Shown</p>")
    hidden = services.comment_add(actor=member, target=item, body="<p>Hidden</p>")
    hidden_reply = services.comment_add(actor=member, target=item, body="<p>H</p>", parent=shown)
    Comment.objects.filter(pk__in=[hidden.pk, hidden_reply.pk]).update(hidden_at=timezone.now())

    for viewer in (member, moderator, AnonymousUser()):
        thread = queries.comment_thread(viewer=viewer, target=item)
        assert thread == [shown]
        assert thread[0].visible_replies == []


def test_a_deleted_comment_stays_as_a_placeholder_only_while_it_has_replies(
    member, other_member, item
):
    lonely = services.comment_add(actor=member, target=item, body="<p>Lonely</p>")
    parent = services.comment_add(actor=member, target=item, body="<p>Parent</p>")
    services.comment_add(actor=other_member, target=item, body="<p>Reply</p>", parent=parent)
    services.comment_delete(actor=member, comment=lonely)
    services.comment_delete(actor=member, comment=parent)

    thread = queries.comment_thread(viewer=member, target=item)

    assert thread == [parent]
    assert thread[0].deleted_at is not None
    assert queries.visible_comment_count(thread) == 1


def test_a_viewer_who_may_not_see_the_target_gets_nothing(member, other_member, item):
    services.comment_add(actor=member, target=item, body="<p>Hello</p>")
    services.reaction_toggle(actor=member, target=item, kind="like")
    services.follow_set(actor=other_member, target=item, following=True)
    item.status = "draft"
    item.save()

    assert queries.comment_thread(viewer=other_member, target=item) == []
    assert queries.reaction_summary(viewer=other_member, target=item)["total"] == 0
    assert queries.is_following(viewer=other_member, target=item) is False
    assert queries.comment_thread(viewer=item.owner, target=item) != []


def test_the_reaction_summary_counts_each_kind_and_knows_the_viewers_choices(
    member, other_member, item, django_assert_max_num_queries
):
    services.reaction_toggle(actor=member, target=item, kind="like")
    services.reaction_toggle(actor=member, target=item, kind="helpful")
    services.reaction_toggle(actor=other_member, target=item, kind="helpful")

    with django_assert_max_num_queries(2):
        summary = queries.reaction_summary(viewer=member, target=item)

    assert summary["counts"] == {"like": 1, "helpful": 2, "thanks": 0, "insightful": 0}
    assert summary["total"] == 3
    assert summary["chosen"] == {"like", "helpful"}
    assert [row["value"] for row in summary["kinds"] if row["chosen"]] == ["like", "helpful"]


def test_reaction_summaries_for_a_page_of_targets_take_two_queries_and_match_one_by_one(
    member, other_member, author, django_assert_max_num_queries
):
    from .conftest import make_item

    items = [make_item(author, title=f"Item {n}") for n in range(5)]
    services.reaction_toggle(actor=member, target=items[0], kind="like")
    services.reaction_toggle(actor=other_member, target=items[0], kind="like")
    services.reaction_toggle(actor=member, target=items[3], kind="insightful")

    with django_assert_max_num_queries(2):
        summaries = queries.reaction_summaries(viewer=member, targets=items)

    for item in items:
        assert summaries[item.pk] == queries.reaction_summary(viewer=member, target=item)
    assert summaries[items[0].pk]["total"] == 2
    assert summaries[items[3].pk]["chosen"] == {"insightful"}
    assert queries.reaction_summaries(viewer=member, targets=[]) == {}


def test_a_visitors_reaction_summary_has_counts_and_no_choices(
    member, item, django_assert_max_num_queries
):
    services.reaction_toggle(actor=member, target=item, kind="thanks")

    with django_assert_max_num_queries(1):
        summary = queries.reaction_summary(viewer=AnonymousUser(), target=item)

    assert summary["total"] == 1
    assert summary["chosen"] == set()


def test_is_following_answers_for_the_viewer_only(member, other_member, item):
    services.follow_set(actor=member, target=item, following=True)

    assert queries.is_following(viewer=member, target=item) is True
    assert queries.is_following(viewer=other_member, target=item) is False
    assert queries.is_following(viewer=AnonymousUser(), target=item) is False


def test_followers_of_several_kinds_of_target_takes_one_query(
    member, other_member, author, item, django_assert_num_queries
):
    category = Category.objects.first()
    tag = Tag.objects.create(name="Falls", slug="falls")
    item.tags.add(tag)  # followed only while visible content carries it
    services.follow_set(actor=member, target=category, following=True)
    services.follow_set(actor=other_member, target=tag, following=True)
    services.follow_set(actor=author, target=item, following=True)
    MemberFactory()  # follows nothing

    with django_assert_num_queries(1):
        ids = queries.followers_of(targets=[category, tag])

    assert ids == {member.pk, other_member.pk}
    assert queries.followers_of(targets=[]) == set()


def test_target_for_viewer_hides_what_the_viewer_may_not_see(other_member, author, draft_item):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(draft_item).pk

    assert (
        queries.target_for_viewer(viewer=other_member, content_type_id=ct, object_id=draft_item.pk)
        is None
    )
    assert (
        queries.target_for_viewer(viewer=author, content_type_id=ct, object_id=draft_item.pk)
        == draft_item
    )
    assert queries.target_for_viewer(viewer=author, content_type_id=ct, object_id=999999) is None
    assert queries.target_for_viewer(viewer=author, content_type_id=999999, object_id=1) is None


def test_target_for_viewer_refuses_models_that_take_no_comments(member):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(member).pk

    assert queries.target_for_viewer(viewer=member, content_type_id=ct, object_id=member.pk) is None
