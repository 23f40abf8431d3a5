from django.conf import settings
from django.db import models
from django.urls import reverse


class Forum(models.Model):
    """A discussion forum; forums nest through `parent`."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community:forum", kwargs={"slug": self.slug})


class Topic(models.Model):
    """A discussion: an opening post and replies, in a public forum or in a network."""

    forum = models.ForeignKey(
        Forum,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topics",
        help_text="Empty for a network's own discussions.",
    )
    network = models.ForeignKey(
        "networks.Network",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="topics",
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="topics"
    )
    is_anonymous = models.BooleanField("posted anonymously", default=False)
    pinned = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    last_post_number = models.PositiveIntegerField(
        default=0, help_text="The number of the newest post; the next post takes the next one."
    )
    last_post_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reply_count = models.PositiveIntegerField(default=0)
    view_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-pinned", "-last_post_at", "-id"]
        permissions = [("moderate_topic", "Can moderate forum topics and posts")]
        indexes = [
            models.Index(fields=["forum", "-pinned", "-last_post_at"]),
            models.Index(fields=["network", "-pinned", "-last_post_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(forum__isnull=False) | models.Q(network__isnull=False),
                name="community_topic_has_a_home",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:topic", kwargs={"pk": self.pk, "slug": self.slug})


class Post(models.Model):
    """The opening post (number 1) or a reply. `number` never changes, so permalinks stay."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_posts"
    )
    is_anonymous = models.BooleanField("posted anonymously", default=False)
    body = models.TextField(help_text="Sanitised HTML")
    quoted = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="community_post_number")
        ]
        indexes = [models.Index(fields=["author", "-created"])]

    def __str__(self) -> str:
        return f"{self.topic} #{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("community:post", kwargs={"pk": self.pk})


class PostRevision(models.Model):
    """The text of a post before an edit: visible to moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"Earlier text of {self.post}"


class TopicRead(models.Model):
    """How far a member has read a topic, for unread markers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reads")
    last_read_number = models.PositiveIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="community_read_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.topic} to #{self.last_read_number}"
