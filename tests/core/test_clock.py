"""The suite's clock: each test runs at a fixed instant, and `make clock` runs the tests marked
`clock` once at each of its instants, so that none passes only at the hour CI happens to run."""

import datetime

import pytest
from django.utils import timezone

from tests import conftest


@pytest.mark.clock
def test_a_clock_test_runs_at_the_instant_it_was_given(clock_instant):
    given = datetime.datetime.fromisoformat(clock_instant)
    assert abs(timezone.now() - given) < datetime.timedelta(minutes=1)


def test_other_tests_run_at_the_suite_s_fixed_instant(clock_instant):
    assert clock_instant == conftest.CLOCK


class _Collecting:
    """What pytest hands pytest_generate_tests for one test function, and what it is told."""

    def __init__(self, marker):
        self.definition = type("Definition", (), {"get_closest_marker": lambda _, name: marker})()
        self.parametrized = []

    def parametrize(self, name, values, **options):
        self.parametrized.append((name, list(values), options))


def test_make_clock_gives_each_instant_to_the_clock_tests_only(monkeypatch):
    instants = ["2026-12-03T23:58:00-05:00", "2027-03-12T23:58:00-05:00"]
    monkeypatch.setattr(conftest, "CLOCK_INSTANTS", instants)
    dated, undated = _Collecting(marker=pytest.mark.clock.mark), _Collecting(marker=None)
    conftest.pytest_generate_tests(dated)
    conftest.pytest_generate_tests(undated)
    assert dated.parametrized == [("clock_instant", instants, {"indirect": True, "ids": instants})]
    assert undated.parametrized == []


def test_without_instants_a_clock_test_runs_once(monkeypatch):
    monkeypatch.setattr(conftest, "CLOCK_INSTANTS", [])
    dated = _Collecting(marker=pytest.mark.clock.mark)
    conftest.pytest_generate_tests(dated)
    assert dated.parametrized == []
