"""Which learning `wsw suggest` brings up, and how it explains itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from helpers import DATA, MINIMAL_PACK, Runner, builtin, write
from wsw.suggest import Suggester, distinct_themes


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    return builtin().suggester


def first_themes(suggester: Suggester, text: str, n: int = 6) -> list[str]:
    return distinct_themes(suggester.suggest(text, limit=20))[:n]


DEV = yaml.safe_load((DATA / "vignettes-dev.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("vignette", DEV, ids=[v["id"] for v in DEV])
def test_dev_vignettes_via_cli(vignette: dict[str, object], wsw: Runner) -> None:
    """Every expected theme is among the first six distinct primary themes of the JSON."""
    result = wsw("suggest", "--json", "--limit", "20", str(vignette["text"]))
    assert result.code == 0, result.err
    order: list[str] = []
    for item in json.loads(result.out)["suggestions"]:
        if item["theme"] not in order:
            order.append(item["theme"])
    for theme in vignette["expect"]:  # type: ignore[attr-defined]
        assert theme in order[:6], (theme, order)


@pytest.mark.parametrize(
    "name,minimum",
    [
        ("vignettes-heldout.yaml", 0.9),
        ("vignettes-eval.yaml", 0.9),
        ("vignettes-unseen.yaml", 0.9),
        ("vignettes-blind.yaml", 0.9),
        # Held out until issue 13's second round read its misses: a development set since.
        ("vignettes-final.yaml", 0.8),
        ("vignettes-fresh.yaml", 0.9),
    ],
)
def test_unseen_vignettes_mostly_find_their_themes(
    name: str, minimum: float, suggester: Suggester
) -> None:
    """Sets written by people who never saw the triggers: a floor on how often we succeed.

    Each set was measured once before any vocabulary was added for it (see the README); these
    floors stop later changes from quietly making suggestion worse.
    """
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    vignettes = yaml.safe_load(path.read_text(encoding="utf-8"))
    hits = sum(all(t in first_themes(suggester, v["text"]) for t in v["expect"]) for v in vignettes)
    assert hits / len(vignettes) >= minimum, f"{hits}/{len(vignettes)}"


@pytest.mark.parametrize(
    "text,theme",
    [
        ("I'm worried about the fella she's seeing, he has a record", "male-carers"),
        ("Dad is using again and missed his key worker", "substance-misuse"),
        ("He got off-rolled last term and is home all day", "hidden-children"),
        ("She told her teacher she is scared to go home", "child-daily-life"),
        ("Nan rang, she's frightened for the kids", "family-network"),
        # indirect language, as the issue found it missed
        ("Mum was very flat and tearful on the phone", "parental-mental-health"),
        ("Dad says he cant do this anymore", "parental-mental-health"),
        ("Nan says her fella is a bit handy with the lad", "physical-abuse"),
        ("Goes rigid when stepdad walks in the room", "behavioural-indicators"),
        ("She says he comes in her room at night", "sexual-abuse"),
        ("Weight loss and two missed dietician appointments", "neglect"),
        # new information arriving, as practitioners record it
        ("A neighbour rang to report the ex has been seen at the house again", "changing-risk"),
        ("Since then she has had three more A&E attendances", "changing-risk"),
        # agencies not knowing what each other know; meaning lost without an interpreter
        ("None of the three GPs seem to know about each other", "information-sharing"),
        ("No interpreter at the meeting, so her daughter translated", "information-sharing"),
        # an account given and taken as it is
        ("Stepdad says he hasn't been to the house since the summer", "critical-thinking"),
        # behaviour as communication; development and health checks missed
        ("He keeps trying to touch the other children at nursery", "behavioural-indicators"),
        ("Ruby (3) is not toilet trained and has missed her development checks", "neglect"),
        ("Pictures of her were shared in the year group chat", "adolescents-exploitation"),
        ("The assessment said low risk, but that was before the incident", "changing-risk"),
        ("Police logged it but it never reached children's services", "information-sharing"),
        ("We have only ever heard mum's version of what happened that night", "critical-thinking"),
        ("He tells a good story but nothing has been checked", "critical-thinking"),
        ("She told a friend she doesn't want to wake up anymore", "suicide-self-harm"),
        ("Mum hasn't left the house in weeks and says she is drowning", "parental-mental-health"),
        ("I'm finding this case hard and it's affecting my judgement", "supervision"),
        ("Her deafness means she relies on her brother at appointments", "disability"),
    ],
)
def test_practitioner_language(suggester: Suggester, text: str, theme: str) -> None:
    assert theme in first_themes(suggester, text, 3)


def test_json_shape_is_exact(wsw: Runner) -> None:
    result = wsw("suggest", "--json", "new boyfriend moved in, police check shows assault")
    payload = json.loads(result.out)
    assert list(payload) == ["version", "suggestions"]
    assert payload["version"] == 1
    assert payload["suggestions"]
    for item in payload["suggestions"]:
        assert list(item) == [
            "id",
            "theme",
            "themes",
            "kind",
            "title",
            "score",
            "matched",
            "pack",
            "prompt",
            "source",
        ]
        source = item["source"]
        assert list(source) == ["document", "title", "section", "page", "as_of", "citation"]
        assert source["document"] and source["section"] and source["citation"]
        assert item["theme"] == item["themes"][0]
        assert item["kind"] in ("learning", "practice")
        assert item["matched"]
    scores = [item["score"] for item in payload["suggestions"]]
    assert scores == sorted(scores, reverse=True)


def test_limit_and_reasons(suggester: Suggester) -> None:
    results = suggester.suggest("baby has a bruise and dad says she rolled off the sofa", limit=3)
    assert len(results) == 3
    assert any("bruise" in m for r in results for m in r.matched)
    assert all(r.source for r in results)


def test_unrelated_text_suggests_nothing(suggester: Suggester) -> None:
    assert suggester.suggest("The quarterly stationery order arrived on Tuesday.") == []


def test_stated_age_band_excludes_points_for_other_ages(suggester: Suggester) -> None:
    text = "baby bruise, older brother missing from home, cash"
    suggested = suggester.suggest(text, age_bands=["16-17"], limit=None)
    banded = [suggester.library.point_by_id[r.id].point.age_bands for r in suggested]
    # Every point limited to some ages includes the stated one; none is only for babies.
    assert all("16-17" in bands for bands in banded if bands)
    assert any(bands for bands in banded)


def test_user_pack_points_are_suggested(tmp_path: Path, wsw: Runner) -> None:
    write(tmp_path / "packs" / "team.yaml", MINIMAL_PACK)
    result = wsw("--packs", str(tmp_path / "packs"), "suggest", "--json", "no packed lunch again")
    ids = [s["id"] for s in json.loads(result.out)["suggestions"]]
    assert "team.one" in ids


def test_a_team_point_comes_up_by_itself_for_a_phrase_or_strong_word_of_its_own(
    tmp_path: Path,
) -> None:
    """A plain single word only adds to a theme the text is about: the README and
    `packs lint` (`lone-word`) tell authors to make a naming word strong or a phrase."""
    from helpers import load_library
    from wsw.suggest.engine import Suggester

    text = "Came in with no lunchbox again today."
    for triggers, shown in (("[lunchbox]", False), ('["lunchbox!"]', True),
                            ('["no lunchbox"]', True)):  # fmt: skip
        pack = MINIMAL_PACK.replace("triggers: [packed lunch]", f"triggers: {triggers}")
        write(tmp_path / triggers / "team.yaml", pack)
        suggester = Suggester(load_library([tmp_path / triggers], user=False, env=False))
        assert ("team.one" in [s.id for s in suggester.suggest(text)]) is shown, triggers


def test_reads_standard_input(wsw: Runner) -> None:
    result = wsw("suggest", "--json", stdin="the house has no food and the children are hungry")
    themes = [s["theme"] for s in json.loads(result.out)["suggestions"]]
    assert "neglect" in themes


def test_human_output_groups_by_theme_with_sources(wsw: Runner) -> None:
    result = wsw("suggest", "mum withdrew him from school to home educate")
    assert result.code == 0
    assert "Hidden children" in result.out
    assert "Why:" in result.out and "Source:" in result.out


def test_empty_information_is_a_usage_error(wsw: Runner) -> None:
    result = wsw("suggest", "   ")
    assert result.code == 2
    assert "empty" in result.err


def test_a_point_about_one_context_comes_up_only_on_its_own_words(tmp_path: Path) -> None:
    """A pandemic finding must not fill the list for every baby: only its own triggers count."""
    from helpers import load_library
    from wsw.suggest.engine import Suggester

    pack = MINIMAL_PACK.replace(
        "    triggers: [packed lunch]\n",
        ("    triggers: [packed lunch]\n    own_triggers_only: true\n"),
    )
    write(tmp_path / "packs" / "team.yaml", pack)
    suggester = Suggester(load_library([tmp_path / "packs"], user=False, env=False))
    neglect_only = "The children are hungry and unwashed; the house is filthy with no food."
    assert "team.one" not in [s.id for s in suggester.suggest(neglect_only, limit=None)]
    with_its_words = neglect_only + " No packed lunch again."
    assert "team.one" in [s.id for s in suggester.suggest(with_its_words, limit=None)]


def test_covid_findings_need_pandemic_words(suggester: Suggester) -> None:
    baby = "10 week old baby with a bruise to the cheek; mum on a video call said he rolled."
    assert not [s for s in suggester.suggest(baby, limit=None) if "covid" in s.id]
    pandemic = "Since lockdown the baby has not been seen by the health visitor."
    assert [s for s in suggester.suggest(pandemic, limit=20) if "covid" in s.id]


def themes_of(suggester: Suggester, text: str, limit: int = 20) -> list[str]:
    return [s.theme for s in suggester.suggest(text, limit=limit)]


def test_a_reassurance_brings_nothing_up(suggester: Suggester) -> None:
    """ "No DV concerns this time" is not a domestic-abuse case; what follows "but" is."""
    text = "No DV concerns this time, but mum has been drinking heavily again."
    assert "domestic-abuse" not in themes_of(suggester, text)
    assert "substance-misuse" in themes_of(suggester, text)[:3]


def test_times_distances_and_adult_ages_are_not_gestations(suggester: Suggester) -> None:
    text = "Police call-out at 10:40. Mother is 40 and lives 40 miles from the school."
    assert "infants" not in themes_of(suggester, text)
    assert "infants" in themes_of(suggester, "Booking appointment at 32/40, first contact.")[:3]


def test_the_verb_send_is_not_special_educational_needs(suggester: Suggester) -> None:
    assert "disability" not in themes_of(suggester, "Please send the letters to the school.")
    assert "disability" in themes_of(suggester, "He has SEND and an EHCP.")[:3]


def test_points_for_other_ages_are_held_back(suggester: Suggester) -> None:
    """A 6-year-old's bruising never brings "a second peak among 15 to 17 year olds"."""
    text = "Boy is 6. Went missing overnight, came back with cash and bruising to his arms."
    results = suggester.suggest(text, limit=None)
    assert results
    for s in results:
        bands = suggester.library.point_by_id[s.id].point.age_bands
        assert not bands or "6-10" in bands, s.id


