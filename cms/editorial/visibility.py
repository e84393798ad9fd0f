"""Which pages a user sees in the admin's lists. Both sites share one page tree, and Wagtail
lets anyone who may explore one home page browse every page's title (every home page sits under
the tree's root), drafts included. Here a user who is not a superuser sees:

- in the explorer: the pages they may explore (their site, or their language for translators);
- in the page chooser and the translation status: those, and pages published as they are (no
  unpublished changes), whose titles every reader already knows, so links across the two sites
  keep working."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import page_permission_policy


def explorable(user):
    """Q for the pages `user` may explore in the admin."""
    return Q(pk__in=page_permission_policy.explorable_instances(user).values("pk"))


def visible(user):
    """Q for the pages whose titles `user` may see in admin lists: explorable, or published
    with no draft waiting."""
    if user.is_superuser:
        return Q()
    published = Q(live=True, has_unpublished_changes=False)
    # One `pk__in`, which search backends can filter on, as for the admin's own page search.
    return Q(pk__in=Page.objects.filter(explorable(user) | published).values("pk"))


def explorer_pages(parent_page, pages, request):
    """construct_explorer_page_queryset: the listing of a page the user may not explore would
    still show its title and path."""
    user = request.user
    if user.is_superuser:
        return pages
    if not Page.objects.filter(explorable(user), pk=parent_page.pk).exists():
        raise PermissionDenied
    return pages.filter(explorable(user))


def chooser_pages(pages, request):
    """construct_page_chooser_queryset, for browsing (under a page that must be visible too)
    and searching."""
    user = request.user
    parent_page_id = (request.resolver_match.kwargs or {}).get("parent_page_id")
    if (
        parent_page_id is not None
        and not Page.objects.filter(visible(user) | Q(depth=1), pk=parent_page_id).exists()
    ):
        raise PermissionDenied
    return pages.filter(visible(user))
