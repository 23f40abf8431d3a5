from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import queries


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "library/index.html", {"areas": queries.area_tree()})
