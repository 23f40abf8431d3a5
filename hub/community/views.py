from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import queries


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "community/index.html", {"forums": queries.forum_tree()})
