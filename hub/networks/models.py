from django.conf import settings
from django.db import models
from django.urls import reverse


class NetworkKind(models.TextChoices):
    OPEN = "open", "Open: anyone can join"
    BY_REQUEST = "request", "By request: leaders approve who joins"
    PRIVATE = "private", "Private: by invitation only"


class Network(models.Model):
    """A private space for a group: its own discussions, resources, members and events."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=160, unique=True)
    purpose = models.TextField(help_text="What the network is for, in a few sentences.")
    membership_criteria = models.TextField(blank=True, help_text="Who may join.")
    criteria_question = models.CharField(
        max_length=300,
        blank=True,
        help_text="Asked of people who request to join (by-request networks).",
    )
    kind = models.CharField(max_length=10, choices=NetworkKind.choices, default=NetworkKind.OPEN)
    listed = models.BooleanField(
        default=True,
        help_text="Private networks only: show the name and purpose in the networks list.",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"slug": self.slug})


class MemberRole(models.TextChoices):
    LEADER = "leader", "Leader"
    MODERATOR = "moderator", "Moderator"
    MEMBER = "member", "Member"


class Membership(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined", "id"]
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="networks_membership_once")
        ]
        indexes = [models.Index(fields=["user", "network"])]

    def __str__(self) -> str:
        return f"{self.user} in {self.network} ({self.role})"


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class JoinRequest(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    answer = models.TextField(help_text="The answer to the network's criteria question.")
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True, help_text="Told to the requester.")
    created = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=models.Q(status="pending"),
                name="networks_one_pending_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} asks to join {self.network}"


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    CANCELLED = "cancelled", "Cancelled"


class Invitation(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    invited_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="network_invitations",
    )
    email = models.EmailField(blank=True, help_text="For someone who has not joined the hub yet.")
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"Invitation to {self.network}"
