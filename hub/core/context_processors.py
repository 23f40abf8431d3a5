from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "cookie_notice_seen": request.COOKIES.get("cookie_notice") == "seen",
    }
