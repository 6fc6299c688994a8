"""Compiles `resources/bank/**.json` into `problems.sqlite` (written to a temporary file, then renamed), through the
same `Catalog` and bank migrations as the user's own items, so the shipped file is at the latest bank schema."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.gaps import required_gap_tags
from cloudinterview_desktop.domain.problems import BankItem, BehavioralQuestion, TheoryQuestion
from cloudinterview_desktop.store.database import migrate_lock_path

KINDS = ("coding", "theory", "behavioral")
MIN_CUES, MIN_TOPIC_WORDS, MIN_MISCONCEPTIONS = 3, 15, 3
# The coding topics docs/problem-format.md lists; imported sets may use others, the built-in bank may not.
CODING_TOPICS = frozenset({
    "arrays", "strings", "hashing", "two-pointers", "sliding-window", "stack", "queue", "binary-search",
    "linked-lists", "trees", "graphs", "heaps", "intervals", "dynamic-programming", "greedy", "backtracking",
    "bit-manipulation", "math", "design", "sorting", "matrix", "prefix-sum", "recursion", "trie", "union-find",
})


@dataclass(frozen=True)
class BuildResult:
    path: Path
    counts: dict[str, int]
    content_hash: str


def bank_files(bank_dir: Path) -> list[Path]:
    return sorted(p for kind in KINDS for p in (bank_dir / kind).glob("*.json"))


def content_hash(bank_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in bank_files(bank_dir):
        digest.update(path.relative_to(bank_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _missing_signals(item: BankItem) -> list[str]:
    """What the built-in bank authors for the interviewer's measures: cues for every key point and the common
    misconceptions of every theory question, topic words for every story question."""
    if isinstance(item, TheoryQuestion):
        thin = [str(n + 1) for n, cues in enumerate(item.key_point_cues) if len(cues) < MIN_CUES]
        problems = [] if item.key_point_cues else ["key_point_cues must give cues for every key point"]
        if thin:
            problems.append(f"key_point_cues needs at least {MIN_CUES} cues for key point(s) {', '.join(thin)}")
        if len(item.misconceptions) < MIN_MISCONCEPTIONS:
            problems.append(f"misconceptions needs at least {MIN_MISCONCEPTIONS} ({len(item.misconceptions)} given)")
        return problems
    if isinstance(item, BehavioralQuestion) and len(item.topic_words) < MIN_TOPIC_WORDS:
        return [f"topic_words needs at least {MIN_TOPIC_WORDS} words ({len(item.topic_words)} given)"]
    return []


def load_bank(bank_dir: Path) -> list[tuple[BankItem, dict[str, Any]]]:
    """Every item of the bank folder, or a ProblemFormatError listing each bad file."""
    loaded: list[tuple[BankItem, dict[str, Any]]] = []
    errors: list[str] = []
    seen: dict[str, Path] = {}
    for path in bank_files(bank_dir):
        try:
            item = load_item_file(path)
        except ProblemFormatError as exc:
            errors.append(str(exc))
            continue
        unknown = sorted(set(item.topics) - CODING_TOPICS) if item.kind.value == "coding" else []
        if unknown:
            errors.append(f"{path.name}: unknown topics {', '.join(unknown)} (see docs/problem-format.md)")
        wanted = required_gap_tags(item.kind.value, len(item.key_points) if isinstance(item, TheoryQuestion) else 0)
        missing = [tag for tag in wanted if tag not in item.gap_follow_ups]
        extra = sorted(set(item.gap_follow_ups) - set(wanted))
        if missing or extra:
            errors.append(f"{path.name}: gap_follow_ups must author exactly {', '.join(wanted)}"
                          + (f" (missing {', '.join(missing)})" if missing else "")
                          + (f" (unknown {', '.join(extra)})" if extra else ""))
        errors.extend(f"{path.name}: {problem}" for problem in _missing_signals(item))
        if path.parent.name != item.kind.value:
            errors.append(f"{path.name}: a {item.kind.value} item must live in {item.kind.value}/")
        if item.slug in seen:
            errors.append(f"{path.name}: duplicate slug {item.slug!r} (also {seen[item.slug]})")
        seen[item.slug] = path
        loaded.append((item, json.loads(path.read_text(encoding="utf-8"))))
    if errors:
        raise ProblemFormatError("\n".join(errors))
    return loaded


def build_bank(bank_dir: Path, output: Path) -> BuildResult:
    items = load_bank(bank_dir)
    digest = content_hash(bank_dir)
    tmp = output.with_name(output.name + ".tmp")
    tmp.unlink(missing_ok=True)
    catalog = Catalog(tmp)
    try:
        catalog.add_all(items)
        catalog.set_meta("content_hash", digest)
        catalog.set_meta("format", "1")
        catalog.compact()
    finally:
        catalog.close()
        migrate_lock_path(tmp).unlink(missing_ok=True)
    os.replace(tmp, output)
    counts = {kind: sum(1 for item, _ in items if item.kind.value == kind) for kind in KINDS}
    return BuildResult(output, counts, digest)


def is_stale(bank_dir: Path, built: Path) -> bool:
    if not built.exists():
        return True
    catalog = Catalog(built, readonly=True)
    try:
        return catalog.meta("content_hash") != content_hash(bank_dir)
    finally:
        catalog.close()