def test_a_worker_who_has_not_slept_is_not_a_parent_and_vice_versa(
    suggester: Suggester,
) -> None:
    worker = "I haven't slept properly since the visit where dad threatened me."
    assert "supervision" in themes_of(suggester, worker)[:3]
    mother = "Mum says she haven't slept properly since her ex started turning up."
    for s in suggester.suggest(mother, limit=None):
        if s.theme == "supervision":
            assert not any("slept" in m for m in s.matched), s.matched


def test_learned_weights_scale_their_triggers() -> None:
    """bench/fit.py's weights apply to the trigger they name and no other."""
    from helpers import builtin

    library = builtin().library
    plain = Suggester(library, weights={})
    halved = Suggester(library, weights={("neglect", "no food!"): 0.5})
    text = "There is no food in the house."
    before = {s.id: s.score for s in plain.suggest(text, limit=None)}
    after = {s.id: s.score for s in halved.suggest(text, limit=None)}
    neglect = [i for i in before if library.point_by_id[i].point.primary_theme == "neglect"]
    assert neglect and all(after.get(i, 0.0) < before[i] for i in neglect)
    assert ("neglect", "no food!") in plain.fired(text)


def test_a_point_needs_its_own_theme_in_the_text(tmp_path: Path) -> None:
    """A point's own generic word, a secondary theme or a teenager's age never bring it alone.

    "CAMHS referral" on a self-harm text must not bring up exploitation learning: the point
    shows once the text is about its primary theme, or through a specific phrase of its own.
    """
    from helpers import load_library

    themes = "themes: [adolescents-exploitation, suicide-self-harm]"
    pack = MINIMAL_PACK.replace("themes: [neglect]", themes)
    pack = pack.replace("triggers: [packed lunch]", "triggers: [youth club]")
    write(tmp_path / "packs" / "team.yaml", pack)
    library = load_library([tmp_path / "packs"], user=False, env=False)
    generic = Suggester(library, weights={("team.one", "youth club"): 0.5})
    self_harm = "Ellie (14) has been self-harming. She told a worker at her youth club."

    assert all(s.theme != "adolescents-exploitation" for s in generic.suggest(self_harm))
    exploited = self_harm + " She has been going missing and coming back with cash."
    assert "team.one" in [s.id for s in generic.suggest(exploited, limit=None)]
    specific = Suggester(library, weights={})  # the phrase unweighted: specific enough alone
    assert "team.one" in [s.id for s in specific.suggest(self_harm, limit=None)]


