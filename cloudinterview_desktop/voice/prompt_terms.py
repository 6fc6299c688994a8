"""The question's identifiers and domain words as a Whisper prompt, and identifiers restored in transcripts."""

from __future__ import annotations

import re

MAX_TERMS = 30  # Whisper keeps only the last ~220 prompt tokens; a glossary this long stays well inside

# Canonical spelling → how a question may refer to it. A question that only implies a structure ("a graph", "the
# k largest") still lists the words an answer to it is likely to use.
DOMAIN_TERMS: dict[str, tuple[str, ...]] = {
    "hash map": ("hash map", "hashmap", "hash table", "dictionary", "two sum", "anagram", "frequency"),
    "hash set": ("hash set", "hashset", "duplicate"),
    "BFS": ("bfs", "breadth-first", "breadth first", "level order", "shortest path", "graph", "grid"),
    "DFS": ("dfs", "depth-first", "depth first", "graph", "tree", "grid", "islands"),
    "adjacency list": ("adjacency list", "graph", "edges", "prerequisites"),
    "adjacency matrix": ("adjacency matrix",),
    "binary search tree": ("binary search tree", "bst"),
    "binary tree": ("binary tree",),
    "binary search": ("binary search", "sorted array", "rotated"),
    "linked list": ("linked list", "listnode"),
    "stack": ("stack", "parentheses", "brackets", "monotonic"),
    "queue": ("queue",),
    "deque": ("deque", "sliding window maximum"),
    "heap": ("heap", "priority queue", "k largest", "kth largest", "k closest", "top k", "median"),
    "priority queue": ("priority queue", "heap", "dijkstra"),
    "trie": ("trie", "prefix tree", "autocomplete", "word search"),
    "dynamic programming": ("dynamic programming", "subsequence", "knapsack", "coin change", "climbing stairs",
                            "edit distance"),
    "memoization": ("memoization", "memoize", "dynamic programming"),
    "two pointers": ("two pointers", "two-pointer", "palindrome", "container with most water", "three sum"),
    "sliding window": ("sliding window", "substring", "subarray"),
    "topological sort": ("topological", "prerequisite", "course schedule", "dependency order", "dag"),
    "Dijkstra": ("dijkstra", "weighted graph", "shortest path"),
    "union-find": ("union find", "union-find", "disjoint set", "connected components"),
    "backtracking": ("backtracking", "permutations", "combinations", "subsets", "n-queens", "sudoku"),
    "recursion": ("recursion", "recursive"),
    "greedy": ("greedy", "intervals", "jump game"),
    "LRU cache": ("lru",),
    "time complexity": ("time complexity", "big o", "complexity"),
    "space complexity": ("space complexity", "memory", "complexity"),
    "race condition": ("race condition", "concurrent", "thread-safe", "thread safe"),
    "mutex": ("mutex", "lock", "thread-safe", "thread safe"),
    "deadlock": ("deadlock",),
    "load balancer": ("load balancer", "load balancing"),
    "sharding": ("sharding", "shard"),
    "cache": ("cache", "caching"),
}

_CODE_SPAN = re.compile(r"`([^`\n]{1,60})`")
_CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\(")
_SNAKE = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b")
_CAMEL = re.compile(r"\b[a-z]+[0-9]*(?:[A-Z][a-z0-9]*)+\b|\b(?:[A-Z][a-z0-9]+){2,}\b")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WORD_SPLIT = re.compile(r"_+|(?<=[a-z0-9])(?=[A-Z])")


def identifier_parts(identifier: str) -> list[str]:
    """`topological_sort` → [topological, sort]; `maxDepth` → [max, Depth]; one part for a plain word."""
    return [p for p in _WORD_SPLIT.split(identifier) if p]


def _identifiers(text: str) -> list[str]:
    found: list[str] = []
    for span in _CODE_SPAN.findall(text):
        name = span.strip().split("(")[0].strip()
        if _IDENTIFIER.match(name) and len(name) > 1:
            found.append(name)
    found += [name for name in _CALL.findall(text) if len(name) > 1]
    found += _SNAKE.findall(text)
    found += _CAMEL.findall(text)
    return found


def question_prompt_terms(question_text: str) -> str:
    """A Whisper initial prompt for answers to this question, e.g.
    "Glossary: topological_sort, BFS, hash map, adjacency list." — or "" when the question names nothing technical.
    The "Glossary:" form was measured: a bare comma list made tiny.en drop the start of a sentence."""
    terms: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        key = term.lower()
        if key not in seen and len(terms) < MAX_TERMS:
            seen.add(key)
            terms.append(term)

    identifiers = _identifiers(question_text)
    for name in identifiers:
        add(name)
    for acronym in _ACRONYM.findall(question_text):
        add(acronym)
    spoken_identifiers = {" ".join(identifier_parts(n)).lower() for n in identifiers}
    lowered = question_text.lower()
    for canonical, aliases in DOMAIN_TERMS.items():
        if canonical.lower() in spoken_identifiers:
            continue  # the identifier form is already listed and restore_identifiers writes it that way
        if any(re.search(rf"\b{re.escape(alias)}", lowered) for alias in aliases):
            add(canonical)
    return f"Glossary: {', '.join(terms)}." if terms else ""


def identifiers_in(prompt: str | None) -> list[str]:
    """The multi-part identifiers (snake_case, camelCase) a prompt names: the ones worth restoring."""
    if not prompt:
        return []
    names = {n for n in _SNAKE.findall(prompt) + _CAMEL.findall(prompt) if len(identifier_parts(n)) > 1}
    return sorted(names, key=len, reverse=True)


def restore_identifiers(text: str, identifiers: list[str]) -> str:
    """Writes an identifier the question named in code form where the transcript has it as spoken words
    ("top of the topological sort" → "top of the topological_sort")."""
    for name in identifiers:
        parts = identifier_parts(name)
        if len(parts) < 2:
            continue
        pattern = r"\b" + r"[\s_-]*".join(re.escape(p) for p in parts) + r"\b"
        text = re.sub(pattern, name, text, flags=re.IGNORECASE)
    return text
