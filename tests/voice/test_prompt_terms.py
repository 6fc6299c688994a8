"""The question prompt: identifiers, acronyms and domain words, and identifiers restored in transcripts."""

from __future__ import annotations

from cloudinterview_desktop.voice.prompt_terms import identifiers_in, question_prompt_terms, restore_identifiers


def test_a_coding_question_gives_its_identifiers_acronyms_and_structures() -> None:
    prompt = question_prompt_terms(
        "Implement `LRUCache` with get(key) and put(key, value). Then write find_max_depth for a TreeNode "
        "binary tree using BFS or a queue; explain the time complexity.")
    assert prompt.startswith("Glossary: ") and prompt.endswith(".")
    terms = prompt[len("Glossary: "):-1].split(", ")
    for expected in ("LRUCache", "get", "put", "find_max_depth", "TreeNode", "BFS", "binary tree", "queue",
                     "time complexity", "LRU cache"):
        assert expected in terms
    assert terms.index("find_max_depth") < terms.index("binary tree"), "identifiers first"
    assert len(terms) == len({t.lower() for t in terms}), "no duplicates"


def test_a_graph_question_lists_what_an_answer_to_it_will_say() -> None:
    prompt = question_prompt_terms("Given course prerequisites as edges of a graph, can all courses be finished?")
    for expected in ("adjacency list", "BFS", "DFS", "topological sort"):
        assert expected in prompt


def test_a_behavioral_question_gives_no_prompt() -> None:
    assert question_prompt_terms("Tell me about a time you disagreed with your manager.") == ""


def test_identifiers_are_written_back_in_code_form() -> None:
    names = identifiers_in("Glossary: topological_sort, maxDepth, BFS, hash map.")
    assert names == ["topological_sort", "maxDepth"]
    text = "I call topological sort, then Topological-Sort again, and max depth on the tree, not sort."
    assert restore_identifiers(text, names) == (
        "I call topological_sort, then topological_sort again, and maxDepth on the tree, not sort.")
    assert restore_identifiers("the depth is max", names) == "the depth is max"
