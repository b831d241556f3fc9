"""planparse parse --format text: the outline for a person at a terminal."""
from __future__ import annotations

import io

import planparse
from planparse.textview import outline, use_colour

from conftest import SAMPLES
from test_cli import run

PLAN = "# Verksamhetsplan 2025\n\nFöreningen Testbyn\n\n## Möten\n\n### Vår\n\n- Hålla minst 4 medlemsmöten\n" \
       "\n## Mål\n\n- Öka antalet medlemmar\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_outline_indents_sections_and_reads_targets_beside_their_words():
    text = outline(planparse.parse_text(PLAN, "md"))
    lines = text.splitlines()
    assert lines[:2] == ["Verksamhetsplan 2025", "Föreningen Testbyn · 2025 · okänd"]
    assert "Möten" in lines and "  Vår" in lines
    assert "    - Hålla minst 4 medlemsmöten [≥ 4 medlemsmöte]" in lines
    assert "  ! Öka antalet medlemmar" in lines  # a goal check would flag


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour(Terminal()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())
    coloured = outline(planparse.parse_text(PLAN, "md"), colour=True)
    assert "\033[33mminst 4 medlemsmöten\033[0m" in coloured


def test_piped_output_is_plain_and_english_when_asked():
    proc = run("parse", str(SAMPLES / "granbacka-2025.txt"), "--format", "text", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "\033[" not in proc.stdout
    assert "PRO GRANBACKA · 2025 · draft" in proc.stdout and "[> 360 medlem]" in proc.stdout
