"""The demo's organisations and members (content/members.toml).

Demo only: members are created directly (there is no service that makes a member with roles
and a verified address for a site's own seed data), with an audit entry for each, as before.
A member who already exists keeps whatever they changed since.
"""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from hub.accounts.models import Organisation, User
from hub.core.services import audit_record

from .reader import Demo


def load_members(demo: Demo) -> int:
    """Create the missing organisations and members; returns how many members were new."""
    organisations: dict[str, Organisation] = {}
    for spec in demo.organisations:
        organisations[spec["name"]], _ = Organisation.objects.get_or_create(
            name=spec["name"], defaults={"kind": spec["kind"], "country": spec["country"]}
        )
    created, encoded = 0, None
    for spec in demo.members:
        if User.objects.filter(username=spec["username"]).exists():
            continue  # keep whatever the demo user changed since
        # The demo's password is published, so one hash serves every member: hashing it once
        # (about 0.4 s) instead of once per member (over 6 s) keeps the load quick.
        encoded = encoded or make_password(demo.password)
        created += _create(spec, organisations, encoded)
    return created


def _create(spec: dict[str, Any], organisations: dict[str, Organisation], encoded: str) -> int:
    roles = spec.get("roles", [])
    user = User(
        username=spec["username"],
        email=spec["email"],
        display_name=spec["display_name"],
        first_name=spec["first_name"],
        last_name=spec["last_name"],
        member_type=spec["member_type"],
        job_title=spec.get("job_title", ""),
        country=spec["country"],
        about=spec.get("about", ""),
        organisation=organisations.get(spec.get("organisation")),
        is_staff="Administrator" in roles,
        is_superuser="Administrator" in roles,
    )
    user.password = encoded
    user.save()
    user.groups.set([Group.objects.get(name=r) for r in ["Member", *roles]])
    EmailAddress.objects.create(user=user, email=spec["email"], verified=True, primary=True)
    audit_record(action="accounts:member:demo_create", target=user)
    return 1
