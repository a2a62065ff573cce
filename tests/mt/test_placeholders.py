import re
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from locpipe.msgid import PartKind, tokenize
from locpipe.mt.engine import MTResult
from locpipe.mt.placeholders import RUNS_WARNING, translate_markup, well_nested


class Recorder:
    """A plain translator made of a function, remembering every call."""

    def __init__(self, function: Callable[[str], str]) -> None:
        self.function = function
        self.calls: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> list[str]:
        self.calls.append(list(texts))
        return [self.function(text) for text in texts]

    @property
    def inputs(self) -> list[str]:
        return [text for call in self.calls for text in call]


def upper(text: str) -> str:
    return text.upper()


def drop_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text).upper()


def translate(
    msgid: str, function: Callable[[str], str] = upper, lang: str = "ru"
) -> tuple[MTResult, Recorder]:
    recorder = Recorder(function)
    (result,) = translate_markup([msgid], recorder, lang)
    return result, recorder


def tags_of(msgid: str) -> list[str]:
    return sorted(str(t) for t in tokenize(msgid) if t.kind is not PartKind.TEXT)


def test_entities_are_decoded_for_the_model_and_encoded_after() -> None:
    result, model = translate("Salt &amp; pepper &lt;3")
    assert model.inputs == ["Salt & pepper <3"]
    assert result.text == "SALT &amp; PEPPER &lt;3"


def test_model_output_is_escaped() -> None:
    result, _ = translate("Fish", lambda _: "A <b> & C")
    assert result.text == "A &lt;b&gt; &amp; C"
    assert result.warnings == ()


def test_wrapping_tags_never_reach_the_model() -> None:
    result, model = translate("<a><strong>Read more</strong></a>")
    assert model.inputs == ["Read more"]
    assert result.text == "<a><strong>READ MORE</strong></a>"


def test_tags_the_model_copies_are_kept_without_warning() -> None:
    result, model = translate("Click <a>here</a> now")
    assert model.inputs == ["Click <a>here</a> now"]
    assert result.text == "CLICK <a>HERE</a> NOW"
    assert result.warnings == ()


def test_tags_the_model_drops_fall_back_to_runs_with_a_warning() -> None:
    result, model = translate("Click <a>here</a> to go &amp; see", drop_tags)
    assert model.calls == [["Click <a>here</a> to go & see"], ["Click", "here", "to go & see"]]
    assert result.text == "CLICK <a>HERE</a> TO GO &amp; SEE"
    assert result.warnings == (RUNS_WARNING,)


@pytest.mark.parametrize(
    "output",
    [
        "НАЖМИТЕ < a >ЗДЕСЬ</a> СЕЙЧАС",  # spelled differently
        "НАЖМИТЕ <a>ЗДЕСЬ СЕЙЧАС",  # unclosed
        "НАЖМИТЕ </a>ЗДЕСЬ<a> СЕЙЧАС",  # reversed
        "НАЖМИТЕ <a></a> ЗДЕСЬ СЕЙЧАС",  # emptied
        "НАЖМИТЕ <a>ЗДЕСЬ</a> <a>СЕЙЧАС</a>",  # doubled
        "<em>НАЖМИТЕ</em> ЗДЕСЬ",  # another tag
    ],
)
def test_broken_tag_output_falls_back(output: str) -> None:
    def model(text: str) -> str:
        return output if "<" in text else text.upper()

    result, _ = translate("Click <a>here</a> now", model)
    assert result.text == "CLICK <a>HERE</a> NOW"
    assert result.warnings == (RUNS_WARNING,)


def test_misnested_output_falls_back() -> None:
    def model(text: str) -> str:
        return "<b>A <i>B</b> C</i>" if "<" in text else text

    result, _ = translate("x <b>y <i>z</i></b> w", model)
    assert result.text == "x <b>y <i>z</i></b> w"
    assert result.warnings == (RUNS_WARNING,)


def test_moved_tags_are_allowed() -> None:
    def model(text: str) -> str:
        return "<strong>Двенадцать минут</strong> провёл Леонов."

    result, _ = translate("Leonov spent <strong>twelve minutes</strong>.", model)
    assert result.text == "<strong>Двенадцать минут</strong> провёл Леонов."
    assert result.warnings == ()


def test_spaces_the_model_puts_inside_tags_move_outside() -> None:
    result, _ = translate("Click<a>here</a>, now", lambda _: "Нажмите<a> здесь </a>, сейчас")
    assert result.text == "Нажмите <a>здесь</a>, сейчас"


def test_literal_angle_brackets_go_straight_to_runs() -> None:
    result, model = translate("a &lt; b <a>x</a>")
    assert model.calls == [["a < b", "x"]]
    assert result.text == "A &lt; B <a>X</a>"
    assert result.warnings == (RUNS_WARNING,)