def test_a_baby_s_age_alone_brings_learning_about_infants(suggester: Suggester) -> None:
    """An age a theme is about is evidence of it (a 2/12 baby); a teenager's age is not."""
    assert "infants" in themes_of(suggester, "New partner moved in. Children are 2/12 and 3.")
    teen = "Callum (15) has been cutting his arms and says he wants to die."
    assert "adolescents-exploitation" not in themes_of(suggester, teen)


def _matched(suggester: Suggester, text: str) -> set[str]:
    """Every phrase given as a reason for any suggestion."""
    return {p for s in suggester.suggest(text, limit=None) for p in s.matched}


def test_words_that_only_share_a_stem_with_a_trigger_bring_nothing(suggester: Suggester) -> None:
    """A private law case is not "privates", a section 7 report is not being sectioned, "can"
    is not cans of lager, "off roll" is not a baby who rolled, "high risk" is not being high."""
    text = (
        "Private law application; the section 7 report is due and mum can come to court. "
        "The DASH was high risk. Tyler was taken off roll in May."
    )
    phrases = _matched(suggester, text)
    assert not phrases & {"private", "section", "can", "high", "roll", "roll in"}, phrases
    assert "sexual-abuse" not in themes_of(suggester, text)


def test_reported_speech_alone_is_not_a_theme(suggester: Suggester) -> None:
    """ "says" and "told me" are how every note is written, not critical thinking or the child's
    voice; an adult who declines something is not the LA declining a referral, and vice versa."""
    text = "Mum told me the school says Leo is settled and the police say he is doing well."
    assert not {"says", "school says", "say", "told me", "mum told me"} & _matched(suggester, text)
    assert "critical-thinking" not in themes_of(suggester, text)
    assert "child-daily-life" in themes_of(suggester, "The boy told me he does the tea.")
    declined = "The LA declined the referral."
    assert "reluctant-engagement" not in themes_of(suggester, declined)
    assert "reluctant-engagement" in themes_of(suggester, "Mum declined the home visit again.")


