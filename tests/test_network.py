"""Invite links and addresses: PARLEY_PUBLIC_URL wins, loopback is told apart, bad settings say how to fix them."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.network import invite_base, is_loopback, reachable_urls


def test_public_url_is_the_base_of_every_invite_link() -> None:
    s = Settings.from_env({"PARLEY_DATA_DIR": "/tmp/x", "PARLEY_PUBLIC_URL": "https://parley.example.org/"})
    assert s.public_url == "https://parley.example.org"
    assert invite_base(s.public_url, "http://127.0.0.1:8501/session?x=1") == "https://parley.example.org"


def test_without_a_public_url_links_follow_the_address_the_page_was_opened_at() -> None:
    assert invite_base(None, "http://192.168.1.20:8501/session") == "http://192.168.1.20:8501"
    assert invite_base(None, "http://192.168.1.20:8501/?t=abc#top") == "http://192.168.1.20:8501"


@pytest.mark.parametrize("bad", ["parley.example.org", "ftp://host", "http://", "https://h/?a=1"])
def test_a_public_url_people_cannot_open_is_refused_with_an_example(bad: str) -> None:
    with pytest.raises(ConfigError, match=r"PARLEY_PUBLIC_URL.*e\.g\."):
        Settings.from_env({"PARLEY_DATA_DIR": "/tmp/x", "PARLEY_PUBLIC_URL": bad})


def test_loopback_and_the_addresses_printed() -> None:
    assert is_loopback("localhost") and is_loopback("127.0.0.1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")
    assert reachable_urls("localhost", 8501) == ("http://localhost:8501", [])
    assert reachable_urls("192.168.1.20", 8502) == ("http://localhost:8502", ["http://192.168.1.20:8502"])
    local, network = reachable_urls("0.0.0.0", 8501)
    assert local == "http://localhost:8501"
    assert all(u.startswith("http://") and "127.0.0.1" not in u for u in network)
