"""The content types of Category, Tag and Series follow the models from the library here.

Follows, comments, notifications, moderation cases, the admin's log and permissions point at
content types by id. Renaming the rows' app_label ('library' to 'taxonomy') keeps every one of
those pointers, so an existing follow of a tag or a category keeps working, and a role's
'library.change_category' becomes 'taxonomy.change_category' with the same grant. Backwards
renames them back.

If both rows exist (a step back followed by `migrate`, whose post_migrate makes the missing
one), every pointer to the old row is moved to the kept one before the old row goes.
"""

from django.db import migrations

MODELS = ("category", "tag", "series")


def _merge(apps, old, new) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type=old):
        twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if twin is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        # Whoever held the old permission (a role's group, a member) holds its twin instead.
        for model in apps.get_models():
            for field in model._meta.many_to_many:
                if field.related_model is not Permission:
                    continue
                through = field.remote_field.through
                owner = field.m2m_field_name()
                target = field.m2m_reverse_field_name()
                for row in through.objects.filter(**{target: permission}):
                    through.objects.get_or_create(
                        **{owner: getattr(row, owner), target: twin}
                    )
        permission.delete()
    for model in apps.get_models():
        if model is Permission:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is ContentType:
                model._base_manager.filter(**{field.name: old}).update(**{field.name: new})
    old.delete()


def _move(apps, from_label: str, to_label: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in MODELS:
        old = ContentType.objects.filter(app_label=from_label, model=name).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=to_label, model=name).first()
        if new is None:
            old.app_label = to_label
            old.save(update_fields=["app_label"])
        else:
            _merge(apps, old, new)


def forwards(apps, schema_editor):
    _move(apps, "library", "taxonomy")


def backwards(apps, schema_editor):
    _move(apps, "taxonomy", "library")


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0002_safety_target_and_approach"),
        ("library", "0005_taxonomy_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