def test_time_words_alone_are_not_changing_risk(suggester: Suggester) -> None:
    """ "last week", "again", "yesterday" date a note; change is a new adult, a release, a return.

    (Dating words are how notes are written, and fired on most texts whatever their theme.)
    """
    dated = "Last week mum was late again for contact, and yesterday she rang to apologise."
    assert "changing-risk" not in themes_of(suggester, dated)
    changed = "Mum and Dan are giving it another go and he is moving back in."
    assert "changing-risk" in themes_of(suggester, changed)[:3]


def test_a_theme_with_only_a_weak_word_comes_after_the_plainly_stated_one(
    suggester: Suggester,
) -> None:
    """A declined referral is about escalation; "referral" alone barely says information sharing.

    Its points still come up (they may matter), but after the escalation learning rather than
    among the first few, even when a secondary theme would lift them.
    """
    text = (
        "The LA declined our referral as the threshold for a section 47 was not met. "
        "I disagree with the decision."
    )
    themes = themes_of(suggester, text)
    assert "information-sharing" in themes
    assert themes[:6] == ["escalation"] * 6, themes


def test_whom_a_word_is_about_decides_its_theme(suggester: Suggester) -> None:
    """A father not eating is a parent's low mood, not a child's behaviour; "disagree" is the
    worker's professional disagreement, not a parent disagreeing with a partner."""
    dad = themes_of(suggester, "Dad is not eating, not sleeping, since he lost his job.")
    assert "behavioural-indicators" not in dad
    assert "parental-mental-health" in dad
    assert "escalation" not in themes_of(suggester, "Mum disagrees with dad about bedtimes.")
    assert "escalation" in themes_of(suggester, "I disagree with the plan to close the case.")


