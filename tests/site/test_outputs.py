from __future__ import annotations

import pytest

from locpipe.site.outputs import FILE_RULES, Placement, rule_for


@pytest.mark.parametrize(
    ("path", "placement"),
    [
        ("htaccess", Placement.ROUTING),
        (".htaccess", Placement.ROUTING),
        ("_redirects", Placement.ROUTING),
        ("sitemap.xml", Placement.SITEMAP),
        ("robots.txt", Placement.ROBOTS),
        ("robots_example.com.txt", Placement.ROOT),
        ("CNAME", Placement.ROOT),
        ("readme.txt", Placement.ROOT),
        ("css/tilda-grid-3.0.min.css", Placement.EVERY_LANGUAGE),
        ("images/robots.txt", Placement.EVERY_LANGUAGE),  # only the root one is the robots file
        ("js/tilda-forms-1.0.min.js", Placement.EVERY_LANGUAGE),
    ],
)
def test_each_file_has_its_rule(path: str, placement: Placement) -> None:
    assert rule_for(path).placement is placement


def test_every_rule_says_why() -> None:
    assert all(rule.why for rule in FILE_RULES)
    assert FILE_RULES[-1].pattern == "*"  # a file no rule names goes with the pages
