import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render


def json_response(items):
    """A listing's items as the JSON its script filters in the browser: {"items": [...]}."""
    return HttpResponse(
        json.dumps({"items": items}, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


def page_not_found(request, exception=None):
    """The 404 page in the reader's language and in the look of the site that was asked for."""
    return render(request, "core/404.html", status=404)
