"""Stored UTC times shown in the user's time zone, long and short."""
import os
import time

import pytest

from mockinterview.core.local_time import when


@pytest.fixture
def tokyo(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_when_is_local_and_its_short_form_drops_the_weekday(tokyo):
    assert os.environ["TZ"] == "Asia/Tokyo"
    assert when("2026-12-04T20:30:00+00:00") == "Sat 5 Dec 2026, 05:30"      # the next morning in Tokyo
    assert when("2026-12-04T20:30:00") == "Sat 5 Dec 2026, 05:30"            # no offset stored: UTC
    assert when("2026-12-04T20:30:00+00:00", short=True) == "5 Dec 2026, 05:30"
    assert when("not a time") == "not a time"
