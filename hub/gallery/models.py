"""The error traps gallery: photos of situations in care that could lead to avoidable harm."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from hub.taxonomy.models import CareSetting


class TrapStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING = "pending", "Waiting for review"
    PUBLISHED = "published", "Published"
    DECLINED = "declined", "Declined"


class ErrorTrapQuerySet(models.QuerySet):
    def published(self):
        """What everyone may see: published and not hidden by a moderator."""
        return self.filter(status=TrapStatus.PUBLISHED, is_hidden=False)


class ErrorTrap(models.Model):
    """One photo of an error trap, its story and the ideas to fix it.

    The picture is stored only re-encoded from its pixels, at a few widths; the files are named
    after `image_key`, which changes whenever a moderator blurs the picture so old copies can
    never be fetched again.
    """

    status = models.CharField(
        max_length=10, choices=TrapStatus.choices, default=TrapStatus.DRAFT, db_index=True
    )
    title = models.CharField(max_length=150)
    slug = models.SlugField(max_length=170, unique=True)
    hazard = models.TextField("what could go wrong", max_length=3000, blank=True)
    setting = models.CharField(max_length=20, choices=CareSetting.choices, default=CareSetting.ANY)
    where_seen = models.CharField(
        "where it was seen",
        max_length=150,
        blank=True,
        help_text="The kind of place, such as a ward medicines room. Never a named ward.",
    )
    fix_ideas = models.TextField("ideas to fix it", max_length=3000, blank=True)
    caption = models.CharField(max_length=300, blank=True)
    alt_text = models.CharField("description of the photo", max_length=300)

    categories = models.ManyToManyField("taxonomy.Category", related_name="error_traps", blank=True)
    tags = models.ManyToManyField("taxonomy.Tag", related_name="error_traps", blank=True)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="error_traps"
    )
    is_anonymous = models.BooleanField(
        "posted anonymously",
        default=False,
        help_text="Everyone sees 'Anonymous' instead of the author's name.",
    )
    consent_at = models.DateTimeField(
        help_text="When the uploader confirmed nobody can be identified and they may share it."
    )

    image_key = models.CharField(max_length=32, unique=True)
    image_ext = models.CharField(max_length=4, default="jpg")
    image_width = models.PositiveIntegerField()
    image_height = models.PositiveIntegerField()
    # The widths stored, smallest first; the last is the full picture.
    image_widths = models.JSONField(default=list)
    blurred_regions = models.PositiveSmallIntegerField(default=0)

    decline_reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    comment_count = models.PositiveIntegerField(default=0)
    reaction_count = models.PositiveIntegerField(default=0)

    objects = ErrorTrapQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [("review_errortrap", "Can review, blur, publish and decline error traps")]
        indexes = [
            models.Index(fields=["status", "is_hidden", "-published_at"]),
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["status", "submitted_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("gallery:trap", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == TrapStatus.PUBLISHED and not self.is_hidden

    def storage_name(self, width: int) -> str:
        return f"gallery/{self.image_key}-{width}.{self.image_ext}"

    def image_url(self, width: int | None = None) -> str:
        width = width or self.image_widths[-1]
        return reverse(
            "gallery:image", kwargs={"key": self.image_key, "width": width, "ext": self.image_ext}
        )

    @property
    def srcset(self) -> str:
        return ", ".join(f"{self.image_url(w)} {w}w" for w in self.image_widths)

    @property
    def thumbnail_url(self) -> str:
        return self.image_url(self.image_widths[0])

    def height_for(self, width: int) -> int:
        return max(1, round(self.image_height * width / self.image_width))

    @property
    def thumbnail_height(self) -> int:
        return self.height_for(self.image_widths[0])
