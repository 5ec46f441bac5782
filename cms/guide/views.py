from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale

from .search import search_guide

MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    """The guide's search in the language of the URL (/search/, /ar/search/, ...)."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    found = search_guide(query, Locale.get_active())
    page = Paginator(found.results, 10).get_page(request.GET.get("page"))
    return render(
        request,
        "guide/search.html",
        {"search_query": query, "found": found, "results": page},
    )
