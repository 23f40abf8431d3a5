"""Areas and categories, tags, series and the facets.

The first three tables were made by the library (migration library 0001-0003) and keep their
names (db_table), so moving them here (taxonomy 0001) moved no row.
"""

from django.db import models
from django.urls import reverse


class CategoryQuerySet(models.QuerySet):
    def areas(self):
        return self.filter(parent__isnull=True)


class Category(models.Model):
    """A category. Top-level categories are the library's areas."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        db_table = "library_category"
        ordering = ["position", "name"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="library_category_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def get_absolute_url(self) -> str:
        return reverse("library:category", kwargs={"slug": self.slug})

    @property
    def is_area(self) -> bool:
        return self.parent_id is None


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=70, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "library_tag"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("library:tag", kwargs={"slug": self.slug})


class Series(models.Model):
    """A run of related items, such as an interview series."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        db_table = "library_series"
        ordering = ["name"]
        verbose_name_plural = "series"

    def __str__(self) -> str:
        return self.name


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    PATIENTS_PUBLIC = "patients_public", "Patients and the public"
    STAFF = "staff", "Health and care staff"
    SAFETY_LEADS = "safety_leads", "Patient safety leads"
    LEADERS = "leaders", "Boards and senior leaders"
    RESEARCHERS = "researchers", "Researchers"
    COMMISSIONERS = "commissioners", "Commissioners and regulators"


class CareSetting(models.TextChoices):
    ANY = "any", "Any setting"
    ACUTE = "acute", "Acute hospital"
    PRIMARY = "primary", "Primary care"
    MENTAL_HEALTH = "mental_health", "Mental health"
    COMMUNITY = "community", "Community care"
    AMBULANCE = "ambulance", "Ambulance and urgent care"
    MATERNITY = "maternity", "Maternity"
    SOCIAL_CARE = "social_care", "Social care"
    PHARMACY = "pharmacy", "Pharmacy"
    HOME = "home", "At home"


class Facet(models.Model):
    """A value of a facet kept as data (editable in the admin), in the order shown."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class SafetyTarget(Facet):
    """What harm the content is about preventing: medication, falls, diagnosis…"""

    class Meta(Facet.Meta):
        verbose_name = "safety target"


class Approach(Facet):
    """How the content goes about it: checklists, training, technology, teamwork…"""

    class Meta(Facet.Meta):
        verbose_name = "approach"
