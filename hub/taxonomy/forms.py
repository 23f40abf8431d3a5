from django import forms

from .models import Category


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    """Categories grouped under their areas."""

    def __init__(self, **kwargs):
        super().__init__(
            # Leaves only: categories, and areas that have no categories of their own.
            queryset=Category.objects.filter(children__isnull=True).select_related("parent"),
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    def label_from_instance(self, obj):
        return obj.name

    @property
    def grouped(self):
        return self._grouped()

    def _grouped(self):
        groups: dict[str, list] = {}

        def by_area(category):
            area = category.parent or category
            return (area.position, area.pk, category.position if category.parent_id else -1)

        for category in sorted(self.queryset, key=by_area):
            area = category.parent or category
            groups.setdefault(area.name, []).append(category)
        return groups
