"""Translations into other scripts are found by the sentence encoder, not by names."""

from __future__ import annotations

import pytest

from storytrace.model import Article
from storytrace.reuse import embed, find_relations
from storytrace.text.sentences import split_sentences

ENGLISH = (
    "The town of Merrow opened a new library on Saturday. "
    "The building has room for 40,000 books and a children's reading hall. "
    "Mayor Ines Calder said the library cost 12 million dollars. "
    "Volunteers moved the old collection in two weeks. "
    "The library will stay open until ten in the evening."
)
CHINESE = (
    "梅罗镇周六开放了一座新图书馆。"
    "这座建筑可容纳四万册图书，并设有一个儿童阅览厅。"
    "镇长伊内丝·考尔德说，图书馆耗资一千二百万美元。"
    "志愿者们用了两周时间搬运旧藏书。"
    "图书馆将开放到晚上十点。"
)
CHINESE_OTHER = (
    "一场暴雨导致南部山区多条公路中断。"
    "气象部门发布了橙色预警。"
    "当地学校周一停课。"
    "救援人员正在清理倒下的树木。"
)
ENGLISH_OTHER = (
    "Shares in the shipping firm Dalworth fell sharply on Tuesday. "
    "The company warned that freight rates would stay low all year. "
    "Analysts expect Dalworth to cut its dividend. "
    "Its chief executive said new ships would arrive in spring."
)


def _article(article_id: str, text: str, language: str) -> Article:
    return Article(
        id=article_id, source=article_id, text=text, language=language,
        sentences=tuple(split_sentences(text)),
    )  # fmt: skip


def test_one_language_costs_no_embedding() -> None:
    articles = [_article("a", ENGLISH, "en"), _article("b", ENGLISH_OTHER, "en")]
    assert embed.translation_candidates(articles) == set()


@pytest.mark.models
@pytest.mark.skipif(not embed.available(), reason="no sentence encoder (the 'models' extra)")
def test_a_chinese_translation_is_found_and_called_translated() -> None:
    articles = [
        _article("en-library", ENGLISH, "en"),
        _article("en-shipping", ENGLISH_OTHER, "en"),
        _article("zh-library", CHINESE, "zh"),
        _article("zh-storm", CHINESE_OTHER, "zh"),
    ]
    assert embed.translation_candidates(articles) == {(0, 2)}
    kinds = {(r.a, r.b): r.kind for r in find_relations(articles)}
    assert kinds[("en-library", "zh-library")] == "translated"
    assert all(
        kind == "independent"
        for pair, kind in kinds.items()
        if pair != ("en-library", "zh-library")
    )
