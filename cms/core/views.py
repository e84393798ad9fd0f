from django.shortcuts import render


def page_not_found(request, exception=None):
    """The 404 page in the reader's language and in the look of the site that was asked for."""
    return render(request, "core/404.html", status=404)
