from django.db import migrations, models
from django.utils import timezone

# Content that can be posted anonymously, by its "is_anonymous" field.
ANONYMOUS_KINDS = (
    ("community", "post"),
    ("community", "topic"),
    ("engagement", "comment"),
    ("library", "item"),
    ("gallery", "errortrap"),
)


def _day_start(value):
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def keep_only_the_day(apps, schema_editor):
    """Notifications already sent about anonymous posts keep only their day (issue 21)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Notification = apps.get_model("notifications", "Notification")
    for app_label, model_name in ANONYMOUS_KINDS:
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        if content_type is None:
            continue
        anonymous = model.objects.filter(is_anonymous=True).values_list("pk", flat=True)
        rows = Notification.objects.filter(
            target_type=content_type, target_id__in=list(anonymous)
        ).only("pk", "created")
        for row in rows.iterator(chunk_size=500):
            Notification.objects.filter(pk=row.pk).update(
                anonymous_source=True, created=_day_start(row.created)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("community", "0003_post_postrevision_topic_post_topic_topicread_and_more"),
        ("engagement", "0001_initial"),
        ("library", "0003_series_tag_item_attachment_itemtransition_and_more"),
        ("gallery", "0001_initial"),
        ("notifications", "0002_outbox_digests_preferences"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="anonymous_source",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AlterField(
            model_name="notification",
            name="created",
            field=models.DateTimeField(
                auto_now_add=True,
                help_text=(
                    "When it happened: the start of its day when it tells of an anonymous post"
                ),
            ),
        ),
        migrations.RunPython(keep_only_the_day, migrations.RunPython.noop),
    ]
