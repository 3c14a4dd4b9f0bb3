"""One gate for text from outside (clean_text), one escaper for Markdown (markdown_text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.files.control import ANY_CONTROL, clean_text, visible
from planner.exports.markdown_text import markdown_text
from tests.fuzzing import fuzz_settings


@pytest.mark.parametrize(("raw", "kept"), [
    ("\x1b]0;owned\x07left side", "]0;ownedleft side"),  # the escape sequence cannot run: ESC and BEL are gone
    ("skipped\r\nForged line: all done", "skipped Forged line: all done"),  # CR/LF cannot start a new line
    ("txt.\u202eexe", "txt.exe"),  # a bidi override cannot turn the text around
    ("one\u2028two\u2029three", "one two three"),  # line and paragraph separators are spaces
    ("a\u2066b\u2069c\u200fd", "abcd"),  # isolates and marks
    ("  tabs\tand   spaces ", "tabs and spaces"),
    ("Côté gauche – ok ✓", "Côté gauche – ok ✓"),  # ordinary text is untouched
])
def test_clean_text_leaves_one_line_with_no_control_or_bidi_character(raw: str, kept: str) -> None:
    assert clean_text(raw) == kept


@fuzz_settings(100)
@given(st.text())
def test_nothing_clean_text_returns_can_control_a_terminal(text: str) -> None:
    cleaned = clean_text(text)
    assert ANY_CONTROL.search(cleaned) is None
    assert visible(cleaned) == cleaned
    assert clean_text(cleaned) == cleaned, "cleaning twice changes nothing"


def test_printing_shows_bidi_and_separators_as_escapes() -> None:
    assert visible("a\u202eb\u2028c") == "a\\u202eb\\u2028c"


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>", "[click](javascript:alert(1))", "![x](http://tracker.example/p.png)",
    "<http://example.com>", "<img src=http://example.com/x.png>", "a | b", "*bold* _it_ ~~gone~~ `code`",
])
def test_markdown_text_keeps_html_links_and_images_as_text(raw: str) -> None:
    escaped = markdown_text(raw)
    for opener in ("<", "[", "`", "|", "*", "_", "~"):
        assert escaped.count(opener) == escaped.count("\\" + opener), (raw, escaped)
    assert escaped.replace("\\", "") == raw.replace("\\", "")


def test_markdown_text_is_one_line_without_controls() -> None:
    assert markdown_text("a\nb\x1b[2Jc\u202e") == "a b\\[2Jc"
