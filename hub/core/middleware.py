from django.core.exceptions import BadRequest


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
    """Answer 400 to a request whose address or form holds a NUL character.

    No one types one; PostgreSQL refuses to store or compare text that holds one, so without
    this a NUL in any parameter that reaches a query would be a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or self._has_nul(request.GET):
            raise BadRequest("NUL character in the address")
        if (
            request.method == "POST"
            and request.content_type
            in (
                "application/x-www-form-urlencoded",
                "multipart/form-data",
            )
            and self._has_nul(request.POST)
        ):
            raise BadRequest("NUL character in the form")
        return self.get_response(request)

    @staticmethod
    def _has_nul(data) -> bool:
        return any("\x00" in key or any("\x00" in v for v in data.getlist(key)) for key in data)
