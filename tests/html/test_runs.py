from __future__ import annotations

import pytest

from locpipe.html.runs import is_text


@pytest.mark.parametrize(
    ("plain", "text"),
    [
        ("Hello", True),
        ("12 500 ₽", False),  # no letter
        ("—", False),
        ("https://example.com/a", False),  # a lone URL
        ("info@example.com", False),
        ("example.com", False),
        ("Contact info@example.com", True),  # a label beside the address
        ("(www.example.com)", False),
        ("Dr. Smith", True),
    ],
)
def test_is_text(plain: str, text: bool) -> None:
    assert is_text(plain) is text
