import pytest
from wagtail_localize.models import LocaleSynchronization

from tests.events.factories import EventIndexPageFactory

# Imported events get an untranslated copy in each language kept in step with English. Tests
# keep two in step, to stay quick; what holds for two holds for ten.
SYNCHRONISED = ["es", "ar"]


@pytest.fixture
def event_indexes(sites):
    """An event listing under each site's home, as load_demo makes them."""
    LocaleSynchronization.objects.exclude(locale__language_code__in=SYNCHRONISED).delete()
    return {
        key: EventIndexPageFactory(parent=site.root_page, title="Events")
        for key, site in sites.items()
    }


@pytest.fixture
def age_stages(locales):
    """The eight age stages, in English only."""
    from cms.core.demo_age_stages import AGE_STAGES
    from cms.core.models import AgeStage

    return [
        AgeStage.objects.create(
            slug=slug, name=name, age_label=label, sort_order=order, icon=icon, locale=locales["en"]
        )
        for order, (slug, name, label, _from, _to, _colour, icon) in enumerate(AGE_STAGES)
    ]
