import pytest

from tests.events.factories import EventIndexPageFactory


@pytest.fixture
def event_indexes(sites):
    """An event listing under each site's home, as load_demo makes them."""
    return {
        key: EventIndexPageFactory(parent=site.root_page, title="Events")
        for key, site in sites.items()
    }
