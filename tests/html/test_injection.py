"""Hostile translations against every kind of destination: nothing new may appear in the page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from locpipe.html.page import read_page
from locpipe.html.splice import apply_edits, translation_edits
from locpipe.model import Destination
from locpipe.msgid import PartKind, escape_text, normalize_space, parse

from .pages import inventory
from .test_properties import structure

FORM = json.dumps(
    [
        {"lid": "1", "li_type": "nm", "li_ph": "Your name", "li_nm": "Name"},
        {
            "lid": "2",
            "li_type": "cb",
            "li_label": 'I agree <a href="/terms">to terms</a>',
            "li_nm": "agree",
        },
    ]
).replace("/", "\\/")

# A Tilda store script: its UI options in both quote styles, one with inline markup.
STORE_SCRIPT = (
    "var popup_optsObj = { btnTitle: 'Buy now', closeText: \"Other models\","
    " iconColor: '#000000' };\n"
    "var options = { storepart: '1', popup_opts: popup_optsObj,"
    " titleRelevants: 'See <b>also</b>', btnStyle: 'color:#fff;' };\n"
    "t_onFuncLoad('t_store_init', function() { t_store_init('1', options); });"
)
# Runs a store script and prints the options it passes to t_store_init.
NODE_HARNESS = (
    "var seen; function t_onFuncLoad(name, run) { run(); }"
    " function t_store_init(id, options) { seen = options; }\n%s\n"
    ";console.log(JSON.stringify(seen));"
)
NODE = shutil.which("node")

PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Page title</title>"
    '<meta name="description" content="Meta text"></head><body>'
    '<p class="t-text">Hello <a href="/x">world</a></p>'
    '<img src="a.png" alt="Double quoted">'
    "<input type='text' placeholder='Single quoted'>"
    "<img src=b.png alt=Unquoted>"
    "<div class='tn-elem' data-elem-type='form'><textarea class=\"tn-atom__inputs-textarea\">"
    f"{FORM}</textarea></div>"
    '<div class="t431"><div class="t431__data-part2" style="display: none">'
    "Table cell;&lt;b&gt;Bold&lt;/b&gt; cell link=https://example.com</div></div>"
    f"<script>{STORE_SCRIPT}</script></body></html>"
)

# destination -> (the msgid there, what the hostile msgstr gets appended so that it keeps
# the msgid's placeholders and only its own markup is judged)
DESTINATIONS = {
    "element": ("Hello <a>world</a>", ""),
    "element-keeping-its-link": ("Hello <a>world</a>", " <a>ok</a>"),
    "title": ("Page title", ""),
    "meta": ("Meta text", ""),
    "attribute-double": ("Double quoted", ""),
    "attribute-single": ("Single quoted", ""),
    "attribute-unquoted": ("Unquoted", ""),
    "json-placeholder": ("Your name", ""),
    "json-label": ("I agree <a>to terms</a>", ""),
    "json-label-keeping-its-link": ("I agree <a>to terms</a>", " <a>ok</a>"),
    "script-single-quoted": ("Buy now", ""),
    "script-double-quoted": ("Other models", ""),
    "script-with-markup": ("See <b>also</b>", " <b>ok</b>"),
    "table-cell": ("Table cell", ""),
    "table-cell-with-markup": ("<b>Bold</b> cell", " <b>ok</b>"),
}

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a onclick="alert(1)">world</a>',
    '<a href="javascript:alert(1)">world</a>',
    "<a href=javascript:alert(1)>world</a>",
    "<a/onclick=alert(1)>world</a>",
    "<A HREF=x>world</A>",
    "<scr<script>ipt>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&amp;lt;script&amp;gt;",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    "x onmouseover=alert(1)",
    "&#34; onclick=&#34;alert(1)",
    "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    "</textarea><script>alert(1)</script>",
    "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    "</title><script>alert(1)</script>",
    "&lt;/title&gt;&lt;script&gt;",
    "</script><script>alert(1)</script>",
    '"}]</textarea><script>x</script>',
    '","li_nm":"hacked","x":"',
    '\\",\\"li_nm\\":\\"hacked',
    "back\\slash \\u0022 \\n",
    "line\nbreak\r\nand\rCR\ttab",
    "<!-- comment -->",
    "<![CDATA[x]]>",
    "<?php echo 1 ?>",
    "<a>world</a><a>",
    "<a>world",
    "world</a>",
    "<br><script>",
    "&nbsp;&#0;&#xD800;&#1114112;",
    "R&D <3",
    "a > b",
    "it's \\' \\\" \\x3C/script>",
    "line\u2028separator\u2029paragraph\u0085next",
    "</script><!--<script>",
    "'); alert(1); ('",
    '"); alert(1); ("',
    "${alert(1)}` + alert(1) + `",
]


def canonical(msgstr: str) -> str:
    """A msgstr written the way a msgid is (what re-extracting the built page gives)."""
    out = []
    for part in parse(msgstr):
        if part.kind is PartKind.TEXT:
            out.append(escape_text(normalize_space(part.value)))
        else:
            out.append(f"</{part.value}>" if part.kind is PartKind.CLOSE else f"<{part.value}>")
    return "".join(out).strip(" ")


def textarea_json(data: bytes) -> object:
    root = lxml.html.document_fromstring(data)
    (textarea,) = root.iter("textarea")
    return json.loads(textarea.text or "")


def on_attributes(data: bytes) -> int:
    root = lxml.html.document_fromstring(data)
    return sum(name.lower().startswith("on") for element in root.iter() for name in element.attrib)


@pytest.fixture(scope="module")
def source() -> bytes:
    return PAGE.encode()


def test_every_destination_is_extracted(source: bytes) -> None:
    page = read_page("p.html", source)
    assert sorted(s.msgid for s in page.segments) == sorted(
        {msgid for msgid, _ in DESTINATIONS.values()}
    )
    kinds = {s.msgid: s.destination for s in page.segments}
    assert kinds["Your name"] is Destination.JSON
    assert kinds["Unquoted"] is Destination.ATTRIBUTE
    assert kinds["Buy now"] is Destination.SCRIPT
    assert kinds["Table cell"] is Destination.TABLE_CELL


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("destination", list(DESTINATIONS))
def test_hostile_translation_injects_nothing(source: bytes, destination: str, hostile: str) -> None:
    page = read_page("p.html", source)
    target, suffix = DESTINATIONS[destination]
    msgstr = hostile + suffix
    result = translation_edits(page, lambda s: msgstr if s.msgid == target else None)
    built = apply_edits(source, result.edits)

    assert inventory(built, "utf-8") == inventory(source, "utf-8")
    assert structure(built) == structure(source)
    assert on_attributes(built) == 0
    assert built.count(b"<script") == source.count(b"<script")
    form = textarea_json(built)
    original = textarea_json(source)
    assert isinstance(form, list)
    assert isinstance(original, list)
    assert [sorted(field) for field in form] == [sorted(field) for field in original]
    assert [field["li_nm"] for field in form] == ["Name", "agree"]

    if result.rejected:
        assert result.edits == []
        assert built == source
    elif any(
        char.isalpha()
        for part in parse(msgstr)
        for char in part.value
        if part.kind is PartKind.TEXT
    ):
        # (text without a letter is no segment)
        assert canonical(msgstr) in [s.msgid for s in read_page("p.html", built).segments]


def script_text(data: bytes) -> str:
    root = lxml.html.document_fromstring(data)
    (script,) = root.iter("script")
    return script.text or ""


def run_store_script(script: str, tmp_path: Path) -> dict[str, object]:
    """Every option the script passes to t_store_init (popup_opts flattened), run by node."""
    path = tmp_path / "store.js"
    path.write_text(NODE_HARNESS % script, encoding="utf-8")
    assert NODE is not None
    checked = subprocess.run([NODE, "--check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    ran = subprocess.run([NODE, str(path)], capture_output=True, text=True, check=True)
    options = json.loads(ran.stdout)
    popup = options.pop("popup_opts")
    return {**options, **{f"popup_opts.{key}": value for key, value in popup.items()}}


@pytest.fixture(scope="module")
def source_options(source: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return run_store_script(script_text(source), tmp_path_factory.mktemp("node"))


SCRIPT_KEYS = {
    "script-single-quoted": "popup_opts.btnTitle",
    "script-double-quoted": "popup_opts.closeText",
    "script-with-markup": "titleRelevants",
}


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("destination", list(SCRIPT_KEYS))
def test_hostile_script_option_still_parses_and_runs_the_same_code(
    source: bytes,
    source_options: dict[str, object],
    destination: str,
    hostile: str,
    tmp_path: Path,
) -> None:
    page = read_page("p.html", source)
    target, suffix = DESTINATIONS[destination]
    msgstr = hostile + suffix
    result = translation_edits(page, lambda s: msgstr if s.msgid == target else None)
    built = apply_edits(source, result.edits)
    options = run_store_script(script_text(built), tmp_path)

    assert built.lower().count(b"</script") == source.lower().count(b"</script")
    assert options.keys() == source_options.keys()
    changed = {key for key in options if options[key] != source_options[key]}
    assert changed == (set() if result.rejected else {SCRIPT_KEYS[destination]})
