"""Background work for the forums."""

from django.tasks import task

from .models import Post
from .services import post_notify


@task
def notify_about_post(*, post_id: int, mentioned_ids: list[int], announce: bool = True) -> int:
    """Tell mentioned members and followers about a post (queued when it is committed).

    Returns how many notifications were created.
    """
    post = Post.objects.select_related("author", "topic", "topic__forum").filter(pk=post_id).first()
    if post is None:
        return 0
    return len(post_notify(post=post, mentioned_ids=mentioned_ids, announce=announce))
