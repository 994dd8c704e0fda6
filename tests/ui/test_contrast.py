"""Every text colour the transcript uses is readable on what it is drawn on: WCAG contrast
≥ 4.5:1, computed from the formats themselves in the light and the dark palette (issue 11)."""
import re

import pytest

from mockinterview.ui.transcript_html import DARK, LIGHT

PAGE = {"light": "#ffffff", "dark": "#1e1e1e"}          # the transcript's base in each palette


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("palette,styles", [("light", LIGHT), ("dark", DARK)])
def test_every_transcript_colour_reads_at_4_5_to_1(palette, styles):
    for kind, style in styles.items():
        colour = re.search(r"(?<!-)color:(#[0-9a-fA-F]{6})", style).group(1)
        background = re.search(r"background:(#[0-9a-fA-F]{6})", style)
        behind = background.group(1) if background else PAGE[palette]
        assert contrast(colour, behind) >= 4.5, f"{palette} {kind}: {colour} on {behind} is {contrast(colour, behind):.2f}:1"


def test_the_contrast_formula_matches_wcag():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0 and round(contrast("#767676", "#ffffff"), 2) == 4.54
