"""Getting placeholder tags, entities and no-break spaces through a model that knows none of them.

A model translates plain text. Around it, a msgid is taken apart and put back:

- ``&amp; &lt; &gt;`` are decoded before the model and encoded after it;
- U+00A0 becomes a space for the model; the target language's typograph rule
  puts no-break spaces back, but only where the source had any (see ``typograph``);
- tags wrapping the whole text, and ``<br>`` at either end, are taken off and put back;
- a ``<br>`` group that ends a sentence (or starts a list item) cuts the text
  into parts translated on their own; any other ``<br>`` is left out of the
  model's input and put back at the same relative word position;
- other tags first go through the model inside the text. The output is kept if
  it has exactly the source's tags, well nested and still wrapping text;
  otherwise the runs of text between the tags are translated one by one and
  joined with the tags in source order, which always keeps them, and the
  result carries a warning;
- text without a letter (numbers, URLs, e-mail addresses, "©") is not translated.

No library does this for attribute-free placeholder tags, hence the hand-written code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from locpipe.msgid import Part, PartKind, escape_text, misnesting, tokenize
from locpipe.mt.engine import MTResult
from locpipe.mt.typograph import apply_typograph

PlainTranslator = Callable[[Sequence[str]], list[str]]
"""Plain text in, plain text out, one output per input."""

RUNS_WARNING = "placeholders restored by translating the runs between tags"
EMPTY_WARNING = "the model returned nothing; the source text was kept"

_LETTER = re.compile(r"[^\W\d_]")
_LINK_ONLY = re.compile(r"(?:(?:https?|ftp)://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'»”’)\]]*$")
_LIST_ITEM_START = re.compile(r"^(?:[—–•·*-]|\d+[.)])")
_SPACES = re.compile(r"[ \u00a0]+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Verbatim:
    """Source text put back as it was: line-break groups and their spacing."""

    raw: str

    def __str__(self) -> str:
        return self.raw


Token = str | Part | Verbatim  # str: text, entities decoded; Part: a placeholder tag


def _tokens(msgid: str, only: frozenset[str] | None = None) -> list[Token]:
    """Text (entities decoded) and tags of ``msgid``; ``only``: tag names to recognise."""
    return [part.value if part.kind is PartKind.TEXT else part for part in tokenize(msgid, only)]


def render(tokens: Sequence[Token]) -> str:
    """The msgid spelling of ``tokens``: text re-escaped, tags as written."""
    return "".join(escape_text(token) if isinstance(token, str) else str(token) for token in tokens)


def _matching_close(tokens: Sequence[Token], index: int) -> int | None:
    """Index of the tag closing the open tag at ``index``."""
    depth = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        if isinstance(token, Part) and token.kind is PartKind.OPEN:
            depth += 1
        elif isinstance(token, Part) and token.kind is PartKind.CLOSE:
            depth -= 1
            if depth == 0:
                return position
    return None


def well_nested(tokens: Sequence[Token]) -> bool:
    return misnesting([token for token in tokens if isinstance(token, Part)]) is None


def _text_of(tokens: Sequence[Token]) -> str:
    return "".join(token for token in tokens if isinstance(token, str))


def _has_letters(tokens: Sequence[Token]) -> bool:
    text = _text_of(tokens).strip()
    return bool(_LETTER.search(text)) and not _LINK_ONLY.fullmatch(text)


def _word_count(tokens: Sequence[Token]) -> int:
    return sum(len(_WORD.findall(token)) for token in tokens if isinstance(token, str))


def _for_model(text: str) -> str:
    """Model input: no-break spaces as spaces, runs of spaces as one."""
    return _SPACES.sub(" ", text)


def _split_ends(tokens: list[Token]) -> tuple[list[Token], list[Token], list[Token]]:
    """(prefix, core, suffix): wrapping tag pairs and edge ``<br>`` taken off the core."""
    prefix: list[Token] = []
    suffix: list[Token] = []
    core = list(tokens)
    changed = True
    while core and changed:
        changed = False
        first, last = core[0], core[-1]
        if (isinstance(first, str) and not first.strip()) or (
            isinstance(first, Part) and first.kind is PartKind.VOID
        ):
            prefix.append(core.pop(0))
            changed = True
        elif (isinstance(last, str) and not last.strip()) or (
            isinstance(last, Part) and last.kind is PartKind.VOID
        ):
            suffix.insert(0, core.pop())
            changed = True
        elif (
            isinstance(first, Part)
            and first.kind is PartKind.OPEN
            and _matching_close(core, 0) == len(core) - 1
        ):
            prefix.append(core.pop(0))
            suffix.insert(0, core.pop())
            changed = True
    return prefix, core, suffix


@dataclass
class _Break:
    """A line break left out of the model's input, put back by word position."""

    word_index: int  # words of the source part before it
    raw: str  # "<br>" with the whitespace the source had around it


