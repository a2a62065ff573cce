"""Generic HTML tree rules: inline and void elements, implied end tags, and what is text.

Nothing here knows Tilda (that is ``tilda_rules``). ``TextMode`` is the one place
that decides whether an element's text is text a visitor reads: the walker keeps
one per open element and the sub-walkers (Zero-form JSON, T431 cells, script
strings) start from the mode of the element they read.
"""

from __future__ import annotations

from typing import NamedTuple

from locpipe.html.scan import FOREIGN_ELEMENTS
from locpipe.msgid import VOID_TAGS

INLINE_ELEMENTS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
VOID_INLINE_ELEMENTS = VOID_TAGS  # the void elements a msgid holds as placeholders
VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
SVG_TEXT_ELEMENTS = frozenset({"title", "desc", "descr"})  # "descr": Tilda's cart icon

P_CLOSERS = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
        "section", "summary", "table", "ul", "dd", "dt",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SCOPE = frozenset({"td", "th", "table", "button", "html", "caption", "template", "object"})
# start tag -> (elements it closes, elements that stop the search)
IMPLIED_ENDS = {
    "li": ({"li"}, {"ul", "ol", *SCOPE}),
    "dd": ({"dd", "dt"}, {"dl", *SCOPE}),
    "dt": ({"dd", "dt"}, {"dl", *SCOPE}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr"}, {"table", "tbody", "thead", "tfoot"}),
    "tbody": ({"tbody", "thead", "tfoot"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot"}, {"table"}),
    "option": ({"option"}, {"select", "datalist", "optgroup"}),
    "optgroup": ({"option", "optgroup"}, {"select"}),
    "a": ({"a"}, set(SCOPE)),
}
CLOSING_STARTS = P_CLOSERS | IMPLIED_ENDS.keys() | HEADINGS  # see walker._close_implied
CLOSING_ALWAYS = IMPLIED_ENDS.keys() | HEADINGS  # the rest close only an open <p>

# The elements that may change the mode of what is inside them (see TextMode.child).
MODE_ELEMENTS = FOREIGN_ELEMENTS | SVG_TEXT_ELEMENTS | {"pre", "head", "body"}


class TextMode(NamedTuple):
    """Where an element sits, as far as it decides whether its text is text."""

    excluded: bool = False  # translate="no" / an excluding class: nothing below is text
    foreign: bool = False  # inside <svg> or <math>
    svg_text: bool = False  # inside an SVG <title> or <desc>
    pre: bool = False  # inside <pre>: its whitespace is its meaning
    head: bool = False  # inside <head>

    @property
    def skips_text(self) -> bool:
        return self.excluded or self.pre or self.head or (self.foreign and not self.svg_text)

    def child(self, name: str, excluded: bool) -> TextMode:
        """The mode of an element ``name`` inside this one (``excluded``: by its tag)."""
        if not excluded and name not in MODE_ELEMENTS:
            return self
        return TextMode(
            excluded=self.excluded or excluded,
            foreign=self.foreign or name in FOREIGN_ELEMENTS,
            svg_text=self.svg_text or (self.foreign and name in SVG_TEXT_ELEMENTS),
            pre=self.pre or name == "pre",
            head=True if name == "head" else False if name == "body" else self.head,
        )
