"""Generation NYC demo content, read from demo_data/*.toml: topics, sample youth profiles and
free trips, in plain words for teens, and the home and About pages. Spanish and Arabic are in
demo_data/es.po and ar.po."""

from pathlib import Path

from cms.core.demo_data import read_toml, stream, translations, translations_by_name

DATA = Path(__file__).parent / "demo_data"


def _block(block_type, value):
    if block_type == "call_to_action":
        # The demo's calls to action link to a URL, not to a page.
        value = {"page": None, **value}
    return block_type, value


def _page(fields):
    """Page fields from a TOML table, its `body` as StreamField content."""
    if "body" in fields:
        fields = {**fields, "body": [_block(*block) for block in stream(fields["body"])]}
    return fields


_HOME = read_toml(DATA / "home.toml")
HOME = _page(_HOME["home"])
HOME_ILLUSTRATION = HOME.pop("illustration")
HOME_TRANSLATIONS = translations(DATA, "home page")
ABOUT = _page(_HOME["about"])
FEATURED_TOPICS = _HOME["featured"]["topics"]
FEATURED_PROFILE = _HOME["featured"]["profile"]

_TOPICS = read_toml(DATA / "topics.toml")
TOPIC_INDEX = _TOPICS["index"]
# slug: page fields; "trips" lists the slugs of trips shown on the topic. Topics, profiles
# and trips each have an "illustration" (see cms.core.demo_images.ensure_illustration).
TOPICS = {slug: _page(fields) for slug, fields in _TOPICS["topic"].items()}
TOPIC_TRANSLATIONS = translations_by_name(DATA, "topic ")

_PROFILES = read_toml(DATA / "profiles.toml")
PROFILE_INDEX = _PROFILES["index"]
# slug: fields; "topics" and "related" are slugs of topics and other profiles.
PROFILES = {
    slug: {**_page(fields), "intro": f"{_PROFILES['sample']} {fields['intro']}"}
    for slug, fields in _PROFILES["profile"].items()
}

_TRIPS = read_toml(DATA / "trips.toml")
TRIP_INDEX = _TRIPS["index"]
TRIPS = {slug: _page(fields) for slug, fields in _TRIPS["trip"].items()}
