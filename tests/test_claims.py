"""kit.reading.claims: claim types, check-worthiness, claimants and reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit
from kit.articles.segment import Span
from kit.errors import KitError
from kit.reading.claims import (
    CHECKWORTHY,
    CLAIM_TYPES,
    REPORTER,
    ClaimSuggestion,
    default_labels,
    load_labels,
    most_checkworthy,
    suggest,
)
from kit.reading.sources import Attribution

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8e915a2399968c01.txt"


@pytest.fixture(scope="module")
def seed() -> kit.Article:
    return kit.load_article(SEED)


@pytest.fixture(scope="module")
def seed_claims(seed: kit.Article) -> list[ClaimSuggestion]:
    return suggest(seed)


def sentence_starting(found: list[ClaimSuggestion], words: str) -> list[ClaimSuggestion]:
    return [s for s in found if not s.part and s.text.startswith(words)]


def test_every_sentence_gets_one_suggestion_with_a_known_type(seed, seed_claims):
    sentences = [s for s in seed_claims if not s.part]
    assert [s.sentence for s in sentences] == list(range(len(seed.sentences)))
    for s in sentences:
        assert s.kit_type in CLAIM_TYPES
        assert s.type == s.kit_type  # the default label set names the kit types
        assert s.checkworthy in CHECKWORTHY
        assert 0.0 <= s.confidence <= 1.0
        assert seed.text[s.span.start : s.span.end] == s.text


def test_military_officers_sentences_hold_a_checkable_number(seed_claims):
    found = sentence_starting(seed_claims, "Military officers from around 30 countries")
    assert len(found) == 2  # the standfirst and the body paragraph
    for s in found:
        assert s.kit_type == "number"
        assert s.checkworthy == "yes"
        number = [r for r in s.reasons if "30 countries" in r.text]
        assert number and "number you could check" in number[0].text
        assert s.text[number[0].span.start - s.span.start :].startswith("30 countries")


def test_china_support_sentence_is_an_event_in_the_reporters_voice(seed_claims):
    (s,) = sentence_starting(seed_claims, "China has provided diplomatic support for Russia")
    assert s.kit_type == "event"
    assert s.claimant == REPORTER
    assert s.attribution is None
    assert any(r.about == "claimant" and "reporter" in r.text for r in s.reasons)


def test_a_plan_the_speaker_announces_is_policy_not_a_forecast(seed_claims):
    # Issue 19: "he would host leaders the following day" is an announced plan, checkable now
    # (was it announced?) and later (did it happen?), not a forecast nobody can check.
    for s in sentence_starting(seed_claims, "The Ukrainian president said") + sentence_starting(
        seed_claims, "he would host"
    ):
        assert s.kit_type == "policy", [r.text for r in s.reasons]
        assert any(r.text.startswith("'would' passes on a plan") for r in s.reasons)


def test_headline_to_host_said_by_someone_is_an_announced_plan(seed_claims):
    (s,) = sentence_starting(seed_claims, "Ukraine to host")
    assert s.kit_type == "policy"
    assert any("'to host'" in r.text and "announces a plan" in r.text for r in s.reasons)


def test_a_headline_to_with_nobody_saying_it_is_a_prediction():
    (s,) = suggest("Leaders to meet in Oslo", attributions=[])
    assert s.kit_type == "prediction"
    assert any("'to meet'" in r.text and "going to happen" in r.text for r in s.reasons)


def test_every_reason_points_at_the_words_it_quotes(seed, seed_claims):
    for s in seed_claims:
        assert s.reasons, s.text
        for r in s.reasons:
            assert r.about in ("type", "checkworthy", "claimant")
            if r.span is None:
                continue
            words = seed.text[r.span.start : r.span.end]
            assert words.lower() in r.text.lower(), (words, r.text)
            if r.about != "claimant":  # a reporting verb may sit in the sentence before a quote
                assert s.span.start <= r.span.start < r.span.end <= s.span.end


def test_attributed_part_gets_its_own_suggestion_and_claimant(seed):
    text = seed.text
    cue = text.index("said in a video address")
    content_start = text.index("he would host leaders")
    content_end = text.index("the following day") + len("the following day")
    zelensky = Attribution(
        cue=Span(cue, cue + 4),
        source=Span(text.index("The Ukrainian president"), cue - 1),
        content=Span(content_start, content_end),
        speaker="Volodymyr Zelensky",
        source_type="named_person",
        direct=False,
        stance="neutral",
    )
    found = suggest(seed, attributions=[zelensky])
    (part,) = [s for s in found if s.part]
    assert part.text == "he would host leaders of the coalition the following day"
    assert part.kit_type == "policy"  # a plan the source announces
    assert part.claimant == "Volodymyr Zelensky"
    assert part.attribution is zelensky
    assert any(
        r.about == "claimant" and "'said'" in r.text and "Volodymyr Zelensky" in r.text
        for r in part.reasons
    )
    (whole,) = [s for s in found if not s.part and s.sentence == part.sentence]
    assert whole.claimant == "Volodymyr Zelensky"  # its content overlaps the sentence


def test_a_reported_opinion_is_told_from_the_reporters_own_judgement():
    (reported, _) = suggest('"The plan is a disgrace and a disaster," said John Smith, the mayor.')
    whose = [r.text for r in reported.reasons if r.about == "claimant"]
    assert reported.kit_type == "opinion"
    assert "the judgement is John Smith's, reported" in whose[0]
    text = "In a shameful and cowardly speech, John Smith said the plan would work."
    own = suggest(text)[0]
    reason = next(r for r in own.reasons if "reporter's own" in r.text)
    assert own.kit_type == "opinion" and text[reason.start : reason.end] == "shameful"
    assert (
        reason.text
        == "'shameful' is not in John Smith's words: this judgement is the reporter's own"
    )


def test_he_would_host_is_a_plan_announced_by_zelensky(seed):
    found = suggest(seed)
    parts = [
        s for s in found if "he would host leaders of the coalition the following day" in s.text
    ]
    assert any(
        s.kit_type == "policy" and "Zelensky" in s.claimant and s.attribution is not None
        for s in parts
    )


def test_headline_claim_is_attributed_to_zelensky(seed):
    found = suggest(seed)
    headline = [s for s in found if s.sentence == 0]
    assert any("Zelensky" in s.claimant for s in headline)


@pytest.mark.parametrize(
    ("text", "kit_type"),
    [
        ("Prices rose because of the drought in the south.", "cause"),
        ("A suspected gas leak led to an explosion.", "cause"),
        ("New South Wales decriminalizes abortion", "policy"),
        ("The council voted to ban plastic bags from next year.", "policy"),
        ("I think this is a disgrace.", "opinion"),
        ("Isn't it time we asked who really benefits?", "opinion"),
        ("The government should resign.", "opinion"),
        ("The museum will reopen in the spring.", "prediction"),
        ("At least 39 people died in the fire.", "number"),
        ("Turnout rose to 64 percent.", "number"),
        ("The building was evacuated on Monday.", "event"),
        ("Thank you very much.", "not_a_claim"),
        ("Friday, January 4, 2019", "not_a_claim"),
        ("Will the ceasefire hold?", "not_a_claim"),
        ("Protesters holding flags outside parliament", "not_a_claim"),
    ],
)
def test_single_sentences_get_the_expected_type(text, kit_type):
    (s,) = suggest(text)
    assert s.kit_type == kit_type, [r.text for r in s.reasons]
    assert s.span == Span(0, len(text))
    assert s.reasons


def test_dates_ages_and_codes_are_not_number_claims():
    for text in (
        "The 1973 building was home to many families.",
        "US President Donald Trump tests positive for COVID-19",
        "The fire broke out at around 3:30am.",
    ):
        (s,) = suggest(text)
        assert s.kit_type != "number", (text, [r.text for r in s.reasons])


def test_opinions_and_predictions_are_not_worth_checking():
    (opinion,) = suggest("This is a deeply dangerous and irresponsible way to govern.")
    (prediction,) = suggest("The minister will visit the region next week.")
    assert (opinion.kit_type, opinion.checkworthy) == ("opinion", "no")
    assert (prediction.kit_type, prediction.checkworthy) == ("prediction", "no")


def test_a_comparison_makes_a_claim_worth_checking_and_says_why():
    text = "The city spent more money on police than on schools."
    (s,) = suggest(text)
    assert s.checkworthy == "yes", [r.text for r in s.reasons]
    compared = [r for r in s.reasons if "compares" in r.text]
    assert compared and text[compared[0].start : compared[0].end] == "more money on police than"
    for plain in (
        "The city spent money on police and on schools.",
        "The city spent money on police rather than on schools.",
    ):
        (p,) = suggest(plain)
        assert p.checkworthy == "minor", plain
        assert not any("compares" in r.text for r in p.reasons)


def test_an_opinion_that_rests_on_a_number_is_worth_checking_for_the_number():
    text = "I think it is terrible that 40 percent of children still live in poverty."
    (s,) = suggest(text)
    assert (s.kit_type, s.checkworthy) == ("opinion", "yes")
    reason = next(r for r in s.reasons if r.about == "checkworthy")
    assert reason.text == "an opinion, but its number can be checked"
    assert text[reason.start : reason.end].startswith("40 percent")


def test_most_checkworthy_prefers_checkable_claims_and_skips_repeats(seed_claims):
    top = most_checkworthy(seed_claims)
    assert len(top) == 3
    assert all(s.checkworthy == "yes" for s in top)
    assert top[0].kit_type == "number"
    openings = [" ".join(s.text.split()[:8]) for s in top]
    assert len(set(openings)) == 3  # the standfirst repeated in the body counts once


def test_empty_text_has_no_suggestions():
    assert suggest("") == []
    assert suggest("   \n\n  ") == []


# ---------------------------------------------------------------- label sets

TEACHER_LABELS = """\
name: fact or view
labels:
  - name: fact
    description: Something you could check.
    kit_types: [event, number, policy, cause]
  - name: forecast
    description: About the future.
    kit_types: [prediction]
  - name: view
    description: Someone's judgement.
    kit_types: [opinion]
  - name: other
    description: Not a claim.
    kit_types: [not_a_claim]
