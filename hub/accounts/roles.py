"""The hub's roles, kept as Django groups with permissions (managed in the admin)."""

from enum import Enum


class Role(Enum):
    MEMBER = ("Member", False, ())
    TOPIC_LEAD = ("Topic lead", False, ("library.review_item",))
    EDITOR = ("Editor", False, ("library.review_item",))
    MODERATOR = (
        "Moderator",
        False,
        (
            "engagement.delete_comment",
            "engagement.change_comment",
            "community.moderate_topic",
            "moderation.moderate_content",
            "gallery.review_errortrap",
        ),
    )
    SAFEGUARDING_LEAD = ("Safeguarding lead", False, ("moderation.reveal_anonymous",))
    ADMINISTRATOR = (
        "Administrator",
        True,
        (
            "accounts.view_user",
            "accounts.change_user",
            "accounts.delete_user",
            "accounts.view_organisation",
            "accounts.add_organisation",
            "accounts.change_organisation",
            "accounts.delete_organisation",
            # Viewing groups only: a role that could edit group permissions could grant itself
            # anything. Superusers manage the roles' permissions.
            "auth.view_group",
            "core.view_auditentry",
            "moderation.view_moderation_audit",
            "moderation.moderate_content",
            "taxonomy.view_category",
            "taxonomy.add_category",
            "taxonomy.change_category",
            "networks.view_network",
            "networks.add_network",
            "networks.change_network",
            "networks.view_membership",
            "networks.view_joinrequest",
            "networks.view_invitation",
            "community.moderate_topic",
            "community.view_topic",
            "community.view_post",
            "community.view_forum",
            "community.add_forum",
            "community.change_forum",
            "gallery.review_errortrap",
        ),
    )

    def __init__(self, label: str, is_staff: bool, permissions: tuple[str, ...]):
        self.label = label
        self.is_staff = is_staff
        self.permissions = permissions

    @classmethod
    def from_label(cls, label: str) -> "Role":
        for role in cls:
            if role.label == label:
                return role
        raise ValueError(label)


def ensure_roles(**kwargs) -> None:
    """Create each role's group and grant its permissions. Idempotent; runs after every migrate."""
    from django.contrib.auth.models import Group, Permission

    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.label)
        wanted = []
        for dotted in role.permissions:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                wanted.append(permission)
        group.permissions.add(*wanted)