def test_a_reassurance_is_not_a_call_for_critical_thinking(suggester: Suggester) -> None:
    """ "No concerns re parenting" is written in nearly every note; it brings nothing up."""
    assert themes_of(suggester, "No concerns re parenting. School report no concerns.") == []



def test_a_clean_house_is_not_a_parent_staying_clean(suggester: Suggester) -> None:
    """Home-visit words that share a word with drug and alcohol phrases bring none of it."""
    text = (
        "The flat was clean and tidy. Callum (13) is fully dependent for his care; "
        "Mum ran for the bus and used the lift."
    )
    assert "substance-misuse" not in themes_of(suggester, text)
    assert "substance-misuse" in themes_of(suggester, "Dad says he has been clean since May.")


def test_a_theme_touched_only_faintly_still_gets_a_place_in_a_short_list(
    suggester: Suggester,
) -> None:
    """A father named once is too little to list male carers' learning on its own, but when the
    list shows only three themes it gets the last place rather than none (recall is judged on
    the distinct themes shown), after everything the text states plainly."""
    text = "Since he lost his job dad has stopped getting dressed and stays in bed most days."
    themes = themes_of(suggester, text, limit=10)
    assert "parental-mental-health" in themes[:2]
    assert themes[-1] == "male-carers" and themes.count("male-carers") == 1, themes


def test_the_loudest_theme_does_not_carry_a_theme_named_in_passing(suggester: Suggester) -> None:
    """A text full of domestic abuse lifts every point tagged with it as a secondary theme; a
    father mentioned once must not ride that above a theme the text states in its own words."""
    text = (
        "Police were called at 2am again: shouting, a cut lip, he had his hands round her neck. "
        "DASH is high risk and there is a non-molestation order. Third call-out this month. "
        "Money is tight and she has used the food bank. Dad is not sure what to do."
    )
    themes = themes_of(suggester, text)
    assert "male-carers" in themes
    last_poverty = max(i for i, t in enumerate(themes) if t == "poverty")
    assert themes.index("male-carers") > last_poverty, themes
