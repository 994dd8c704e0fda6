"""Times as the user reads them: the store keeps UTC (ISO 8601); the window and the terminal show the user's time zone."""
from __future__ import annotations

from datetime import datetime, timezone

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when(iso: str, short: bool = False) -> str:
    """A stored time in the user's time zone, e.g. 'Wed 15 Jan 2025, 13:30' (English, as the window is);
    short: '15 Jan 2025, 13:30' (narrow columns, where the weekday adds little)."""
    try:
        t = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    if t.tzinfo is None:                  # stored without an offset: it is UTC all the same
        t = t.replace(tzinfo=timezone.utc)
    t = t.astimezone()
    day = "" if short else f"{DAYS[t.weekday()]} "
    return f"{day}{t.day} {MONTHS[t.month - 1]} {t.year}, {t:%H:%M}"
