from __future__ import annotations

from cloudinterview_desktop.ui.interview_page import message_markdown_html


def test_markdown_renders_and_markup_stays_text() -> None:
    rendered = message_markdown_html("Use **a hash map**.\n\n```python\nif a < b and c & d:\n    s = '&lt;'\n```\n"
                                     "<script>alert(1)</script> and `x<y`")
    assert "<strong>a hash map</strong>" in rendered
    assert "if a &lt; b and c &amp; d:" in rendered  # shown as `if a < b and c & d:`
    assert "s = '&amp;lt;'" in rendered  # the literal text &lt; is kept as typed
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "<code>x&lt;y</code>" in rendered
