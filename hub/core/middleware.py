from django.core.exceptions import BadRequest
from django.http import QueryDict


class PermissionsPolicyMiddleware:
    """Switch off browser features the hub never uses."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.POLICY)
        return response


class RejectUnreadableInputMiddleware:
    """NUL characters never reach a view: a 400 in the address, dropped from parameters.

    No one types one; PostgreSQL refuses to store or compare text that holds one, so without
    this a NUL in any parameter that reaches a query would be a server error. In a query string
    or a form it is removed (as a browser would never have sent it), so nothing else is lost.
    """

    FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise BadRequest("NUL character in the address")
        if self._has_nul(request.GET):
            request.GET = self._without_nul(request.GET)
        if (
            request.method == "POST"
            and request.content_type in self.FORMS
            and self._has_nul(request.POST)
        ):
            request.POST = self._without_nul(request.POST)
        return self.get_response(request)

    @staticmethod
    def _has_nul(data) -> bool:
        return any("\x00" in key or any("\x00" in v for v in data.getlist(key)) for key in data)

    @staticmethod
    def _without_nul(data) -> QueryDict:
        clean = QueryDict(mutable=True)
        for key in data:
            clean.setlist(
                key.replace("\x00", ""), [v.replace("\x00", "") for v in data.getlist(key)]
            )
        clean._mutable = False
        return clean
