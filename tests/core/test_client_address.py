"""Which address a request comes from, for the rate limits: X-Forwarded-For counts only as
far as it was written by proxies the settings trust (TRUSTED_PROXIES, NUM_PROXIES). Without
either, it is ignored, since anyone can send it."""

import pytest
from django.test import RequestFactory

from cms.security import client_address


def request_from(remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


def test_with_no_proxy_trusted_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES, settings.NUM_PROXIES = [], 0

    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("forwarded_for", "client"),
    [
        ("198.51.100.7", "198.51.100.7"),
        # What the client sent itself stands left of what the proxy appended.
        ("1.2.3.4, 198.51.100.7", "198.51.100.7"),
        ("1.2.3.4,5.6.7.8 , 198.51.100.7", "198.51.100.7"),
        # A second proxy of ours (in the trusted network) in the chain is passed over too.
        ("1.2.3.4, 198.51.100.7, 10.0.0.5", "198.51.100.7"),
        # Nonsense the proxy passed on: the proxy's own address stands for the client.
        ("not-an-address", "10.0.0.2"),
        ("", "10.0.0.2"),
        (None, "10.0.0.2"),
    ],
)
def test_the_client_is_the_right_most_address_no_trusted_proxy_wrote(
    settings, forwarded_for, client
):
    settings.TRUSTED_PROXIES, settings.NUM_PROXIES = ["10.0.0.0/24"], 0

    assert client_address(request_from("10.0.0.2", forwarded_for)) == client


def test_a_request_not_from_a_trusted_proxy_is_taken_at_its_address(settings):
    settings.TRUSTED_PROXIES, settings.NUM_PROXIES = ["10.0.0.2"], 0

    assert client_address(request_from("203.0.113.9", "198.51.100.7")) == "203.0.113.9"


def test_a_number_of_proxies_trusts_that_many_hops(settings):
    settings.TRUSTED_PROXIES, settings.NUM_PROXIES = [], 2

    # The load balancer (REMOTE_ADDR) and the CDN before it (the last entry) are trusted.
    request = request_from("10.1.2.3", "1.2.3.4, 198.51.100.7, 192.0.2.50")

    assert client_address(request) == "198.51.100.7"
    assert client_address(request_from("10.1.2.3", "198.51.100.7")) == "198.51.100.7"


def test_ipv6_addresses_are_written_one_way(settings):
    settings.TRUSTED_PROXIES, settings.NUM_PROXIES = ["::1"], 0

    assert client_address(request_from("::1", "2001:DB8:0:0::1")) == "2001:db8::1"


def test_behind_a_proxy_on_a_unix_socket_the_count_applies(settings):
    settings.TRUSTED_PROXIES = []
    # gunicorn on a Unix socket has no REMOTE_ADDR.
    settings.NUM_PROXIES = 1
    assert client_address(request_from("", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"
    settings.NUM_PROXIES = 0
    assert client_address(request_from("", "1.2.3.4, 198.51.100.7")) == ""
