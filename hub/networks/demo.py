"""Load the embedded demo's networks (hub.networks.demo_content) through the services.

Demo only: `manage.py load_demo` calls this after the demo members and the library exist. Safe
to run again: a network whose name already exists keeps its members, requests and invitations
as they are, and discussions and resources whose title already exists in their network are
skipped.
"""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from hub.community.demo import (
    demo_users,
    post_thread,
    quieten_demo_notifications,
    text_to_html,
)
from hub.community.models import Topic
from hub.library.models import Item
from hub.library.services import ItemData, item_create, item_publish, item_submit
from hub.taxonomy.models import Category

from . import demo_content as content
from .models import Invitation, JoinRequest, MemberRole, Membership, Network, NetworkKind
from .services import (
    invitation_accept,
    invitation_create,
    member_set_role,
    network_create,
    network_join,
    request_approve,
    request_create,
    request_decline,
)


def _say(stdout: Any, message: str) -> None:
    if stdout is not None:
        stdout.write(message + "\n")


def _line(value: str) -> str:
    """Demo text is wrapped freely in demo_content; store it with single spaces."""
    return " ".join(value.split())


def _usernames() -> set[str]:
    names = {content.CREATOR}
    for spec in content.NETWORKS:
        names.add(spec["leader"])
        names |= set(spec.get("moderators", []))
        names |= {name for name, *_ in spec.get("members", [])}
        names |= {name for name, *_ in spec.get("pending", [])}
        names |= {name for name, *_ in spec.get("declined", [])}
        names |= set(spec.get("invited", []))
        for topic in spec.get("topics", []):
            names |= {topic["by"], *(reply["by"] for reply in topic.get("replies", []))}
        names |= {resource["by"] for resource in spec.get("resources", [])}
    return names


def _created_at(spec: dict, now: datetime) -> datetime:
    return timezone.localtime(now - timedelta(days=spec["days_ago"])).replace(
        hour=10, minute=len(spec["name"]) % 60, second=0
    )


def _join(network: Network, user: Any, answer: str, leader: Any, at: datetime) -> None:
    """Bring one member in the way the network's kind allows, then back-date it."""
    if network.kind == NetworkKind.OPEN:
        network_join(actor=user, network=network)
    elif network.kind == NetworkKind.BY_REQUEST:
        join_request = request_create(actor=user, network=network, answer=_line(answer))
        request_approve(actor=leader, join_request=join_request)
        # Demo-only back-dating: asked a few hours before the leader said yes.
        JoinRequest.objects.filter(pk=join_request.pk).update(
            created=at - timedelta(hours=5), decided_at=at
        )
    else:
        invitation = invitation_create(actor=leader, network=network, who=user.username)
        invitation_accept(actor=user, invitation=invitation)
        # Demo-only back-dating: invited the day before they accepted.
        Invitation.objects.filter(pk=invitation.pk).update(created=at - timedelta(days=1))
    Membership.objects.filter(network=network, user=user).update(joined=at)


def _build(spec: dict, users: dict[str, Any], now: datetime) -> Network | None:
    """Create one network with its members, requests and invitations, all through services."""
    creator, leader = users.get(content.CREATOR), users.get(spec["leader"])
    if creator is None or leader is None:
        return None
    parent = None
    if spec.get("parent"):
        parent = Network.objects.filter(name=spec["parent"]).first()
        if parent is None:
            return None
    network = network_create(
        actor=creator,
        name=spec["name"],
        purpose=_line(spec["purpose"]),
        kind=spec["kind"],
        membership_criteria=_line(spec.get("criteria", "")),
        criteria_question=spec.get("question", ""),
        listed=spec.get("listed", True),
        parent=parent,
        leader=leader,
    )
    created = _created_at(spec, now)
    for position, (name, answer) in enumerate(spec.get("members", []), start=1):
        user = users.get(name)
        if user is not None:
            _join(network, user, answer, leader, created + timedelta(hours=7 * position))
    for name in spec.get("moderators", []):
        if name in users:
            member_set_role(
                actor=leader, network=network, user=users[name], role=MemberRole.MODERATOR
            )
    for position, (name, answer) in enumerate(spec.get("pending", [])):
        if name in users:
            waiting = request_create(actor=users[name], network=network, answer=_line(answer))
            # Demo-only back-dating: the requests have been waiting a few days.
            JoinRequest.objects.filter(pk=waiting.pk).update(
                created=now - timedelta(days=2 + 3 * position, hours=position)
            )
    for name, answer, reason in spec.get("declined", []):
        if name in users:
            asked = request_create(actor=users[name], network=network, answer=_line(answer))
            request_decline(actor=leader, join_request=asked, reason=_line(reason))
            JoinRequest.objects.filter(pk=asked.pk).update(  # demo-only back-dating
                created=now - timedelta(days=24), decided_at=now - timedelta(days=23)
            )
    for name in spec.get("invited", []):
        if name in users:
            invitation = invitation_create(actor=leader, network=network, who=name)
            Invitation.objects.filter(pk=invitation.pk).update(  # demo-only back-dating
                created=now - timedelta(days=4)
            )
    # Demo-only back-dating: the services stamp "now"; the networks are months old.
    Network.objects.filter(pk=network.pk).update(created=created)
    Membership.objects.filter(network=network, user=leader).update(joined=created)
    return network


