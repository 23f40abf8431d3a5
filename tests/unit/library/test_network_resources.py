"""A network's resources: visible to its members and site administrators, nowhere else."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from hub.engagement import services as engagement
from hub.library import queries, services
from hub.library.models import ItemKind
from hub.networks.models import MemberRole, Membership, Network
from hub.notifications.models import Notification
from tests.factories import MemberFactory

from .helpers import a_category, item_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(db):
    return Network.objects.create(
        name="Patient Safety Managers", slug="psm", purpose="Peer support", kind="request"
    )


@pytest.fixture
def leader(network):
    user = MemberFactory(username="leader")
    Membership.objects.create(network=network, user=user, role=MemberRole.LEADER)
    return user


@pytest.fixture
def insider(network):
    user = MemberFactory(username="insider")
    Membership.objects.create(network=network, user=user, role=MemberRole.MEMBER)
    return user


def network_item(author, leader, network, **overrides):
    data = item_data(title="Our drop-in slides", **overrides)
    data.network = network
    item = services.item_create(actor=author, data=data)
    services.item_submit(actor=author, item=item)
    return services.item_publish(actor=leader, item=item)


def test_only_members_can_add_to_a_networks_resources(network, member):
    data = item_data()
    data.network = network
    with pytest.raises(PermissionDenied):
        services.item_create(actor=member, data=data)


def test_network_leaders_review_their_networks_items_and_hub_editors_cannot(
    network, leader, insider, editor
):
    data = item_data()
    data.network = network
    item = services.item_create(actor=insider, data=data)
    services.item_submit(actor=insider, item=item)
    assert queries.item_for_page(viewer=editor, slug=item.slug) is None
    assert item not in queries.review_queue(viewer=editor)["submitted"]
    with pytest.raises(PermissionDenied):
        services.item_publish(actor=editor, item=item)
    services.item_publish(actor=leader, item=item)
    assert item.is_published


def test_a_published_resource_is_seen_by_members_and_admins_only(
    network, leader, insider, member, admin_member, client
):
    item = network_item(insider, leader, network)
    from django.contrib.auth.models import AnonymousUser

    assert queries.item_for_page(viewer=AnonymousUser(), slug=item.slug) is None
    assert queries.item_for_page(viewer=member, slug=item.slug) is None
    assert queries.item_for_page(viewer=insider, slug=item.slug) == item
    assert queries.item_for_page(viewer=admin_member, slug=item.slug) == item
    assert list(queries.network_resources(viewer=insider, network=network)) == [item]
    assert list(queries.network_resources(viewer=member, network=network)) == []
    assert client.get(item.get_absolute_url()).status_code == 404


def test_network_resources_stay_out_of_public_lists_feeds_counts_and_the_sitemap(
    network, leader, insider, client
):
    item = network_item(insider, leader, network)
    client.force_login(insider)  # even a member does not see them in public surfaces
    for url in [
        "/library/",
        "/library/feed/atom/",
        "/library/feed/rss/",
        "/sitemap.xml",
        a_category().get_absolute_url(),
        "/library/tag/handover/",
        "/library/category/" + a_category().slug + "/feed/atom/",
    ]:
        assert item.title not in client.get(url).content.decode(), url
    area = next(a for a in queries.area_tree() if a.pk == a_category().parent_id)
    assert area.item_count == 0


def test_network_resource_files_are_refused_to_outsiders(network, leader, insider, member, client):
    item = network_item(insider, leader, network)
    attachment = services.attachment_add(
        actor=leader, item=item, upload=SimpleUploadedFile("notes.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    client.force_login(member)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(insider)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    response.close()


def test_category_followers_outside_the_network_hear_nothing(
    network, leader, insider, member, django_capture_on_commit_callbacks
):
    engagement.follow_set(actor=member, target=a_category(), following=True)
    engagement.follow_set(actor=insider, target=a_category(), following=True)
    with django_capture_on_commit_callbacks(execute=True):
        network_item(MemberFactory_in(network), leader, network)
    assert not Notification.objects.filter(recipient=member, kind="library:new_item").exists()
    assert Notification.objects.filter(recipient=insider, kind="library:new_item").exists()


def MemberFactory_in(network):  # noqa: N802 - reads like the factory it wraps
    user = MemberFactory()
    Membership.objects.create(network=network, user=user)
    return user


def test_outsiders_cannot_comment_on_or_react_to_a_network_resource(
    network, leader, insider, member
):
    item = network_item(insider, leader, network)
    with pytest.raises(PermissionDenied):
        engagement.comment_add(actor=member, target=item, body="<p>Hello</p>")
    with pytest.raises(PermissionDenied):
        engagement.reaction_toggle(actor=member, target=item, kind="like")
    engagement.comment_add(actor=leader, target=item, body="<p>Thanks</p>")


def test_the_share_page_for_a_network_is_404_for_non_members(network, member, insider, client):
    client.force_login(member)
    assert client.get("/library/share/?network=psm").status_code == 404
    client.force_login(insider)
    assert client.get("/library/share/?network=psm").status_code == 200
    category = a_category()
    response = client.post(
        "/library/share/article/?network=psm",
        {
            "title": "Slides",
            "summary": "From the drop-in",
            "body": "Slides attached",
            "categories": [category.pk],
            "setting": "any",
            "action": "save",
            "network": "psm",
        },
    )
    assert response.status_code == 302
    assert insider.library_items.get().network == network


# Sharing into a network through the pages, for every kind a member may share ----------------

KIND_FIELDS = {
    "good_practice": {
        "gp_problem": "Handover missed the overnight plan.",
        "gp_actions": "A one-page handover sheet.",
        "gp_results": "Fewer missed plans in the audit.",
    },
    "incident_learning": {
        "learning_response": "after_action_review",
        "factor_tasks": "Rounds clashed.",
        "aar_expected": "Escalation within 30 minutes.",
        "aar_happened": "Escalation after three hours.",
        "aar_difference": "The alert went to a shared device.",
        "aar_learned": "Alerts must reach a named role.",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "20",
    },
}


@pytest.mark.parametrize("kind", [k for k in ItemKind.values if k != ItemKind.NEWS])
def test_sharing_into_a_network_works_for_every_kind(
    kind, network, leader, insider, member, client
):
    client.force_login(insider)
    form_page = client.get(f"/library/share/{kind}/?network=psm")
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "This is a resource of <strong>Patient Safety Managers</strong>" in html
    assert '<input type="hidden" name="network" value="psm">' in html

    response = client.post(
        f"/library/share/{kind}/?network=psm",
        {
            "title": f"Our {kind} for the network",
            "summary": "From the drop-in",
            "body": "What we learned together.",
            "categories": [a_category().pk],
            "setting": "any",
            "action": "save",
            "network": "psm",
            **KIND_FIELDS.get(kind, {}),
        },
    )
    assert response.status_code == 302
    item = insider.library_items.get()
    assert (item.kind, item.network, item.status) == (kind, network, "draft")
    # Its edit page says whose resource it is; it is submitted, and the leader publishes it.
    edit_page = client.get(f"/library/item/{item.slug}/edit/")
    assert "This is a resource of <strong>Patient Safety Managers" in edit_page.content.decode()
    assert client.post(f"/library/item/{item.slug}/submit/").status_code == 302
    item.refresh_from_db()
    assert item.status == "submitted"
    client.force_login(leader)
    assert client.post(f"/library/item/{item.slug}/review/publish/").status_code == 302
    item.refresh_from_db()
    assert item.is_published
    client.force_login(insider)
    assert client.get(item.get_absolute_url()).status_code == 200
    assert item.title in client.get("/networks/psm/resources/").content.decode()
    client.force_login(member)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get(f"/library/share/{kind}/?network=psm").status_code == 404


def test_news_is_not_shared_into_a_network(network, insider, editor, client):
    Membership.objects.create(network=network, user=editor, role=MemberRole.MEMBER)
    client.force_login(editor)
    assert client.get("/library/share/news/").status_code == 200
    assert client.get("/library/share/news/?network=psm").status_code == 404
