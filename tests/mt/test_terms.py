from __future__ import annotations

import pytest

from locpipe.mt.pseudo import PseudoEngine
from locpipe.mt.terms import PIECES_WARNING, KeepTermsEngine, keeps_verbatim, term_pattern


def engine(*terms: str) -> KeepTermsEngine:
    return KeepTermsEngine(PseudoEngine(), terms)


def test_text_without_terms_is_translated_whole() -> None:
    (result,) = engine("Apogee Desk").translate(["Write to us"])
    assert result.text == "[Ŵŕíţé ţó úš]"
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("Write to Apogee Desk today", "[Ŵŕíţé ţó] Apogee Desk [ţóđáý]"),
        ("Apogee Desk", "Apogee Desk"),
        ("About apogee desk", "[Áƀóúţ] apogee desk"),
        ("Read <strong>Apogee Desk</strong> news", "[Ŕéáđ] <strong>Apogee Desk</strong> [ñéŵš]"),
        ("AT&amp;T and Apogee Desk", "[ÁŢ&amp;Ţ áñđ] Apogee Desk"),
    ],
)
def test_terms_survive_a_model_that_changes_them(msgid: str, expected: str) -> None:
    (result,) = engine("Apogee Desk", "Tilda").translate([msgid])
    assert result.text == expected
    assert PIECES_WARNING in result.warnings


def test_a_cut_through_a_tag_pair_keeps_the_whole_output_and_warns() -> None:
    (result,) = engine("Apogee").translate(["<a>Apogee news</a>"])
    assert result.text == "[<a>Áþóĝéé ñéŵš</a>]"
    assert result.warnings == ("check the do-not-translate term(s) Apogee",)


def test_output_that_kept_the_term_is_used_as_it_is() -> None:
    (result,) = engine("2024").translate(["Issue 2024 is out"])
    assert result.text == "[Íššúé 2024 íš óúţ]"
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("Zero Block", "a zero\u00a0block here", True),
        ("Tilda", "Tildas", False),
        ("Tilda", "(Tilda)", True),
    ],
)
def test_term_pattern(term: str, text: str, found: bool) -> None:
    assert (term_pattern(term).search(text) is not None) is found


def test_keeps_verbatim_is_case_sensitive() -> None:
    assert keeps_verbatim("Apogee Desk", "О Apogee Desk")
    assert not keeps_verbatim("Apogee Desk", "О apogee desk")