@dataclass
class _Unit:
    """A stretch of a msgid translated as one unit."""

    tokens: list[Token]  # without soft breaks; ends stripped of whitespace
    lead: str = ""
    trail: str = ""
    breaks: list[_Break] = field(default_factory=list)
    words: int = 0
    mode: Literal["copy", "plain", "tags", "runs"] = "plain"
    output: list[Token] | None = None
    warnings: list[str] = field(default_factory=list)

    def requests(self) -> list[str]:
        """The model inputs this part needs in its current mode."""
        if self.mode in ("plain", "tags"):
            return [_for_model(render_model_input(self.tokens))]
        if self.mode == "runs":
            return [
                _for_model(token).strip()
                for token in self.tokens
                if isinstance(token, str) and _has_letters([token])
            ]
        return []

    def assemble(self, outputs: dict[str, str]) -> None:
        """Fill ``output`` from the model's outputs, or switch to runs mode when tags broke."""
        if self.mode == "copy":
            self.output = list(self.tokens)
        elif self.mode == "plain":
            request = self.requests()[0]
            text = outputs[request].strip()
            if not text:
                self.warnings.append(EMPTY_WARNING)
                text = _text_of(self.tokens)
            self.output = [text]
        elif self.mode == "tags":
            translated = _tags_output(self.tokens, outputs[self.requests()[0]])
            if translated is None:
                self.mode = "runs"
                return
            self.output = translated
        else:
            self.output = _runs_output(self.tokens, outputs)
            self.warnings.append(RUNS_WARNING)

    def rendered(self) -> list[Token]:
        assert self.output is not None
        tokens = _insert_breaks(self.output, self.breaks, self.words)
        return [self.lead, *tokens, self.trail]


def render_model_input(tokens: Sequence[Token]) -> str:
    """Text with tags as written and entities decoded: what the model reads in tags mode."""
    return "".join(token if isinstance(token, str) else str(token) for token in tokens)


def _tags_output(source: Sequence[Token], output: str) -> list[Token] | None:
    """The model's output with tags, if it kept exactly the source's tags, well nested."""
    spelling = {(t.value, t.kind): t.written for t in source if isinstance(t, Part)}
    names = frozenset(name for name, _ in spelling)
    tokens = [
        t._replace(written=spelling.get((t.value, t.kind), t.written)) if isinstance(t, Part) else t
        for t in _tokens(output.strip().replace("&", "&amp;"), only=names)
    ]
    # The source text has no "<" or ">" (else runs mode): any left here is a broken tag.
    if any(isinstance(token, str) and ("<" in token or ">" in token) for token in tokens):
        return None
    source_tags = sorted(str(token) for token in source if isinstance(token, Part))
    output_tags = sorted(str(token) for token in tokens if isinstance(token, Part))
    if source_tags != output_tags or not well_nested(tokens):
        return None
    if not _pairs_wrap_text(tokens):
        return None
    tokens = [_SPACES.sub(" ", t) if isinstance(t, str) else t for t in tokens]
    return _tidy_spacing(source, tokens)


def _pairs_wrap_text(tokens: Sequence[Token]) -> bool:
    """Every tag pair still holds some text (a model may empty a link and move its words)."""
    for index, token in enumerate(tokens):
        if isinstance(token, Part) and token.kind is PartKind.OPEN:
            close = _matching_close(tokens, index)
            if close is None or not _text_of(tokens[index + 1 : close]).strip():
                return False
    return True


def _space_inside(source: Sequence[Token]) -> dict[str, bool]:
    """Per tag spelling: had the source whitespace inside it (after an open, before a close)?"""
    inside: dict[str, bool] = {}
    for index, token in enumerate(source):
        if not isinstance(token, Part):
            continue
        if token.kind is PartKind.OPEN:
            neighbour = source[index + 1] if index + 1 < len(source) else ""
            inside[str(token)] = isinstance(neighbour, str) and neighbour[:1].isspace()
        elif token.kind is PartKind.CLOSE:
            neighbour = source[index - 1] if index > 0 else ""
            inside[str(token)] = isinstance(neighbour, str) and neighbour[-1:].isspace()
    return inside


