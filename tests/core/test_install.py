"""constraints.txt pins every dependency of pyproject.toml, for the oldest Python the project
admits (Debian 12's 3.11.2, which CI builds on), and the running venv is what it pins."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
# Debian 12's python3: the oldest Python that requires-python admits and that CI builds with.
OLDEST_PYTHON = "3.11.2"
# What pip's -c accepts: a plain name==version (no extras, markers, URLs or options).
PIN = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.+!_-]+)")

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def constraint_lines():
    for number, line in enumerate((ROOT / "constraints.txt").read_text().splitlines(), 1):
        # pip's comments: from a "#" at the start of a line or after whitespace.
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if line:
            yield number, line


def pins():
    found = {}
    for _, line in constraint_lines():
        match = PIN.fullmatch(line)
        if match:
            found[canonicalize_name(match["name"])] = Version(match["version"])
    return found


def requirements():
    """Every requirement of pyproject.toml: the runtime dependencies and each extra's."""
    listed = list(PROJECT["dependencies"])
    for extra in PROJECT.get("optional-dependencies", {}).values():
        listed += extra
    return [Requirement(r) for r in listed]


def installed(name):
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None


def test_every_line_is_a_plain_pin_that_pip_takes_as_a_constraint():
    bad = [f"{number}: {line}" for number, line in constraint_lines() if not PIN.fullmatch(line)]
    assert not bad


def test_the_project_itself_is_not_pinned():
    assert canonicalize_name(PROJECT["name"]) not in pins()


def test_every_dependency_is_pinned_within_its_range():
    pinned = pins()
    missing = sorted({r.name for r in requirements() if canonicalize_name(r.name) not in pinned})
    assert not missing, f"not in constraints.txt: {missing}"
    outside = [
        f"{r}: pinned {pinned[canonicalize_name(r.name)]}"
        for r in requirements()
        if not r.specifier.contains(pinned[canonicalize_name(r.name)], prereleases=True)
    ]
    assert not outside


def test_the_project_admits_debian_12s_python():
    assert SpecifierSet(PROJECT["requires-python"]).contains(OLDEST_PYTHON)


def test_each_dependency_is_installed():
    # The suite runs in the `.[dev]` venv; without this the checks below could pass on nothing.
    absent = sorted({r.name for r in requirements() if installed(r.name) is None})
    assert not absent


def test_installed_pins_admit_the_oldest_python():
    refused = []
    for name in sorted(pins()):
        dist = installed(name)
        requires = dist and dist.metadata.get("Requires-Python")
        if requires and not SpecifierSet(requires).contains(OLDEST_PYTHON, prereleases=True):
            refused.append(f"{name} {dist.version}: Requires-Python {requires}")
    assert not refused, f"these do not install on Python {OLDEST_PYTHON}: {refused}"


def test_installed_versions_are_the_pinned_ones():
    differ = []
    for name, version in sorted(pins().items()):
        dist = installed(name)
        if dist is not None and Version(dist.version) != version:
            differ.append(f"{name}: installed {dist.version}, pinned {version}")
    assert not differ, f"a stale venv (pip install -c constraints.txt -e '.[dev]'): {differ}"
