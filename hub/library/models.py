from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_countries.fields import CountryField

from hub.taxonomy.models import Audience, CareSetting, Category, Series, Tag


class ItemKind(models.TextChoices):
    ARTICLE = "article", "Article"
    BLOG = "blog", "Blog post"
    NEWS = "news", "News"
    GOOD_PRACTICE = "good_practice", "Good practice"
    INCIDENT_LEARNING = "incident_learning", "Learning from an incident"
    STORY = "story", "Patient or staff story"


class ItemStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for review"
    RETURNED = "returned", "Returned to the author"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    DECLINED = "declined", "Declined"


class LearningResponse(models.TextChoices):
    AFTER_ACTION_REVIEW = "after_action_review", "After action review"
    SWARM_HUDDLE = "swarm_huddle", "Swarm huddle"
    MDT_REVIEW = "mdt_review", "Multidisciplinary team review"
    PSII = "psii", "Patient safety incident investigation"
    THEMATIC_REVIEW = "thematic_review", "Thematic review"
    OTHER = "other", "Other"


# The six work-system factors of SEIPS, each a field on Item.
SEIPS_FACTORS = (
    ("factor_person", "Person", "The people involved: skills, training, fatigue, health."),
    ("factor_tasks", "Tasks", "What had to be done: complexity, interruptions, workload."),
    ("factor_tools", "Tools and technology", "Equipment, IT systems, devices and their design."),
    ("factor_organisation", "Organisation", "Staffing, rotas, policies, culture, communication."),
    ("factor_internal_environment", "Internal environment", "Layout, lighting, noise, space."),
    (
        "factor_external_environment",
        "External environment",
        "Regulation, funding, demand, society.",
    ),
)

AAR_QUESTIONS = (
    ("aar_expected", "What was expected to happen?"),
    ("aar_happened", "What actually happened?"),
    ("aar_difference", "Why was there a difference?"),
    ("aar_learned", "What has been learned?"),
)

GOOD_PRACTICE_FIELDS = (
    ("gp_problem", "The problem", "What was going wrong, or could go wrong?"),
    ("gp_actions", "What was done", "The change you made, step by step."),
    ("gp_results", "Results and how they were measured", "What changed, and how you know."),
    ("gp_cost", "Cost and effort", "Money, time and people it took."),
    ("gp_adoption", "How to adopt it elsewhere", "What another team would need to copy it."),
    ("gp_contact", "Who to contact", "A role or team others can ask (no personal phone numbers)."),
)


class ItemQuerySet(models.QuerySet):
    def published_anywhere(self):
        """Published now (or scheduled and the time has come), in public or in a network."""
        now = timezone.now()
        return self.filter(
            Q(status=ItemStatus.PUBLISHED) | Q(status=ItemStatus.SCHEDULED, published_at__lte=now)
        )

    def published(self):
        """Published for everyone: what lists, feeds, counts and the sitemap show.

        A network's resources are never part of it; members reach them through the network.
        """
        return self.published_anywhere().filter(network__isnull=True)