def _tidy_spacing(source: Sequence[Token], tokens: list[Token]) -> list[Token]:
    """Move spaces a model put inside tags (``<a> word</a>``) outside, as the source had them."""
    inside = _space_inside(source)
    out = list(tokens)
    for index, token in enumerate(out):
        if not isinstance(token, Part) or inside.get(str(token), True):
            continue
        if token.kind is PartKind.OPEN and index + 1 < len(out):
            inner = out[index + 1]
            if isinstance(inner, str) and inner[:1].isspace():
                out[index + 1] = inner.lstrip()
                preceding = out[index - 1] if index > 0 else None
                if isinstance(preceding, str) and preceding and not preceding[-1].isspace():
                    out[index - 1] = preceding + " "
        elif token.kind is PartKind.CLOSE and index > 0:
            inner = out[index - 1]
            if isinstance(inner, str) and inner[-1:].isspace():
                out[index - 1] = inner.rstrip()
                following = out[index + 1] if index + 1 < len(out) else None
                if isinstance(following, str) and following[:1] not in ("", *" .,;:!?)]»”’…"):
                    out[index + 1] = " " + following
    return [token for token in out if token != ""]


def _runs_output(source: Sequence[Token], outputs: dict[str, str]) -> list[Token]:
    """Each run of text translated on its own, joined with the tags in source order."""
    out: list[Token] = []
    for token in source:
        if isinstance(token, str) and _has_letters([token]):
            request = _for_model(token).strip()
            translated = outputs[request].strip() or request
            lead = token[: len(token) - len(token.lstrip())]
            trail = token[len(token.rstrip()) :]
            out.append(lead + translated + trail)
        else:
            out.append(token)
    return out


def _insert_breaks(tokens: list[Token], breaks: Sequence[_Break], words: int) -> list[Token]:
    """Put soft line breaks back at the same relative word position in the output."""
    if not breaks:
        return tokens
    target_words = _word_count(tokens)
    positions: dict[int, list[str]] = {}
    for item in breaks:
        position = round(item.word_index * target_words / words) if words else 0
        if 0 < item.word_index < words and target_words >= 2:
            position = min(max(position, 1), target_words - 1)
        positions.setdefault(position, []).append(item.raw)
    out: list[Token] = []
    seen = 0
    for token in tokens:
        if not isinstance(token, str):
            out.append(token)
            continue
        cursor = 0
        for match in _WORD.finditer(token):
            if seen in positions:
                gap_start = len(token[: match.start()].rstrip())
                out.append(token[cursor:gap_start])
                out.append(Verbatim("".join(positions.pop(seen))))
                cursor = match.start()
            seen += 1
        out.append(token[cursor:])
    if positions:  # at the very end
        out.append(Verbatim("".join(raw for raws in positions.values() for raw in raws)))
    return [token for token in out if token != ""]


def _split_parts(core: list[Token]) -> list[Token | _Unit]:
    """Cut the core at hard line breaks; soft ones go into each part's ``breaks``."""
    pieces: list[Token | _Unit] = []
    current: list[Token] = []
    depth = 0
    index = 0
    while index < len(core):
        token = core[index]
        if isinstance(token, Part) and token.kind is PartKind.VOID and depth == 0:
            end = _break_group_end(core, index)
            before = _text_of(current).rstrip()
            after = _text_of(core[end:]).lstrip()
            tags = [t for t in core[index:end] if isinstance(t, Part)]
            hard = (
                len(tags) > 1
                or bool(_SENTENCE_END.search(before))
                or bool(_LIST_ITEM_START.match(after))
            )
            if hard and current:
                pieces.append(_make_unit(current))
                pieces.append(Verbatim(render(core[index:end])))
                current = []
                index = end
                continue
        if isinstance(token, Part) and token.kind is PartKind.OPEN:
            depth += 1
        elif isinstance(token, Part) and token.kind is PartKind.CLOSE:
            depth -= 1
        current.append(token)
        index += 1
    if current:
        pieces.append(_make_unit(current))
    return pieces


def _break_group_end(tokens: Sequence[Token], index: int) -> int:
    """End of the group of void tags (and whitespace between them) starting at ``index``."""
    end = index
    while end < len(tokens):
        token = tokens[end]
        if isinstance(token, Part) and token.kind is PartKind.VOID:
            end += 1
        elif isinstance(token, str) and not token.strip() and end + 1 < len(tokens):
            following = tokens[end + 1]
            if not (isinstance(following, Part) and following.kind is PartKind.VOID):
                break
            end += 1
        else:
            break
    return end


