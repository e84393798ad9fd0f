"""The city's current Generation NYC addresses, under Growing Up NYC's address
(/generationnyc/, its topics, trips and inspirations), and the pages of this site now in their
place (see cms/core/city_addresses.py)."""

from wagtail.models import Locale

from cms.core.city_addresses import OldAddress
from cms.core.sites import find_site

from .models import TopicIndexPage, TripIndexPage, YouthProfileIndexPage

# The city's Generation NYC is a part of the Growing Up NYC site.
HOST = "growingup"
PREFIX = "/generationnyc/"
# The city's name of each section, by the page type of its list here.
SECTIONS = {TopicIndexPage: "topics", TripIndexPage: "trips", YouthProfileIndexPage: "inspirations"}


def addresses():
    site = find_site("generation")
    if site is None:
        return
    home = site.root_page
    yield OldAddress(HOST, PREFIX, home)
    english = Locale.get_default()
    for model, section in SECTIONS.items():
        for index in model.objects.live().descendant_of(home).filter(locale=english):
            yield OldAddress(HOST, f"{PREFIX}{section}/", index)
            for page in index.get_children().live():
                yield OldAddress(HOST, f"{PREFIX}{section}/{page.slug}/", page)
