"""Shipped profiles: the fictional tutorial profiles quote their drafts verbatim."""

from __future__ import annotations

import pytest

from .conftest import PROFILES


@pytest.mark.parametrize(
    ("profile", "draft"),
    [
        ("exampleland-bill.yaml", "exampleland-bill.txt"),
        ("exampleland-current.yaml", "exampleland-penal-code.txt"),
    ],
)
def test_tutorial_profiles_quote_their_drafts_verbatim(profile, draft):
    """The fictional profiles' every quote is in the draft they describe (line breaks as spaces)."""
    import yaml

    text = " ".join((PROFILES / "drafts" / draft).read_text(encoding="utf-8").split())
    data = yaml.safe_load((PROFILES / profile).read_text(encoding="utf-8"))
    quotes = [
        ev["quote"]
        for facts in data["facts"].values()
        for f in facts.values()
        for ev in f.get("evidence", [])
    ]
    assert quotes and all(" ".join(q.split()) in text for q in quotes)
