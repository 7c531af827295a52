"""The provenance graph as data, laid out in Python so the page needs no graph library.

Nodes are articles coloured by outlet; edges are relations styled by reuse kind, drawn as
arrows from the origin to the derived copy. Articles joined by reuse (anything but
``independent``) form a *source group*: copies of one dispatch, which count once. Each group
is drawn in its own box, in layers from its origin down; boxes are packed left to right in
rows. Between two groups one ``independent`` edge is drawn (between their top articles), not
one per pair of members: a story relates every pair, and n x m faint lines hide the picture;
every pair keeps its alignment in the list below the graph. The layout is deterministic: same
analysis, same picture, whatever the input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from storytrace.model import Article, Relation
from storytrace.report._ids import dom_id, outlet_colours, short

NODE_RADIUS = 14
NODE_GAP = 120  # horizontal distance between nodes of one layer: room for a short label
LAYER_GAP = 86
GROUP_PAD = 30
GROUP_GAP = 24
MAX_WIDTH = 1000
MAX_NODES = 400
"""More nodes than this make an unreadable picture: the best-connected articles are kept."""

# (colour, stroke dash pattern) per reuse kind; dashes tell kinds apart without colour.
KIND_STYLES: dict[str, tuple[str, str]] = {
    "copy": ("#1d2430", ""),
    "excerpt": ("#2457a6", "8 3"),
    "spun": ("#d4572a", "3 3"),
    "translated": ("#7b4fa6", "10 3 2 3"),
    "rewrite": ("#3a8a3a", "1 3"),
    "independent": ("#b5bcc6", "2 6"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeView:
    """An article in the graph."""

    id: str
    anchor: str
    label: str
    title: str
    outlet: str | None
    colour: str
    x: float
    y: float
    group: int
    origin: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class EdgeView:
    """A relation in the graph: from ``source`` to ``target`` (origin to copy when known)."""

    a: str
    b: str
    anchor: str
    kind: str
    origin: str | None
    score: float
    colour: str
    dash: str
    directed: bool
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupView:
    """A box around the articles of one source group (counted once as a source)."""

    index: int
    size: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True, kw_only=True)
class LegendItem:
    label: str
    colour: str
    dash: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class GraphView:
    """The whole drawing: an SVG canvas size, boxes, edges, nodes and the two legends."""

    width: float
    height: float
    node_radius: int
    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]
    groups: tuple[GroupView, ...]
    outlets: tuple[LegendItem, ...]
    kinds: tuple[LegendItem, ...]
    hidden_articles: int
    hidden_independent_edges: int


def relation_anchor(relation: Relation) -> str:
    """The DOM id of a relation's alignment section."""
    return dom_id("relation", relation.a, relation.b)


def build_graph(articles: Sequence[Article], relations: Sequence[Relation]) -> GraphView | None:
    """Lay out the provenance graph; None when there is nothing to draw."""
    kept = _keep(articles, relations)
    if not kept:
        return None
    ids = {article.id for article in kept}
    edges = [r for r in relations if r.a in ids and r.b in ids]
    related = len(edges)
    groups = _groups(sorted(ids), [r for r in edges if r.kind != "independent"])
    depths = _depths(ids, edges)
    edges = _one_independent_edge_per_group_pair(edges, groups, depths)
    boxes, positions = _pack(groups, depths, {a.id: a for a in kept})
    colours = outlet_colours(a.outlet for a in kept)
    nodes = tuple(_node(a, positions[a.id], groups, colours, edges) for a in kept)
    return GraphView(
        width=max((box.x + box.width for box in boxes), default=0) + GROUP_GAP,
        height=max((box.y + box.height for box in boxes), default=0) + GROUP_GAP,
        node_radius=NODE_RADIUS,
        nodes=tuple(sorted(nodes, key=lambda n: n.id)),
        edges=tuple(_edge(r, positions) for r in sorted(edges, key=lambda r: (r.a, r.b))),
        groups=boxes,
        outlets=_outlet_legend(colours, kept),
        kinds=tuple(LegendItem(label=k, colour=c, dash=d) for k, (c, d) in KIND_STYLES.items()),
        hidden_articles=len(articles) - len(kept),
        hidden_independent_edges=related - len(edges),
    )


