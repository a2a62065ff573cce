from __future__ import annotations

import pytest

from locpipe.html.tree import MODE_ELEMENTS, TextMode


@pytest.mark.parametrize(
    ("path", "skips"),
    [
        ([("body", False), ("p", False)], False),
        ([("head", False)], True),
        ([("head", False), ("body", False)], False),
        ([("div", True), ("p", False)], True),  # excluded: nothing below is text
        ([("pre", False), ("b", False)], True),
        ([("svg", False), ("g", False)], True),
        ([("svg", False), ("title", False)], False),  # an SVG <title> is text
        ([("title", False)], False),  # the page's <title> is not an SVG one
        ([("math", False), ("desc", False)], False),
    ],
)
def test_what_is_text_is_derived_down_the_tree(path: list[tuple[str, bool]], skips: bool) -> None:
    mode = TextMode()
    for name, excluded in path:
        mode = mode.child(name, excluded)
    assert mode.skips_text is skips


@pytest.mark.parametrize("name", ["div", "p", "span", "a", "table"])
def test_an_element_that_changes_nothing_keeps_its_parents_mode(name: str) -> None:
    parent = TextMode(pre=True)
    assert name not in MODE_ELEMENTS
    assert parent.child(name, excluded=False) is parent
