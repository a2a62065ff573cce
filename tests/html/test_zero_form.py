from __future__ import annotations

import json

from locpipe.html.zero_form import zero_form_texts


def texts(raw: str) -> list[tuple[str, str, str]]:
    page = raw.encode()
    found = zero_form_texts(page, 0, len(page), "utf-8")
    return [(t.what, t.value.decode(), page[t.offsets[0] : t.offsets[-1]].decode()) for t in found]


def test_only_the_text_keys_are_read_with_the_offsets_of_their_literal() -> None:
    raw = json.dumps([{"li_nm": "name", "li_ph": "Your name", "li_title": "Caf\u00e9"}])
    assert texts(raw) == [
        ("Zero form field placeholder (li_ph)", "Your name", "Your name"),
        ("Zero form field title (li_title)", "Café", "Caf\\u00e9"),
    ]


def test_variants_give_one_text_per_line() -> None:
    raw = json.dumps([{"li_variants": "Red\nGreen"}])
    assert [value for _, value, _ in texts(raw)] == ["Red", "Green"]


def test_json_written_with_references_or_broken_is_left_alone() -> None:
    assert texts("[{&quot;li_ph&quot;: &quot;x&quot;}]") == []
    assert texts('[{"li_ph": "x"') == []
