"""Provenance groups: which articles (and claims) are one source, counted once.

Articles joined by a derived reuse relation (copy, excerpt, spun, translated, rewrite) are
one group; so are claims credited to the same wire agency, whether the credit is the
claim's attribution ("according to Reuters") or the article's dateline credit
("KERVA, 17 March (Northwire) –"). ``independent_sources`` counts these groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from storytrace.model import Article, Claim, Relation
from storytrace.stories.index import DERIVED_KINDS

__all__ = ["UnionFind", "article_groups", "claim_sources", "dateline_credit", "wire_of"]

WIRES = (
    "afp", "agence france-presse", "reuters", "associated press", "ap", "dpa", "xinhua",
    "tass", "interfax", "ria novosti", "efe", "ansa", "kyodo", "yonhap", "pti", "ani", "upi",
    "anadolu", "bernama", "antara", "itar-tass", "sputnik",
)  # fmt: skip
"""News agencies whose dispatches many outlets carry (general knowledge)."""
_DATELINE = re.compile(r"^[^\n]{0,80}?\(([A-Z][\w .&-]{1,40})\)\s*[-–—:]")
_DATELINE_SCAN = 300


class UnionFind:
    """Union-find over strings; a set's name is its smallest member."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._parent: dict[str, str] = {item: item for item in items}

    def find(self, item: str) -> str:
        """The name of ``item``'s set."""
        self._parent.setdefault(item, item)
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        self._parent[item] = root
        return root

    def union(self, a: str, b: str) -> None:
        """Join the sets of ``a`` and ``b``."""
        root_a, root_b = sorted((self.find(a), self.find(b)))
        self._parent[root_b] = root_a


def wire_of(name: str | None) -> str | None:
    """The agency a credit or attribution names, folded, or None."""
    if not name:
        return None
    folded = name.casefold()
    for wire in WIRES:
        if re.search(rf"(?<!\w){re.escape(wire)}(?!\w)", folded):
            return wire
    return "agency:" + folded if "news agency" in folded else None


def dateline_credit(article: Article) -> str | None:
    """The agency credited in the article's dateline, ``(Agency) –``, if any."""
    match = _DATELINE.match(article.text[:_DATELINE_SCAN].lstrip())
    return None if match is None else "credit:" + match[1].strip().casefold()


def article_groups(article_ids: Iterable[str], relations: Sequence[Relation]) -> dict[str, str]:
    """Article id -> provenance group (smallest id of its derivation component)."""
    ids = set(article_ids)
    groups = UnionFind(ids)
    for relation in relations:
        if relation.kind in DERIVED_KINDS and relation.a in ids and relation.b in ids:
            groups.union(relation.a, relation.b)
    return {article_id: groups.find(article_id) for article_id in ids}


def claim_sources(
    claims: Sequence[Claim],
    groups: Mapping[str, str],
    credits: Mapping[str, str | None],
) -> dict[str, str]:
    """Claim id -> source: its article's group, joined with others crediting the same agency."""
    sources = UnionFind()
    for claim in claims:
        group = groups.get(claim.article, claim.article)
        sources.find("g:" + group)
        agency = wire_of(claim.attribution) or credits.get(claim.article)
        if agency is not None:
            sources.union("g:" + group, "w:" + agency)
    return {
        claim.id: sources.find("g:" + groups.get(claim.article, claim.article)) for claim in claims
    }
