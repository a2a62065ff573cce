"""Tilda pages read at byte offsets: what is text, and the edits a localized build makes.

``scan`` tokenizes (and knows nothing of Tilda); ``walker`` walks the tokens with the
generic ``tree`` rules and the Tilda facts of ``tilda_rules``, cutting ``runs`` into
segments with ``notes`` for translators; ``zero_form``, ``t431`` and
``script_options`` read the text that Tilda keeps in JSON, table data and scripts;
``page`` reads one page; ``owner`` applies the site owner's rules; ``splice`` writes.

Decisions (see tilda-notes.md for the facts behind them):

- Extracted: every visible text node in ``<body>`` (fields or not: menus,
  buttons, Zero atoms, popups hidden by ``display:none``, success boxes, cart
  UI, labels, ``<option>`` text), ``<title>``, the ``<title>``/``<desc>`` of an
  inline SVG (icon names for screen readers, like ``aria-label``), the
  attributes in ``tilda_rules.TEXT_ATTRIBUTES``, the ``value`` of submit/button inputs,
  the meta contents in ``META_TEXT``, and the strings under ``JSON_TEXT_KEYS`` in
  a Zero form's ``<textarea class="tn-atom__inputs-textarea">``.
- Left alone: ``<script>``, ``<style>``, ``<noscript>`` (CSS fallbacks and
  tracking pixels), comments, the rest of ``<svg>``, ``<pre>`` (its
  whitespace is its meaning), other ``<textarea>`` content (a form's default
  value), anything inside ``translate="no"`` or ``class="notranslate"``
  (descendants and their attributes), text without a letter (numbers, prices,
  "—"), and a lone URL, domain or e-mail address.
- ``<img>`` ends a run like a block (its ``alt`` is its own segment), so a
  sentence around an inline picture becomes two segments.
- Only one nesting of spans exists: an attribute segment (``title`` on an
  ``<a>``) may sit inside a start tag that is a placeholder of an element
  segment. ``splice.translation_edits`` folds such edits into the placeholder.
- ``data-tooltip-hook`` and other hooks, ``data-field-*-value`` other than the
  two text ones, ``li_nm``/``lid``/``li_type`` are never text. ``data-tooltip``
  (not seen in exports) is not extracted.
- Zero-form JSON whose ``<textarea>`` holds character references (a
  re-serialised export writes ``&quot;``) is skipped, never rewritten: its
  bytes are not the JSON the page's script reads, and a wrong guess corrupts
  the form. ``li_variants`` gives one segment per option (one per line).
- T431 table data (CSV with entity-escaped HTML in hidden divs) gives one
  segment per cell, its decoded HTML read as inline markup (see ``t431``).
- The UI options of Tilda's init scripts (store, feed, map markers) are
  segments, by key and from the options objects only (see ``script_options``).
"""