def _one_independent_edge_per_group_pair(
    relations: Sequence[Relation], groups: dict[str, int], depths: dict[str, int]
) -> list[Relation]:
    """Reuse edges, and per pair of source groups the independent edge nearest their tops."""
    best: dict[tuple[int, int], Relation] = {}
    kept = []
    for relation in relations:
        if relation.kind != "independent":
            kept.append(relation)
            continue
        pair = (groups[relation.a], groups[relation.b])
        key = (min(pair), max(pair))
        rank = (depths[relation.a] + depths[relation.b], relation.a, relation.b)
        held = best.get(key)
        if held is None or rank < (depths[held.a] + depths[held.b], held.a, held.b):
            best[key] = relation
    return kept + list(best.values())


def _keep(articles: Sequence[Article], relations: Sequence[Relation]) -> list[Article]:
    if len(articles) <= MAX_NODES:
        return list(articles)
    degree: dict[str, int] = {}
    for relation in relations:
        for side in (relation.a, relation.b):
            degree[side] = degree.get(side, 0) + 1
    ranked = sorted(articles, key=lambda a: (-degree.get(a.id, 0), a.id))
    return ranked[:MAX_NODES]


def _groups(ids: list[str], reuse: Iterable[Relation]) -> dict[str, int]:
    """Union-find over reuse relations; groups numbered by size, then by first id."""
    parent = {article_id: article_id for article_id in ids}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for relation in reuse:
        parent[root(relation.a)] = root(relation.b)
    members: dict[str, list[str]] = {}
    for article_id in ids:
        members.setdefault(root(article_id), []).append(article_id)
    ordered = sorted(members.values(), key=lambda group: (-len(group), group[0]))
    return {article_id: index for index, group in enumerate(ordered) for article_id in group}


def _depths(ids: set[str], relations: Iterable[Relation]) -> dict[str, int]:
    """Layer of each article: the longest chain of derivations above it (cycles cut)."""
    parents: dict[str, set[str]] = {article_id: set() for article_id in ids}
    for relation in relations:
        if relation.kind != "independent" and relation.origin in (relation.a, relation.b):
            derived = relation.b if relation.origin == relation.a else relation.a
            parents[derived].add(relation.origin)
    depth = dict.fromkeys(ids, 0)
    for _round in range(len(ids)):  # Bellman-Ford style: at most n rounds, so cycles end
        changed = False
        for child, above in parents.items():
            best = max((depth[p] + 1 for p in above), default=0)
            if best > depth[child]:
                depth[child], changed = min(best, len(ids)), True
        if not changed:
            break
    return depth


def _pack(
    groups: dict[str, int], depths: dict[str, int], articles: dict[str, Article]
) -> tuple[tuple[GroupView, ...], dict[str, tuple[float, float]]]:
    """Shelf-pack the group boxes; place each group's layers inside its box."""
    members: dict[int, list[str]] = {}
    for article_id in sorted(groups):
        members.setdefault(groups[article_id], []).append(article_id)
    boxes, positions = [], {}
    x = y = shelf = float(GROUP_GAP)
    for index in sorted(members):
        layers = _layers(members[index], depths, articles)
        width = max(len(layer) for layer in layers) * NODE_GAP + GROUP_PAD
        height = len(layers) * LAYER_GAP + GROUP_PAD
        if x + width > MAX_WIDTH and x > GROUP_GAP:
            x, y = float(GROUP_GAP), shelf + GROUP_GAP
        boxes.append(
            GroupView(index=index, size=len(members[index]), x=x, y=y, width=width, height=height)
        )
        positions.update(_place(layers, x, y, width))
        x, shelf = x + width + GROUP_GAP, max(shelf, y + height)
    return tuple(boxes), positions


