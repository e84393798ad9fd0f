"""Editorial groups, collections and review workflows for the demo (see groups.py)."""

from cms.editorial.groups import ensure_editorial_setup


def load(report):
    ensure_editorial_setup(report)