checkworthy:
  yes: Check it!
"""


def test_a_teacher_label_set_renames_and_merges_types(tmp_path, seed):
    path = tmp_path / "labels.yaml"
    path.write_text(TEACHER_LABELS, encoding="utf-8")
    labels = load_labels(path)
    assert labels.names == ("fact", "forecast", "view", "other")
    assert labels.description("yes") == "Check it!"
    assert labels.description("minor") == default_labels().description("minor")
    found = suggest(seed, labels=path)
    mapping = {"event": "fact", "number": "fact", "policy": "fact", "cause": "fact"}
    mapping |= {"prediction": "forecast", "opinion": "view", "not_a_claim": "other"}
    assert found and all(s.type == mapping[s.kit_type] for s in found)


def test_the_default_label_set_describes_every_type_for_students():
    labels = default_labels()
    assert labels.names == CLAIM_TYPES
    for lab in labels.labels:
        assert len(lab.description) > 20
        assert lab.kit_types == (lab.name,)


@pytest.mark.parametrize(
    ("content", "problem", "line"),
    [
        ("labels: [", "not valid YAML", 1),
        ("name: x\n", "needs a 'labels:' list", 1),
        (
            TEACHER_LABELS.replace(
                "    kit_types: [event, number, policy, cause]\n",
                "    kit_types: [event, number, policy]\n",
            ),
            "no label covers the kit type cause",
            None,
        ),
        (
            TEACHER_LABELS.replace("[prediction]", "[prediction, guess]"),
            "names 'guess', which is not one of the kit's claim types",
            6,
        ),
        (
            TEACHER_LABELS.replace("[opinion]", "[opinion, prediction]"),
            "'prediction' belongs to both 'forecast' and 'view'",
            9,
        ),
        (
            TEACHER_LABELS.replace("    description: About the future.\n", ""),
            "label 'forecast' has no description",
            6,
        ),
        (TEACHER_LABELS.replace("  - name: view", "  - name: fact"), "appears twice", 9),
    ],
)
def test_a_broken_label_set_is_refused_with_file_line_and_problem(tmp_path, content, problem, line):
    path = tmp_path / "my_labels.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_labels(path)
    err = caught.value
    assert problem in err.message
    assert err.path == str(path)
    assert err.line == line
    assert err.fix


def test_attributions_of_every_shape_are_handled(seed):
    text = seed.text
    quote_start = text.index("He said there was")
    quote_end = text.index("Saturday’s meeting") + len("Saturday’s meeting")
    shapes = [
        # content running over two sentences, cue and source known, no speaker name
        Attribution(Span(quote_start + 3, quote_start + 7), Span(quote_start, quote_start + 2),
                    Span(quote_start + 8, quote_end), None, "named_person", False, "neutral"),
        # an unattributed quote: no cue, no source
        Attribution(None, None, Span(text.index("“mirror”"), text.index("“mirror”") + 8),
                    None, "unknown", True, "neutral"),
        # a cue with no content
        Attribution(Span(0, 3), None, None, "Someone", "unknown", False, "neutral"),
    ]  # fmt: skip
    found = suggest(seed, attributions=shapes)
    sentences = [s for s in found if not s.part]
    assert len(sentences) == len(seed.sentences)
    by_start = {s.span.start: s for s in sentences}
    spanned = [s for s in sentences if s.attribution is shapes[0]]
    assert len(spanned) == 2 and all(s.claimant == "He" for s in spanned)
    mirror = [s for s in found if s.part and s.attribution is shapes[1]]
    assert len(mirror) == 1 and mirror[0].claimant == "an unnamed source"
    assert any("quotation marks" in r.text for r in mirror[0].reasons if r.about == "claimant")
    assert by_start[0].attribution is None  # an attribution without content claims nothing


def test_any_text_gives_valid_spans_and_reasons():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kit.reading.wording import flag

    words = st.sampled_from(
        ["The", "minister", "said", "“mirror”", "would", "30", "$5m", "İstanbul", "🙂", "so-called",
         "?", "!", "\n", "May", "2019,", "((WN))", "...", "ǅ", "ß", "’s", "-", "Mr.", "reportedly"]
    )  # fmt: skip
    texts = st.one_of(st.text(max_size=200), st.lists(words, max_size=40).map(" ".join))

    @settings(max_examples=150, deadline=None)
    @given(texts)
    def check(text: str) -> None:
        for s in suggest(text):
            assert text[s.span.start : s.span.end] == s.text
            assert s.reasons and s.kit_type in CLAIM_TYPES
            for r in s.reasons:
                if r.span is not None:
                    assert 0 <= r.span.start < r.span.end <= len(text)
        for f in flag(text):
            assert text[f.span.start : f.span.end] == f.word

    check()