def test_soft_line_break_is_left_out_and_put_back_by_word_position() -> None:
    def model(text: str) -> str:
        return "один два три четыре пять шесть"

    result, recorder = translate("one two <br>three four", model)
    assert recorder.inputs == ["one two three four"]
    assert result.text == "один два три <br>четыре пять шесть"


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("one<br>two", "ONE<br>TWO"),
        ("one <br>two", "ONE <br>TWO"),
        ("one<br /> two", "ONE<br /> TWO"),
        ("<br>one two", "<br>ONE TWO"),
        ("one two<br>", "ONE TWO<br>"),
    ],
)
def test_line_break_spacing_is_the_source_s(msgid: str, expected: str) -> None:
    result, model = translate(msgid)
    assert result.text == expected
    assert all("<br" not in text for text in model.inputs)


@pytest.mark.parametrize(
    ("msgid", "inputs"),
    [
        ("Line one.<br>Line two", ["Line one.", "Line two"]),
        ("Title<br><br>Body text", ["Title", "Body text"]),
        ("Rules:<br>— be kind<br>— be brief", ["Rules:", "— be kind", "— be brief"]),
        ("Steps<br>1. open<br>2. close", ["Steps", "1. open", "2. close"]),
    ],
)
def test_line_breaks_between_sentences_cut_the_text(msgid: str, inputs: list[str]) -> None:
    result, model = translate(msgid)
    assert model.inputs == inputs
    assert result.text == msgid.upper().replace("<BR>", "<br>")


def test_line_break_inside_a_tag_pair_is_soft() -> None:
    result, model = translate("<b>One.<br>Two</b> three")
    assert model.inputs == ["<b>One. Two</b> three"]
    assert result.text == "<b>ONE.<br>TWO</b> THREE"


@pytest.mark.parametrize(
    "msgid",
    ["2019", "+7 495 000-00-00", "©", "https://example.com/x", "info@example.com", "  "],
)
def test_text_without_words_is_not_translated(msgid: str) -> None:
    result, model = translate(msgid)
    assert model.inputs == []
    assert result.text == msgid


def test_no_break_spaces_become_spaces_and_come_back_by_the_target_rule() -> None:
    result, model = translate(
        "Tell in\u00a0a\u00a0letter", lambda _: "Расскажем в письмах о спикерах"
    )
    assert model.inputs == ["Tell in a letter"]
    assert result.text == "Расскажем в\u00a0письмах о\u00a0спикерах"


def test_no_break_spaces_are_not_invented_where_the_source_had_none() -> None:
    result, _ = translate("Tell in a letter", lambda _: "Расскажем в письмах")
    assert result.text == "Расскажем в письмах"


def test_edge_whitespace_including_no_break_space_is_kept() -> None:
    result, model = translate("Total:\u00a0")
    assert model.inputs == ["Total:"]
    assert result.text == "TOTAL:\u00a0"


def test_empty_model_output_keeps_the_source_with_a_warning() -> None:
    result, _ = translate("Hello", lambda _: "")
    assert result.text == "Hello"
    assert result.warnings


def test_the_model_is_called_at_most_twice_with_unique_inputs() -> None:
    recorder = Recorder(drop_tags)
    texts = ["Same text", "Same text", "Go <a>there</a> now", "Come <b>here</b> now", "Same text"]
    results = translate_markup(texts, recorder, "ru")
    assert len(recorder.calls) == 2
    assert all(len(call) == len(set(call)) for call in recorder.calls)
    assert [r.text for r in results][:2] == ["SAME TEXT", "SAME TEXT"]


# Whatever a model does, placeholders survive and stay well nested.
_WORDS = st.sampled_from(["one", "two", "Three.", "four,", "&amp;", "&lt;", "x", "\u00a0in"])
_TEXT = st.lists(_WORDS, min_size=0, max_size=4).map(" ".join)


@st.composite
def msgids(draw: st.DrawFn, depth: int = 0) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "text", "br", "pair"] if depth < 2 else ["text"]))
        if kind == "text":
            pieces.append(draw(_TEXT))
        elif kind == "br":
            pieces.append(draw(st.sampled_from(["<br>", " <br>", "<br> "])))
        else:
            name = draw(st.sampled_from(["a", "strong", "em"]))
            pieces.append(f"<{name}>{draw(msgids(depth + 1))}</{name}>")
    return "".join(pieces).strip()


_OUTPUTS = st.sampled_from(
    [upper, drop_tags, lambda t: t[::-1], lambda t: "<a>" + t, lambda t: "", lambda t: "<x> & y"]
)


@given(msgids(), _OUTPUTS)
def test_placeholders_always_survive(msgid: str, model: Callable[[str], str]) -> None:
    result, _ = translate(msgid, model)
    assert tags_of(result.text) == tags_of(msgid)
    assert well_nested(tokenize(result.text))
    assert "\u00a0" not in result.text or "\u00a0" in msgid