def _make_unit(tokens: list[Token]) -> _Unit:
    merged, breaks = _take_breaks(tokens)
    merged = _merge_text(merged)
    text = _text_of(merged)
    lead_length = len(text) - len(text.lstrip())
    trail_length = len(text) - len(text.rstrip())
    part = _Unit(merged, breaks=breaks, words=_word_count(merged))
    if merged and isinstance(merged[0], str) and lead_length:
        part.lead = merged[0][:lead_length]
        merged[0] = merged[0][lead_length:]
    if merged and isinstance(merged[-1], str) and trail_length:
        cut = len(merged[-1].rstrip())
        part.trail = merged[-1][cut:]
        merged[-1] = merged[-1][:cut]
    part.tokens = [token for token in merged if token != ""]
    part.mode = _mode(part.tokens)
    if part.mode == "copy":
        part.tokens = list(tokens)
        part.lead = part.trail = ""
        part.breaks = []
    return part


def _take_breaks(tokens: list[Token]) -> tuple[list[Token], list[_Break]]:
    """Remove void tags, remembering each one's word position and surrounding spacing."""
    out: list[Token] = []
    breaks: list[_Break] = []
    words = 0
    for index, token in enumerate(tokens):
        if isinstance(token, Part) and token.kind is PartKind.VOID:
            before = out[-1] if out and isinstance(out[-1], str) else ""
            after = tokens[index + 1] if index + 1 < len(tokens) else ""
            after_text = after if isinstance(after, str) else ""
            pre = before[len(before.rstrip()) :]
            post = after_text[: len(after_text) - len(after_text.lstrip())]
            if pre:  # then out[-1] is the text before the break
                out[-1] = before.rstrip()
            breaks.append(_Break(words, pre + str(token) + post))
            # A model needs a space where a line broke ("one<br>two"); an inline <img> had none.
            out.append(" " if token.value == "br" or pre or post else "")
            continue
        if isinstance(token, str):
            if breaks and out and out[-1] in (" ", ""):
                token = token.lstrip()
            words += len(_WORD.findall(token))
        out.append(token)
    return out, breaks


def _merge_text(tokens: list[Token]) -> list[Token]:
    merged: list[Token] = []
    for token in tokens:
        if isinstance(token, str) and merged and isinstance(merged[-1], str):
            merged[-1] = merged[-1] + token
        else:
            merged.append(token)
    return merged


def _mode(tokens: Sequence[Token]) -> Literal["copy", "plain", "tags", "runs"]:
    if not _has_letters(tokens):
        return "copy"
    if not any(isinstance(token, Part) for token in tokens):
        return "plain"
    text = _text_of(tokens)
    if "<" in text or ">" in text or not well_nested(tokens):
        return "runs"
    return "tags"


@dataclass
class _Plan:
    """One msgid taken apart: fixed pieces and the parts the model translates."""

    pieces: list[Token | _Unit]

    @property
    def parts(self) -> list[_Unit]:
        return [piece for piece in self.pieces if isinstance(piece, _Unit)]

    def result(self, had_nbsp: bool, target_lang: str) -> MTResult:
        tokens: list[Token] = []
        warnings: list[str] = []
        for piece in self.pieces:
            if isinstance(piece, _Unit):
                tokens.extend(piece.rendered())
                warnings.extend(w for w in piece.warnings if w not in warnings)
            else:
                tokens.append(piece)
        text = render([token for token in tokens if token != ""])
        if had_nbsp:
            text = apply_typograph(text, target_lang)
        return MTResult(text, tuple(warnings))


def plan(msgid: str) -> _Plan:
    prefix, core, suffix = _split_ends(_tokens(msgid))
    return _Plan([*prefix, *_split_parts(core), *suffix])


def translate_markup(
    texts: Sequence[str], plain: PlainTranslator, target_lang: str
) -> list[MTResult]:
    """Translate msgids with ``plain``, keeping their tags, entities and no-break spaces.

    ``plain`` is called at most twice: once for every part, then once for the
    runs of the parts whose tags the model broke.
    """
    plans = [plan(text) for text in texts]
    parts = [part for item in plans for part in item.parts]
    _run(parts, plain)
    broken = [part for part in parts if part.output is None]
    _run(broken, plain)
    return [
        item.result("\u00a0" in text, target_lang) for item, text in zip(plans, texts, strict=True)
    ]


def _run(parts: Sequence[_Unit], plain: PlainTranslator) -> None:
    requests = list(dict.fromkeys(request for part in parts for request in part.requests()))
    outputs = dict(zip(requests, plain(requests), strict=True)) if requests else {}
    for part in parts:
        part.assemble(outputs)
