from django.utils.functional import SimpleLazyObject

from .queries import unread_count


def notifications(request):
    """`unread_notifications` for signed-in members: one COUNT query, run only when used."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user=user))}
