"""The city's current Growing Up NYC addresses and the pages now in their place (see
cms/core/city_addresses.py): /age/<stage>/, /brainbuilding/, /summer-programs/… and
/after-school-programs/…. Programs (/programs/<slug>/) and events (/events/<slug>/) keep
the city's addresses."""

from wagtail.models import Locale

from cms.core.city_addresses import OldAddress

from .models import (
    ActivityGuidePage,
    AgeGuideIndexPage,
    AgeGuidePage,
    BrainBuildingTipIndexPage,
)

HOST = "growingup"
# The city's slugs for the age stages that it spells another way.
CITY_STAGE_SLUGS = {"preschooler": "pre-schooler", "preteen": "pre-teen"}
# The city's address of each activity guide, by the guide's slug here.
CITY_GUIDES = {"summer": "/summer-programs/", "after-school": "/after-school-programs/"}


def addresses():
    english = Locale.get_default()
    for index in AgeGuideIndexPage.objects.live().filter(locale=english):
        yield OldAddress(HOST, "/age/", index)
    for guide in AgeGuidePage.objects.live().filter(locale=english).select_related("age_stage"):
        slug = guide.age_stage.slug
        yield OldAddress(HOST, f"/age/{CITY_STAGE_SLUGS.get(slug, slug)}/", guide)
    for tips in BrainBuildingTipIndexPage.objects.live().filter(locale=english):
        yield OldAddress(HOST, "/brainbuilding/", tips)
    for guide in ActivityGuidePage.objects.live().filter(locale=english, slug__in=CITY_GUIDES):
        path = CITY_GUIDES[guide.slug]
        yield OldAddress(HOST, path, guide)
        for activity in guide.get_children().live():
            yield OldAddress(HOST, f"{path}{activity.slug}/", activity)
