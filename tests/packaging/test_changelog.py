"""Issue 12 item 7: the CHANGELOG, the AppStream <releases> and pyproject's version agree."""
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$", re.M)


def changelog_releases() -> list[tuple[str, str]]:
    """(version, date) of every released section, newest first ([Unreleased] has no date)."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return [(m["version"], m["date"]) for m in HEADING.finditer(text) if m["version"] != "Unreleased"]


def metainfo_releases() -> list[tuple[str, str]]:
    (path,) = (ROOT / "packaging" / "linux").glob("*.metainfo.xml")
    return [(r.get("version"), r.get("date")) for r in ET.parse(path).getroot().iter("release")]


def test_every_changelog_release_has_a_date_and_a_section():
    releases = changelog_releases()
    assert releases, "no released section in CHANGELOG.md"
    assert all(date for _, date in releases), releases
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for version, _ in releases:           # each version links to its release
        assert re.search(rf"^\[{re.escape(version)}\]: https://", text, re.M), version


def test_the_metainfo_releases_are_the_changelogs():
    assert metainfo_releases() == changelog_releases()


def test_the_newest_release_is_the_version_in_pyproject():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert changelog_releases()[0][0] == version