def _layers(
    ids: list[str], depths: dict[str, int], articles: dict[str, Article]
) -> list[list[str]]:
    by_depth: dict[int, list[str]] = {}
    for article_id in ids:
        by_depth.setdefault(depths[article_id], []).append(article_id)
    key = _date_key(articles)
    return [sorted(by_depth[depth], key=key) for depth in sorted(by_depth)]


def _date_key(articles: dict[str, Article]) -> Callable[[str], tuple[bool, str, str]]:
    def key(article_id: str) -> tuple[bool, str, str]:
        published = articles[article_id].published
        return (published is None, published or "", article_id)

    return key


def _place(
    layers: list[list[str]], x: float, y: float, width: float
) -> dict[str, tuple[float, float]]:
    positions = {}
    for row, layer in enumerate(layers):
        left = x + (width - len(layer) * NODE_GAP) / 2 + NODE_GAP / 2
        for column, article_id in enumerate(layer):
            positions[article_id] = (
                left + column * NODE_GAP,
                y + GROUP_PAD / 2 + (row + 0.5) * LAYER_GAP,
            )
    return positions


def _node(
    article: Article,
    position: tuple[float, float],
    groups: dict[str, int],
    colours: dict[str | None, str],
    relations: Sequence[Relation],
) -> NodeView:
    title = article.title or article.id
    return NodeView(
        id=article.id,
        anchor=dom_id("article", article.id),
        label=short(article.outlet or article.id, 18),
        title=title,
        outlet=article.outlet,
        colour=colours.get(article.outlet, colours[None]),
        x=position[0],
        y=position[1],
        group=groups[article.id],
        origin=_is_origin(article.id, relations),
    )


def _is_origin(article_id: str, relations: Sequence[Relation]) -> bool:
    """An origin: others derive from it and it derives from none."""
    derived_from_it = derives = False
    for relation in relations:
        if relation.origin is None or article_id not in (relation.a, relation.b):
            continue
        if relation.origin == article_id:
            derived_from_it = True
        else:
            derives = True
    return derived_from_it and not derives


def _edge(relation: Relation, positions: dict[str, tuple[float, float]]) -> EdgeView:
    source, target = relation.a, relation.b
    if relation.origin == relation.b:
        source, target = relation.b, relation.a
    (x1, y1), (x2, y2) = _shorten(positions[source], positions[target])
    colour, dash = KIND_STYLES.get(relation.kind, KIND_STYLES["independent"])
    return EdgeView(
        a=relation.a,
        b=relation.b,
        anchor=relation_anchor(relation),
        kind=relation.kind,
        origin=relation.origin,
        score=relation.score,
        colour=colour,
        dash=dash,
        directed=relation.origin is not None and relation.kind != "independent",
        x1=x1,
        y1=y1,
        x2=x2,
        y2=y2,
    )


def _shorten(
    start: tuple[float, float], end: tuple[float, float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Cut a segment so it begins and ends at the node circles' rims (room for the arrow)."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length <= 2 * NODE_RADIUS:
        return start, end
    ux, uy = dx / length, dy / length
    gap = NODE_RADIUS + 3
    return (
        (round(start[0] + ux * gap, 1), round(start[1] + uy * gap, 1)),
        (round(end[0] - ux * gap, 1), round(end[1] - uy * gap, 1)),
    )


def _outlet_legend(
    colours: dict[str | None, str], articles: Sequence[Article]
) -> tuple[LegendItem, ...]:
    items = [LegendItem(label=o, colour=c) for o, c in colours.items() if o is not None]
    if any(article.outlet is None for article in articles):
        items.append(LegendItem(label="unknown outlet", colour=colours[None]))
    return tuple(items)