def _categories() -> dict[tuple[str, str | None], Category]:
    found: dict[tuple[str, str | None], Category] = {}
    for category in Category.objects.select_related("parent"):
        if category.parent_id is None:
            found[(category.name, None)] = category
        else:
            found[(category.parent.name, category.name)] = category
    return found


def _add_resource(
    spec: dict, network: Network, owner: Any, leader: Any, categories: dict, now: datetime
) -> Item:
    """A member writes and submits the resource; the network's leader publishes it."""
    try:
        chosen = [categories[(area, name)] for area, name in spec["categories"]]
    except KeyError as missing:
        raise LookupError(f"Demo resource {spec['title']!r}: no category {missing}") from None
    item = item_create(
        actor=owner,
        data=ItemData(
            kind=spec["kind"],
            title=spec["title"],
            summary=_line(spec["summary"]),
            body=text_to_html(spec["text"]),
            categories=chosen,
            tags=list(spec.get("tags", [])),
            audiences=list(spec.get("audiences", [])),
            setting=spec.get("setting", "any"),
            network=network,
        ),
    )
    item_submit(actor=owner, item=item)
    item_publish(actor=leader, item=item)
    # Demo-only back-dating: item_publish stamps "now"; the resources are months old.
    published_at = now - timedelta(days=spec["days_ago"], hours=len(spec["title"]) % 9)
    Item.objects.filter(pk=item.pk).update(
        published_at=published_at,
        submitted_at=published_at - timedelta(hours=20),
        created=published_at - timedelta(days=2),
    )
    return item


def _fill(spec: dict, network: Network, users: dict[str, Any], categories: dict, now) -> tuple:
    """Add the network's missing discussions and resources; returns how many of each."""
    roles = dict(Membership.objects.filter(network=network).values_list("user_id", "role"))

    def is_member(user: Any) -> bool:
        return user.pk in roles

    topics = resources = 0
    titles = set(Topic.objects.filter(network=network).values_list("title", flat=True))
    for thread in spec.get("topics", []):
        if thread["title"] in titles:
            continue
        # Members' visits, recorded through the service like the forums' (see post_thread).
        views = 4 * (len(thread.get("replies", [])) + 2) + len(thread["title"]) % 7
        thread = {"views": views, **thread}
        if post_thread(thread, users, network=network, may_post=is_member, now=now):
            topics += 1
    leader = next(
        (user for user in users.values() if roles.get(user.pk) == MemberRole.LEADER), None
    )
    titles = set(Item.objects.filter(network=network).values_list("title", flat=True))
    for resource in spec.get("resources", []):
        owner = users.get(resource["by"])
        if resource["title"] in titles or leader is None or owner is None:
            continue
        if not is_member(owner):
            continue
        _add_resource(resource, network, owner, leader, categories, now)
        resources += 1
    return topics, resources


@transaction.atomic
def load_networks_demo(stdout: Any = None) -> int:
    """Create the demo networks and their content through the services. Returns how many
    networks were added."""
    started = timezone.now()
    names = _usernames()
    users = demo_users(names)
    if content.CREATOR not in users:
        _say(stdout, "Demo networks skipped: the demo administrator account is missing.")
        return 0
    existing = {name.lower() for name in Network.objects.values_list("name", flat=True)}
    added = 0
    for spec in content.NETWORKS:
        if spec["name"].lower() in existing:
            continue
        if _build(spec, users, started) is not None:
            added += 1
    # Fresh user objects: nothing cached about who belongs where.
    users = demo_users(names)
    categories = _categories()
    topics = resources = 0
    for spec in content.NETWORKS:
        network = Network.objects.filter(name=spec["name"]).first()
        if network is not None:
            new_topics, new_resources = _fill(spec, network, users, categories, started)
            topics, resources = topics + new_topics, resources + new_resources
    quieten_demo_notifications(since=started)
    if topics or resources:
        _say(stdout, f"Demo networks: {topics} new discussion(s), {resources} new resource(s).")
    return added
