"""What Tilda puts where: every Tilda fact the reader uses, as plain data.

The facts behind these tables are in tilda-notes.md. The reader (``walker``,
``notes``, ``zero_form``, ``script_options``, ``t431``) only looks them up, so a new
Tilda rule is a new entry here and nothing else:

- an attribute that holds text a visitor sees: a row of ``TEXT_ATTRIBUTES`` (name ->
  what it is, for the translator note). The tokenizer is told to watch it through
  ``attributes_read_at_once``, derived from this table: there is no second list.
- a ``<meta>`` whose ``content`` is text: a (key attribute, value) pair of ``META_TEXT``.
- a block: its number and kind in ``BLOCK_KINDS``; an old block whose
  ``data-record-type`` is not its number, in ``RECORD_TYPES``.
- a class that keeps everything under it from translation: ``EXCLUDING_CLASSES``.
- a class that marks a record or a Zero Block element (for notes): ``RECORD_CLASS``,
  ``ZERO_ELEMENT_CLASSES``.
- a key of a Zero form's JSON that holds text: a row of ``JSON_TEXT_KEYS``.
- an option of a Tilda init script that holds UI text: a row of ``SCRIPT_TEXT``.
- a T431 table data div: a row of ``TABLE_PARTS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Attribute -> what it is. Read on every element but where ``NO_TITLE_ELEMENTS`` and
# hidden inputs say otherwise (see ``notes.attribute_role``).
TEXT_ATTRIBUTES = {
    "alt": "alt text",
    "title": "tooltip (title)",
    "aria-label": "aria-label (read by screen readers)",
    "placeholder": "placeholder",
    "data-success-message": "form success message",
    "data-field-buttontitle-value": "Zero form button",
    "data-field-formmsgsuccess-value": "Zero form success message",
    "data-submit-title": "submit button",
    "data-map-title": "map title",
}
NO_TITLE_ELEMENTS = frozenset({"link", "meta", "style", "script"})  # their title is no tooltip
BUTTON_INPUT_TYPES = frozenset({"submit", "button", "reset"})  # their ``value`` is text
BUTTON_VALUE_ATTRIBUTE = "value"  # of an <input> of those types
META_CONTENT_ATTRIBUTE = "content"  # of a <meta> of META_TEXT
META_KEY_ATTRIBUTES = ("name", "property", "itemprop")
META_TEXT = frozenset(
    {
        ("name", "description"),
        ("name", "keywords"),
        ("name", "twitter:title"),
        ("name", "twitter:description"),
        ("property", "og:title"),
        ("property", "og:description"),
        ("property", "og:site_name"),
        ("itemprop", "name"),
        ("itemprop", "description"),
    }
)

# translate="no" or one of these classes: nothing below the element is text.
TRANSLATE_ATTRIBUTE = "translate"
EXCLUDING_CLASSES = frozenset({"notranslate"})

# Where a translator note comes from: the record (block) around, the Zero Block element
# around and its box, the field="…" slot.
RECORD_CLASS = "t-rec"
RECORD_TYPE_ATTRIBUTE = "data-record-type"
ZERO_ELEMENT_CLASSES = frozenset({"tn-elem", "t396__elem"})
ZERO_ELEMENT_TYPE_ATTRIBUTE = "data-elem-type"
FIELD_ATTRIBUTE = "field"
ZERO_BUTTON_TITLE = "data-field-buttontitle-value"  # has the button's width as its box

BLOCK_KINDS = {
    "T396": "Zero Block",
    "T228": "menu",
    "T280": "menu",
    "T450": "menu",
    "T451": "menu",
    "T454": "menu",
    "T456": "menu",
    "T461": "menu",
    "T821": "menu",
    "T830": "menu",
    "T975": "mobile menu bar",
    "T702": "popup",
    "T390": "popup",
    "T750": "popup",
    "T945": "popup",
    "T868": "popup",
    "T786": "product popup",
    "T706": "cart",
    "T123": "HTML block",
    "T431": "table",
    "T794": "tooltip menu",
    "T017": "title",
    "T004": "text",
}
# data-record-type -> block name, for records without their "<!-- T123 -->" comment
# (reformatted exports drop comments). Seen in exports: old blocks have other
# numbers; from 300 on, the record type is the block number.
RECORD_TYPES = {
    "3": "T107",
    "4": "T121",
    "23": "T006",
    "33": "T017",
    "106": "T004",
    "121": "T594",
    "131": "T123",
    "147": "T214",
    "191": "T142",
    "209": "T185",
    "218": "T005",
    "257": "T228",
    "273": "T254",
}
FIRST_NUMBERED_RECORD_TYPE = 300
RECORD_COMMENT_NAMES = {"tcart": "T706"}  # "<!-- tcart -->" names the cart; "cover" itself

# A Zero form's fields as JSON in this <textarea>: the strings under these keys are text.
ZERO_FORM_TEXTAREA = "tn-atom__inputs-textarea"
JSON_TEXT_KEYS = {
    "li_ph": "Zero form field placeholder (li_ph)",
    "li_label": "Zero form field label (li_label)",
    "li_title": "Zero form field title (li_title)",
    "li_variants": "Zero form option (li_variants; also sent with the form)",
}
JSON_ONE_SEGMENT_PER_LINE = frozenset({"li_variants"})

# T431 tables: the class of each hidden data div, and what it holds (see ``t431``).
TABLE_PARTS = {"t431__data-part1": "table header", "t431__data-part2": "table body"}


@dataclass(frozen=True)
class ScriptText:
    """The text keys of one options object of one Tilda script."""

    call: str  # what the script must contain: its init function (or, for data, the variable)
    variable: str  # the variable the object is assigned to; a final "*" matches a suffix
    keys: Mapping[str, str]  # option key -> what it is, for the translator note

    def matches(self, variable: str) -> bool:
        if self.variable.endswith("*"):
            return variable.startswith(self.variable[:-1])
        return variable == self.variable


SCRIPT_TEXT: tuple[ScriptText, ...] = (
    # T951/T754… store: products come from Tilda's servers, the UI from these options.
    ScriptText(
        "t_store_init",
        "options",
        {
            "currencyTxt": "currency",
            "titleRelevants": "title of related products",
            "btnTitle": "product button",
            "btnTitle1": "product button",
            "closeText": "back link",
        },
    ),
    ScriptText(
        "t_store_init",
        "prodcard_optsObj",
        {"btnTitle1": "product card button", "btnTitle2": "product card second button"},
    ),
    ScriptText(
        "t_store_init",
        "popup_optsObj",
        {"btnTitle": "product popup button", "closeText": "product popup back link"},
    ),
    # T897/T915… feeds (blog, news).
    ScriptText(
        "t_feed_init",
        "options",
        {"btnText": "show more button", "btnReadMore": "read more button"},
    ),
    ScriptText("t_feed_init", "btnAllPosts_optsObj", {"text": "all posts button"}),
    ScriptText(
        "t_feed_init",
        "popup_optsObj",
        {"closeText": "post popup back link", "titleRelevants": "title of related posts"},
    ),
    # T555 and other map blocks: the markers' balloons.
    ScriptText(
        "arMapMarkers", "arMapMarkers*", {"title": "map marker title", "descr": "map marker text"}
    ),
    # Zero forms that also pass their fields to the script (li_nm is the CRM field name).
    ScriptText(
        "t_zeroForms__init",
        "formElems",
        {
            "li_ph": "Zero form field placeholder (li_ph)",
            "li_label": "Zero form field label (li_label)",
            "li_title": "Zero form field title (li_title)",
        },
    ),
)


def text_attribute_names() -> frozenset[str]:
    """Every attribute that may carry text: the tables above, read when asked."""
    return frozenset({*TEXT_ATTRIBUTES, BUTTON_VALUE_ATTRIBUTE, META_CONTENT_ATTRIBUTE})


def attributes_read_at_once() -> frozenset[str]:
    """Attributes that make a tag worth reading as it is met: text, or translate="no"."""
    return text_attribute_names() | {TRANSLATE_ATTRIBUTE}


def attributes_for_notes() -> frozenset[str]:
    """Attributes that make a tag worth reading when a translator note needs it."""
    return frozenset({FIELD_ATTRIBUTE})


def classes_read_at_once() -> tuple[str, ...]:
    """Class words that make a tag's attributes worth reading as it is met.

    An excluding class changes what is text; "&" in a class value may spell any class.
    """
    return (*sorted(EXCLUDING_CLASSES), "&")


def classes_for_notes() -> tuple[str, ...]:
    """Class words whose tag a translator note reads (a record, a Zero element)."""
    return (RECORD_CLASS, *sorted(ZERO_ELEMENT_CLASSES))
