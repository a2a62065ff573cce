import pytest

from locpipe.mt.pseudo import PseudoEngine, pseudo_localize

# The table of the spec ("Engines"), copied by hand so a change on either side shows.
SPEC_TABLE = """
a á  b ƀ  c ç  d đ  e é  f ƒ  g ĝ  h ĥ  i í  j ĵ  k ķ  l ĺ  m ɱ
n ñ  o ó  p þ  q ʠ  r ŕ  s š  t ţ  u ú  v ṽ  w ŵ  x ẋ  y ý  z ž
A Á  B Ɓ  C Ç  D Đ  E É  F Ƒ  G Ĝ  H Ĥ  I Í  J Ĵ  K Ķ  L Ĺ  M Ṁ
N Ñ  O Ó  P Þ  Q Ǫ  R Ŕ  S Š  T Ţ  U Ú  V Ṽ  W Ŵ  X Ẋ  Y Ý  Z Ž
"""
_WORDS = SPEC_TABLE.split()
PAIRS = list(zip(_WORDS[::2], _WORDS[1::2], strict=True))


def test_table_covers_every_ascii_letter() -> None:
    assert sorted(plain for plain, _ in PAIRS) == sorted(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )


@pytest.mark.parametrize(("plain", "accented"), PAIRS)
def test_each_letter_becomes_its_look_alike(plain: str, accented: str) -> None:
    assert pseudo_localize(plain) == f"[{accented}]"


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("Hello", "[Ĥéĺĺó]"),
        ("Read <a>more</a>", "[Ŕéáđ <a>ɱóŕé</a>]"),
        ("Line<br>two", "[Ĺíñé<br>ţŵó]"),
        ("Salt &amp; pepper", "[Šáĺţ &amp; þéþþéŕ]"),
        ("a &lt;b&gt; c", "[á &lt;ƀ&gt; ç]"),
        ("in\u00a0a\u00a0box", "[íñ\u00a0á\u00a0ƀóẋ]"),
        ("See https://example.com/About?x=Y ok", "[Šéé https://example.com/About?x=Y óķ]"),
        ("Go to www.Tilda.cc now", "[Ĝó ţó www.Tilda.cc ñóŵ]"),
        ("Mail Info@Example.com", "[Ṁáíĺ Info@Example.com]"),
        ("From 10:00 to 18.30, 1e6 or 0xFF", "[Ƒŕóɱ 10:00 ţó 18.30, 1e6 óŕ 0xFF]"),
        ("Привет, Tilda", "[Привет, Ţíĺđá]"),
        ("", "[]"),
    ],
)
def test_markup_entities_urls_emails_and_numbers_are_kept(msgid: str, expected: str) -> None:
    assert pseudo_localize(msgid) == expected


def test_engine_is_deterministic_and_reports_progress() -> None:
    engine = PseudoEngine()
    done: list[int] = []
    first = engine.translate(["One", "Two", "One"], progress=done.append)
    second = engine.translate(["One", "Two", "One"])
    assert [r.text for r in first] == ["[Óñé]", "[Ţŵó]", "[Óñé]"]
    assert first == second
    assert sum(done) == 3
    assert engine.name == "pseudo"
    assert engine.identity == "pseudo:1"
