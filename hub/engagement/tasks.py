"""Background work for comments, reactions and follows."""

from django.tasks import task

from .models import Comment
from .services import comment_notify


@task
def notify_about_comment(*, comment_id: int) -> int:
    """Tell followers about a new comment (queued when the comment is committed).

    Returns how many notifications were created.
    """
    comment = Comment.objects.select_related("author", "parent").filter(pk=comment_id).first()
    if comment is None:
        return 0
    return len(comment_notify(comment=comment))
