import pytest

from cms.editorial.groups import ensure_editorial_setup
from tests.core.factories import StandardPageFactory
from tests.editorial.factories import UserFactory


@pytest.fixture
def editorial(translated_sites):
    """Both sites with their editorial groups, collections and review workflows."""
    ensure_editorial_setup()
    return translated_sites


@pytest.fixture
def growingup_page(editorial):
    return StandardPageFactory(parent=editorial["growingup"].root_page, title="Child care")


@pytest.fixture
def user_in():
    """user_in("Growing Up NYC editors") makes a sample admin user in that group."""
    return lambda *groups: UserFactory(groups=list(groups))
