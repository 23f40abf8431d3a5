from django.db import models


class CategoryQuerySet(models.QuerySet):
    def areas(self):
        return self.filter(parent__isnull=True)


class Category(models.Model):
    """A library category. Top-level categories are the library's areas."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="library_category_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    @property
    def is_area(self) -> bool:
        return self.parent_id is None