class Item(models.Model):
    """One piece of library content. Every kind shares these fields; structured kinds add theirs."""

    kind = models.CharField(max_length=20, choices=ItemKind.choices, default=ItemKind.ARTICLE)
    status = models.CharField(
        max_length=12, choices=ItemStatus.choices, default=ItemStatus.DRAFT, db_index=True
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.TextField(max_length=600)
    body = models.TextField(help_text="Sanitised HTML")
    external_url = models.URLField("external link", blank=True, max_length=500)

    categories = models.ManyToManyField(Category, related_name="items")
    tags = models.ManyToManyField(Tag, related_name="items", blank=True)
    audiences = models.JSONField(default=list, blank=True)
    country = CountryField(blank=True)
    region = models.CharField(max_length=100, blank=True)
    setting = models.CharField(max_length=20, choices=CareSetting.choices, default=CareSetting.ANY)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="library_items",
        help_text="The member who created the item and manages it.",
    )
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="co_authored_items", blank=True
    )
    is_anonymous = models.BooleanField(
        "posted anonymously",
        default=False,
        help_text="Everyone sees 'Anonymous' instead of the author's name.",
    )

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    featured = models.BooleanField(default=False)
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    network = models.ForeignKey(
        "networks.Network",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="resources",
        help_text="A network's own resource: visible to its members only.",
    )
    view_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    reaction_count = models.PositiveIntegerField(default=0)

    # Good practice / improvement
    gp_problem = models.TextField(blank=True)
    gp_actions = models.TextField(blank=True)
    gp_results = models.TextField(blank=True)
    gp_cost = models.TextField(blank=True)
    gp_adoption = models.TextField(blank=True)
    gp_contact = models.CharField(max_length=200, blank=True)

    # Learning from a patient safety incident (PSIRF)
    learning_response = models.CharField(
        max_length=30, choices=LearningResponse.choices, blank=True
    )
    factor_person = models.TextField(blank=True)
    factor_tasks = models.TextField(blank=True)
    factor_tools = models.TextField(blank=True)
    factor_organisation = models.TextField(blank=True)
    factor_internal_environment = models.TextField(blank=True)
    factor_external_environment = models.TextField(blank=True)
    aar_expected = models.TextField(blank=True)
    aar_happened = models.TextField(blank=True)
    aar_difference = models.TextField(blank=True)
    aar_learned = models.TextField(blank=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created"]
        permissions = [("review_item", "Can review, publish and decline library items")]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["kind", "status", "-published_at"]),
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["-view_count"]),
            models.Index(fields=["-comment_count"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:item", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        if self.status == ItemStatus.PUBLISHED:
            return True
        return bool(
            self.status == ItemStatus.SCHEDULED
            and self.published_at
            and self.published_at <= timezone.now()
        )

    @property
    def is_editable_by_author(self) -> bool:
        return self.status in (ItemStatus.DRAFT, ItemStatus.RETURNED)

    def audience_labels(self) -> list[str]:
        return [Audience(a).label for a in self.audiences if a in Audience.values]

    def last_note_to_author(self) -> str:
        """The editor's latest note when the item was returned or declined."""
        if self.status not in (ItemStatus.RETURNED, ItemStatus.DECLINED):
            return ""
        last = self.transitions.filter(to_status=self.status).order_by("-created", "-id").first()
        return last.note if last else ""

    def seips_factors(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, f)) for f, label, _ in SEIPS_FACTORS if getattr(self, f)]

    def aar_answers(self) -> list[tuple[str, str]]:
        return [(q, getattr(self, f)) for f, q in AAR_QUESTIONS if getattr(self, f)]

    def good_practice(self) -> list[tuple[str, str]]:
        return [
            (label, getattr(self, f)) for f, label, _ in GOOD_PRACTICE_FIELDS if getattr(self, f)
        ]


class ActionStrength(models.TextChoices):
    STRONGER = "stronger", "Stronger"
    INTERMEDIATE = "intermediate", "Intermediate"
    WEAKER = "weaker", "Weaker"


class ActionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    NOT_DONE = "not_done", "Not done"


class SafetyAction(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="safety_actions")
    description = models.TextField()
    owner_role = models.CharField(max_length=120, help_text="A role, never a person's name.")
    measure = models.CharField(max_length=300)
    due_date = models.DateField()
    strength = models.CharField(max_length=15, choices=ActionStrength.choices)
    status = models.CharField(max_length=15, choices=ActionStatus.choices, default="planned")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.description[:60]


class Attachment(models.Model):
    """A file attached to an item, stored through Django's storage API under a random name."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("library:attachment", kwargs={"slug": self.item.slug, "pk": self.pk})

    @property
    def display_name(self) -> str:
        """The name others see. An anonymous item's files get a neutral name: a file name
        ("j-smith-ward-7-rca.pdf") can say who wrote it."""
        if self.item.is_anonymous:
            extension = self.original_name.rsplit(".", 1)[-1] if "." in self.original_name else ""
            return f"attachment-{self.pk}.{extension}" if extension else f"attachment-{self.pk}"
        return self.original_name


class ItemRevision(models.Model):
    """A saved version of an item's text, kept on every change of title, summary or body."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField()
    body = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="library_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item} v{self.number}"


class ItemTransition(models.Model):
    """One step of the editorial workflow: who moved the item, from what to what, and why."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=12, choices=ItemStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ItemStatus.choices)
    note = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.item}: {self.from_status} → {self.to_status}"
