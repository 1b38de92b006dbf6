"""Ordering scored points: repeats damped, one of each finding, long texts by segment."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from helpers import DATA, builtin
from wsw.suggest.ranking import rank, segment_of, segment_strength
from wsw.text.words import tokenize


def never_same(a: int, b: int) -> bool:
    return False


@given(
    st.lists(st.floats(min_value=0.1, max_value=50), min_size=0, max_size=40),
    st.integers(min_value=1, max_value=12),
)
def test_keeping_the_best_few_per_theme_gives_the_full_ranking_cut(
    scores: list[float], limit: int
) -> None:
    """The heap per theme must give exactly what ranking everything and cutting gives."""
    primary = [f"theme-{i % 3}" for i in range(len(scores))]
    scored = [(s, i) for i, s in enumerate(scores)]
    assert (
        rank(scored, primary, limit, never_same) == rank(scored, primary, None, never_same)[:limit]
    )


def test_a_second_theme_comes_before_a_third_point_on_the_loudest() -> None:
    primary = ["a", "a", "a", "b"]
    ranked = rank([(10.0, 0), (9.5, 1), (9.0, 2), (7.5, 3)], primary, 4, never_same)
    assert [i for _, i in ranked] == [0, 1, 3, 2]


def test_the_same_finding_counts_once() -> None:
    ranked = rank(
        [(10.0, 0), (9.0, 1), (4.0, 2)], ["a", "b", "c"], 3, lambda a, b: {a, b} == {0, 1}
    )
    assert [i for _, i in ranked] == [0, 2, 1]


def test_segments_are_whole_sentences_of_about_sixty_words() -> None:
    sentence = " ".join(["word"] * 25) + ". "
    segments = segment_of(tokenize(sentence * 6))
    assert segments[0] == 0 and segments[-1] == 1
    assert len(set(segments)) == 2  # 75 words, then 75: each segment closes after 60


def test_a_theme_counts_its_best_segment_in_full_and_the_rest_a_little() -> None:
    assert segment_strength({0: {"a": 2.0, "b": 1.0}}) == 3.0
    assert segment_strength({0: {"a": 1.0}, 1: {"b": 3.0}, 2: {"c": 1.0}}) == 3.0 + 0.3 * 2.0


def test_a_long_case_summary_brings_its_main_theme_to_the_top() -> None:
    """An 670-word chronology with call-outs, a cut lip and a withdrawn statement."""
    long_inputs = yaml.safe_load((DATA / "vignettes-long.yaml").read_text(encoding="utf-8"))
    text = next(v["text"] for v in long_inputs if v["id"] == "l01")
    assert len(text.split()) > 500
    themes = [s.theme for s in builtin().suggester.suggest(text, limit=10)]
    assert "domestic-abuse" in themes[:3]


def test_two_statistics_on_the_same_themes_are_not_both_near_the_top() -> None:
    text = "Baby is 10 weeks old, mum is smoking and co-sleeping, dad drinks most nights."
    top = builtin().suggester.suggest(text, limit=3)
    statistics = [s for s in top if s.figures and s.themes == ["infants", "physical-abuse"]]
    assert len(statistics) <= 1, [s.id for s in statistics]


def _cut(full: list[tuple[str, str]], limit: int) -> list[str]:
    """The full list's first `limit`, less the last repeats that give way to themes left out."""
    kept = full[:limit]
    for point, theme in full[limit:]:
        themes = [t for _, t in kept]
        repeats = [k for k, (_, t) in enumerate(kept) if themes.count(t) > 1]
        if len(set(themes)) >= 6 or theme in themes or not repeats:
            continue
        del kept[repeats[-1]]
        kept.append((point, theme))
    return [point for point, _ in kept]


def test_a_limited_list_is_the_start_of_the_full_one() -> None:
    """Scoring only the first few points of each bucket loses nothing that could rank."""
    suggester = builtin().suggester
    texts = yaml.safe_load((DATA / "vignettes-eval.yaml").read_text(encoding="utf-8"))
    for v in texts[:20]:
        full = [(s.id, s.theme) for s in suggester.suggest(v["text"], limit=None)]
        for limit in (3, 10):
            assert [s.id for s in suggester.suggest(v["text"], limit=limit)] == _cut(full, limit)


def test_a_short_list_makes_room_for_every_theme_the_text_touches() -> None:
    """Six themes touched, a limit of four: one point each for the four strongest, not two
    on the loudest; and a theme only faintly touched still gets the last free place."""
    primary = ["a", "a", "a", "b", "b", "c", "d", "e"]
    scored = [(10.0, 0), (9.0, 1), (8.0, 2), (7.0, 3), (6.5, 4), (3.0, 5), (2.0, 6)]
    ranked = rank(scored, primary, 4, never_same, cover=6, faint=[(0.5, 7)])
    assert [primary[i] for _, i in ranked] == ["a", "b", "c", "d"]
    ranked = rank(scored, primary, 6, never_same, cover=6, faint=[(0.5, 7)])
    assert [primary[i] for _, i in ranked] == ["a", "a", "b", "c", "d", "e"]
    # without cover, the loudest theme's repeats fill the list
    assert [primary[i] for _, i in rank(scored, primary, 4, never_same)] == ["a", "a", "b", "a"]


def test_a_list_already_showing_six_themes_is_left_as_it_is() -> None:
    primary = ["a", "a", "b", "c", "d", "e", "f", "g"]
    scored = [(10.0 - i, i) for i in range(8)]
    ranked = rank(scored, primary, 7, never_same, cover=6)
    assert ranked == rank(scored, primary, 7, never_same)
