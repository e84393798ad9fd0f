"""Links for a place with an address (an event, an activity, a trip): one on a map, and one
for directions, which a phone opens in its maps app."""

from urllib.parse import quote_plus, urlencode


def map_link(address, map_url=""):
    """The editor's own map link, else the address looked up on OpenStreetMap; "" without
    either."""
    if map_url:
        return map_url
    if address:
        return f"https://www.openstreetmap.org/search?query={quote_plus(address)}"
    return ""


class PlaceLinks:
    """`map_link` and `directions_link` for a model with an `address` (and maybe a `map_url`,
    an editor's own map link)."""

    @property
    def map_link(self):
        return map_link(self.address, getattr(self, "map_url", ""))

    @property
    def directions_link(self):
        return directions_link(self.address)


def directions_link(address):
    """Directions to the address from where the reader is (Google Maps' public URL scheme: no
    key, and a phone opens it in its maps app); "" without an address."""
    if not address:
        return ""
    return "https://www.google.com/maps/dir/?" + urlencode({"api": 1, "destination": address})
