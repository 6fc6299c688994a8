"""A LeetCodeDataset problem's statement as the bank's Markdown, its title from its slug, and its tags as the
bank's topics."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# LeetCode tags that have a topic of their own in the bank's vocabulary (docs/problem-format.md); others are slugified.
TAG_TOPICS = {
    "array": "arrays", "string": "strings", "hash-table": "hashing", "two-pointers": "two-pointers",
    "sliding-window": "sliding-window", "stack": "stack", "monotonic-stack": "stack", "queue": "queue",
    "binary-search": "binary-search", "linked-list": "linked-lists", "tree": "trees", "binary-tree": "trees",
    "binary-search-tree": "trees", "graph": "graphs", "heap-priority-queue": "heaps",
    "dynamic-programming": "dynamic-programming",
    "greedy": "greedy", "backtracking": "backtracking", "bit-manipulation": "bit-manipulation", "math": "math",
    "design": "design", "sorting": "sorting", "matrix": "matrix", "prefix-sum": "prefix-sum",
    "recursion": "recursion", "trie": "trie", "union-find": "union-find", "interval": "intervals",
}
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})
_ROMAN = re.compile(r"^(i{1,3}|iv|v|vi{1,3}|ix|x)$")
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
_SECTION = re.compile(r"^(Example\s*\d*|Constraints|Follow[- ]?up|Note)\s*:\s*(.*)$", re.IGNORECASE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<])")
_CODE_LIKE = re.compile(r"[<>=\[\]^]|\.length")


# -- statement, title, topics ----------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def render_statement(text: str) -> str:
    """A LeetCode description (plain text with Example and Constraints sections) as Markdown: examples fenced,
    constraints as a list, prose escaped so that `*` and `_` stay characters."""
    blocks: list[str] = []
    fence: list[str] = []
    bullets: list[str] = []
    mode = "text"

    def flush() -> None:
        if fence:
            blocks.append("```text\n" + "\n".join(fence) + "\n```")
            fence.clear()
        if bullets:
            blocks.append("\n".join(bullets))
            bullets.clear()

    for raw_line in text.replace("\r\n", "\n").replace("\xa0", " ").split("\n"):
        line = raw_line.rstrip()
        stripped = line.strip()
        section = _SECTION.match(stripped)
        if section:
            flush()
            head, rest = section.group(1), section.group(2)
            lowered = head.lower()
            mode = "example" if lowered.startswith("example") else "constraints" if lowered == "constraints" else "text"
            blocks.append(f"**{head}:**" + (f" {_escape(rest)}" if rest else ""))
        elif not stripped:
            continue
        elif mode == "example":
            fence.append(stripped)
        elif mode == "constraints":
            bullets.append("- " + (_code(stripped) if _CODE_LIKE.search(stripped) else _escape(stripped)))
        elif line.startswith((" ", "\t")):
            if bullets:
                flush()
            fence.append(line)
        else:
            flush()
            blocks.append(_escape(stripped))
    flush()
    return "\n\n".join(blocks)


def title_from_slug(slug: str) -> str:
    words = [w for w in slug.split("-") if w]
    out = []
    for position, word in enumerate(words):
        if _ROMAN.match(word) and position > 0:
            out.append(word.upper())
        elif word in _SMALL_WORDS and position > 0:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out) or slug


def topics_from_tags(tags: Sequence[Any]) -> list[str]:
    topics: list[str] = []
    for tag in tags:
        slug = _SLUG_CHARS.sub("-", str(tag).lower()).strip("-")
        topic = TAG_TOPICS.get(slug, slug)
        if topic and topic not in topics:
            topics.append(topic)
    return topics or ["algorithms"]
