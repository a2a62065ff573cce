"""``locpipe preview``: screenshots of the built pages, source and localized side by side."""

from __future__ import annotations

from collections.abc import Sequence

from locpipe.config import Config, select_langs
from locpipe.qa.preview import PreviewResult


def preview_project(
    config: Config, langs: Sequence[str] | None = None, *, pages: Sequence[str] | None = None
) -> PreviewResult:
    """Screenshots of ``pages`` (default: all) in each of ``langs`` (default: all)."""
    from locpipe.qa.preview import preview_site

    return preview_site(config, select_langs(config, langs), pages=pages)
