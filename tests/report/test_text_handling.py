"""The text helpers under the exports: control characters, right-to-left order, Arabic joining, Markdown escaping,
code highlighting and wrapping, and font fallback per character."""

from __future__ import annotations

import pytest

from cloudinterview_desktop.report.markdown_export import esc, fence
from cloudinterview_desktop.report.pdf_bidi import shape_arabic, visual
from cloudinterview_desktop.report.pdf_code import highlighted_lines, wrap_segments
from cloudinterview_desktop.report.pdf_fonts import load_fonts
from cloudinterview_desktop.report.text import clean, clip, clock


def test_clean_drops_control_characters_and_lone_surrogates_only() -> None:
    assert clean("a\x00b\x07c\x1b[31m\td\r\ne\x7f\x85f\ud800g") == "abc[31m\td\nef\ufffdg"
    assert clean("Renée 中文 שלום 😀") == "Renée 中文 שלום 😀"


def test_clip_cuts_at_a_break_and_counts_what_it_left_out() -> None:
    text = "word " * 1000
    shown, cut = clip(text, 1003)
    assert shown.endswith("word") and len(shown) + cut == len(text) and len(shown) <= 1003
    assert clip("short", 10) == ("short", 0)
    assert clock(65) == "+1:05" and clock(3725) == "+1:02:05"


@pytest.mark.parametrize(("logical", "drawn"), [
    ("שלום עולם", "םלוע םולש"),  # a right-to-left line is reversed
    ("אני עובד ב-Google מאז 2019.", ".2019 זאמ Google-ב דבוע ינא"),  # numbers and Latin words keep their order
    ("Hello שלום עולם (test) 42!", "Hello םלוע םולש (test) 42!"),  # a left-to-right line reverses only the run
    ("(שלום)", "(םולש)"),  # brackets are mirrored inside right-to-left text
    ("plain text", "plain text"),
])
def test_visual_order(logical: str, drawn: str) -> None:
    assert visual(logical) == drawn


def test_arabic_letters_join_and_lam_alef_is_one_glyph() -> None:
    shaped = shape_arabic("مرحبا لا")
    # meem initial, reh final, hah initial, beh medial, alef final; then the lam-alef ligature alone.
    assert shaped == "\ufee3\ufeae\ufea3\ufe92\ufe8e \ufefb"
    assert shape_arabic("no arabic") == "no arabic"


def test_markdown_escaping_leaves_no_markup() -> None:
    text = esc("<script>x</script> & *a* _b_ [l](u) a|b ~~s~~ `c`\n# h\n- item\n10) ten")
    assert "<" not in text and ">" not in text.replace("&gt;", "")
    assert "&lt;script&gt;" in text and "&amp;" in text
    for raw in ("\\*a\\*", "\\_b\\_", "\\[l\\]", "a\\|b", "\\~\\~s\\~\\~", "\\`c\\`", "\\# h", "\\- item", "10\\) ten"):
        assert raw in text
    assert fence("print('```')", "Python") == "````python\nprint('```')\n````"


def test_code_is_highlighted_and_long_lines_wrap() -> None:
    lines = highlighted_lines("def f(x):\n    return x  # note\n", "python")
    assert len(lines) == 2
    colours = {colour for _text, colour in lines[0] + lines[1]}
    assert len(colours) >= 3  # keywords, names, comments in different colours
    assert "".join(text for text, _ in lines[1]) == "    return x  # note"
    wrapped = wrap_segments([("x" * 50, "#000000"), ("中文", "")], 20)
    assert ["".join(t for t, _ in line) for line in wrapped] == ["x" * 20, "x" * 20, "x" * 10 + "中文"]
    assert highlighted_lines("a = 1", "brainfuck-unknown")  # an unknown language is drawn as plain text


def test_each_character_gets_a_font_that_has_it() -> None:
    fonts = load_fonts()
    if not fonts.embedded:
        assert fonts.runs("Renée 中文", fonts.sans) == [(fonts.sans, "Ren?e ??")]
        return
    runs = fonts.runs("Renée 中文 \u200d😀\ufe0f", fonts.sans)
    assert "".join(piece for _font, piece in runs) == "Renée 中文 😀"  # joiners and selectors dropped
    for font, piece in runs:
        for char in piece:
            code = ord(char)
            assert code in fonts.coverage[font] or not any(code in fonts.coverage[f] for f in fonts.coverage)
