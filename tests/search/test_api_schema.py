"""The search API against its own OpenAPI schema: schemathesis generates parameters from the
schema and checks every answer (no server error, a documented status, the documented shape).
Driven through Hypothesis directly: schemathesis' pytest plugin does not run on pytest 9."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db


def test_the_api_keeps_to_its_schema(searchable, settings_override):
    schema = schemathesis.openapi.from_wsgi("/api/search/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} == {
        "/api/search",
        "/api/search/autocomplete",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def keeps_to_schema(case):
            case.call_and_validate(headers={"Host": "growingup.localhost"})

        keeps_to_schema()


@pytest.fixture
def settings_override(settings):
    settings.SEARCH_API_RATE = "100000/m"
    # As Django's test client does: the end of a request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
