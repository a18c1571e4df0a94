"""What is being claimed: a claim type, a check-worthiness and the reasons, for every sentence.

`suggest(article)` gives one `ClaimSuggestion` per sentence, plus one per attributed part of a
sentence (what a source said, from `kit.reading.sources`). Each suggestion says who makes the
claim (the source, or the reporter) and why the kit thinks so, in short phrases that point at the
words.

The rules are in `kit.reading.claim_rules` (how a sentence is judged is described there) and
the word lists in kit/data/claim_cues.yaml and language.yaml. The label set students see is data too
(kit/data/claim_labels.yaml); a teacher can give their own file, see `load_labels`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from kit.articles.article import Article, article_from_text
from kit.articles.language import language_name
from kit.articles.segment import Span, new_span
from kit.reading.claim_labels import (
    CHECKWORTHY,
    ClaimLabel,
    LabelSet,
    default_labels,
    load_labels,
    resolve_labels,
)
from kit.reading.claim_rules import CLAIM_TYPES, INTERVIEWER, SPEAKER_TAG, Scan, judge
from kit.reading.claim_worth import Reason
from kit.reading.intentions import is_intention
from kit.reading.sources import Attribution, find_attributions

__all__ = [
    "CHECKWORTHY",
    "CLAIM_TYPES",
    "REPORTER",
    "ClaimLabel",
    "ClaimSuggestion",
    "LabelSet",
    "default_labels",
    "load_labels",
    "most_checkworthy",
    "resolve_labels",
    "suggest",
    "suggestion_dict",
]

REPORTER = "the reporter"

_CW_RANK = {"yes": 0, "minor": 1, "no": 2}


# ---------------------------------------------------------------- records


class ClaimSuggestion(NamedTuple):
    """The kit's suggestion for one sentence, or for an attributed part of it (`part` is True).

    `type` is the label from the label set in use (by default the same as `kit_type`, one of
    CLAIM_TYPES); `claimant` is the speaker's name or "the reporter". Immutable; a named tuple
    rather than a frozen dataclass because it is made once per sentence and a frozen dataclass
    takes five times as long to make (issue 16: 20,000 sentences a second).
    """

    span: Span
    text: str
    type: str
    kit_type: str
    checkworthy: str
    confidence: float
    claimant: str
    attribution: Attribution | None
    reasons: tuple[Reason, ...]
    sentence: int
    part: bool = False


# ---------------------------------------------------------------- public API


def suggest(
    article_or_text: Article | str,
    *,
    attributions: Iterable[Attribution] | None = None,
    labels: LabelSet | str | Path | None = None,
) -> list[ClaimSuggestion]:
    """A claim suggestion for every sentence, and for each attributed part of a sentence.

    `attributions` defaults to `kit.reading.sources.find_attributions(article)`; `labels` is a
    LabelSet or the path of a teacher's label file (default: the kit's seven claim types).
    The claim rules are English: an article in another language gets none (`no_claim_rules`
    says why), never English rules on its text.
    """
    article = (
        article_or_text
        if isinstance(article_or_text, Article)
        else article_from_text(article_or_text)
    )
    if no_claim_rules(article) is not None:
        return []
    label_set = resolve_labels(labels)
    atts = list(find_attributions(article) if attributions is None else attributions)
    text = article.text
    scan = Scan(text)
    # An intention ("agreed to debate") is what the source means to do, not a claim it reports.
    with_content = [
        a for a in atts if a.content is not None and len(a.content) > 0 and not is_intention(a)
    ]
    answers = _interview_answers(article) if scan.interview else {}
    out: list[ClaimSuggestion] = []
    for sent in article.sentences:
        lo, hi = sent.start, sent.end
        overlapping = _overlapping(with_content, lo, hi) if with_content else []
        owner = overlapping[0][1] if overlapping else None
        answer = answers.get(sent.paragraph) if owner is None else None
        out.append(_suggestion(text, lo, hi, scan, owner, label_set, sent.index, False, answer))
        for _, att in overlapping:
            part = _part_span(text, att, lo, hi)
            if part is not None:
                out.append(
                    _suggestion(text, part.start, part.end, scan, att, label_set, sent.index, True)
                )
    return out


CLAIM_LANGUAGES = ("en",)


def no_claim_rules(article: Article) -> str | None:
    """Why the kit suggests no claim types for this article (its language), or None."""
    if article.language in CLAIM_LANGUAGES:
        return None
    return (
        f"The kit has claim and wording rules for English only; this article is in "
        f"{language_name(article.language)}, so it suggests no claim types or words to notice "
        "here. Tag the claims yourself."
    )


def _suggestion(
    text: str,
    lo: int,
    hi: int,
    scan: Scan,
    att: Attribution | None,
    label_set: LabelSet,
    sentence: int,
    part: bool,
    answer: Reason | None = None,
) -> ClaimSuggestion:
    """`answer`: for a sentence no attribution covers, the interview answer it is part of (the
    reason naming its speaker: see `_interview_answers`)."""
    kit_type, cw, confidence, reasons, reporting = judge(text, lo, hi, scan, att is not None)
    if kit_type == "opinion" and att is not None and att.content is not None:
        reasons.append(_whose_judgement(att, text, reasons))
    reasons.append(answer or _claimant_reason(att, text, reporting))
    return ClaimSuggestion(
        new_span(lo, hi),
        text[lo:hi],
        label_set.label_for(kit_type),
        kit_type,
        cw,
        confidence,
        _interviewed(answer, text) if answer else _claimant(att, text),
        att,
        tuple(reasons),
        sentence,
        part,
    )


def _overlapping(atts: Sequence[Attribution], lo: int, hi: int) -> list[tuple[int, Attribution]]:
    """Attributions whose content overlaps [lo, hi), largest overlap first."""
    found = []
    for a in atts:
        c = a.content
        assert c is not None
        overlap = min(c.end, hi) - max(c.start, lo)
        if overlap > 0:
            found.append((overlap, a))
    found.sort(key=lambda x: -x[0])
    return found


_EDGE = " \t\n\"“”‘’'«»,;:—–-"


def _part_span(text: str, att: Attribution, lo: int, hi: int) -> Span | None:
    """The attributed content inside the sentence, trimmed; None when it is the whole sentence."""
    c = att.content
    assert c is not None
    s, e = max(c.start, lo), min(c.end, hi)
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE + ".":
        e -= 1
    if e - s < 3:
        return None
    ls, le = lo, hi
    while ls < le and text[ls] in _EDGE:
        ls += 1
    while le > ls and text[le - 1] in _EDGE + ".!?":
        le -= 1
    if s <= ls and e >= le:
        return None
    return Span(s, e)


def _claimant(att: Attribution | None, text: str) -> str:
    if att is None:
        return REPORTER
    if att.speaker:
        return att.speaker
    if att.source is not None:
        return text[att.source.start : att.source.end]
    return "an unnamed source"


def _interview_answers(article: Article) -> dict[int, Reason]:
    """The answers of an interview, by paragraph: a paragraph that opens with the tag of someone
    interviewed ("((Dorsa Derakhshani))  I got interested in chess ..."), every sentence of it,
    and the paragraphs after it that go on with the answer, up to the next tag: those in the
    first or second person ("I", "we", "you") or opening like speech ("So", "And", "Well", a
    small letter). The reason names the speaker and points at the tag. An interview has two
    tagged paragraphs at least; the interviewer's ("((WN))", initials) are the reporter's, and so
    is a paragraph after an answer that reads as the reporter's ("On May 5, the party ...")."""
    text = article.text
    tagged = {}
    for n, p in enumerate(article.paragraphs):
        m = SPEAKER_TAG.match(text, p.start, p.end)
        if m is not None and m.group(1).strip()[:1].isupper():
            tagged[n] = m
    if len(tagged) < 2:
        return {}
    out: dict[int, Reason] = {}
    reason = None
    for n, p in enumerate(article.paragraphs):
        m = tagged.get(n)
        if m is not None:
            who = m.group(1).strip()
            reason = (
                None
                if INTERVIEWER.match(who)
                else _answer_reason(who, m.start(1) - 2, m.end(1) + 2)
            )
        elif reason is not None and not _GOES_ON.search(text, p.start, p.end):
            reason = None
        if reason is not None:
            out[n] = reason
    return out


#: A paragraph that goes on with an interview answer: speech in the first or second person, or
#: opening like speech (not "On May 5, the party ...": the reporter's).
_GOES_ON = re.compile(
    r"\A\W*(?:[a-z]|(?:So|And|But|Well|Yeah|Yes|No|Now|Because|Also|Actually|Oh|Um|Ok|Okay)\b)"
    r"|\b(?:I|I['’](?:m|ve|d|ll)|we|We|our|Our|us|my|My|me|you|You|your|Your)\b"
)


def _answer_reason(who: str, start: int, end: int) -> Reason:
    return Reason(
        f"'(({who}))' marks an answer in the interview: it shows it is {who}'s claim, not the "
        "reporter's",
        start,
        end,
        "claimant",
    )


def _interviewed(answer: Reason, text: str) -> str:
    """The name in an interview answer's tag (`answer` points at "((Name))")."""
    assert answer.start is not None and answer.end is not None
    return text[answer.start + 2 : answer.end - 2]


def _claimant_reason(
    att: Attribution | None, text: str, reporting: tuple[int, int] | None
) -> Reason:
    if att is not None:
        who = _claimant(att, text)
        if att.cue is not None:
            cue = text[att.cue.start : att.cue.end]
            return Reason(
                f"'{cue}' shows it is {who}'s claim, not the reporter's",
                att.cue.start,
                att.cue.end,
                "claimant",
            )
        c = att.content
        assert c is not None
        return Reason(f"in quotation marks: these are {who}'s words", c.start, c.end, "claimant")
    if reporting is not None:
        s, e = reporting
        return Reason(
            f"'{text[s:e]}' reports someone else's words: ask whose claim this is", s, e, "claimant"
        )
    return _OWN_VOICE


def _whose_judgement(att: Attribution, text: str, reasons: list[Reason]) -> Reason:
    """Reported opinion or the reporter's own: are the judging words inside what the source said?"""
    c = att.content
    assert c is not None
    who = _claimant(att, text)
    for r in reasons:
        if r.about == "type" and r.start is not None and r.end is not None:
            if not (c.start <= r.start and r.end <= c.end):
                return Reason(
                    f"'{text[r.start : r.end]}' is not in {who}'s words: "
                    "this judgement is the reporter's own",
                    r.start,
                    r.end,
                    "claimant",
                )
    return Reason(
        f"the judgement is {who}'s, reported: the reporter passes it on without judging",
        None,
        None,
        "claimant",
    )


_OWN_VOICE = Reason(
    "no one else is named as its source: it is the reporter's own claim", None, None, "claimant"
)


def most_checkworthy(suggestions: Iterable[ClaimSuggestion], n: int = 3) -> list[ClaimSuggestion]:
    """The `n` claims most worth checking: `yes` before `minor`, numbers, causes and policies
    before events, then by confidence and text order; a part and its sentence count once."""
    ranked = [s for s in suggestions if s.checkworthy != "no"]
    ranked.sort(
        key=lambda s: (
            _CW_RANK[s.checkworthy],
            _CHECK_FIRST.get(s.kit_type, 9),
            -s.confidence,
            s.span.start,
        )
    )
    picked: list[ClaimSuggestion] = []
    seen: set[str] = set()
    for s in ranked:
        opening = " ".join(s.text.lower().split()[:8])  # a standfirst repeated in the body
        if opening in seen or any(p.span.overlaps(s.span) for p in picked):
            continue
        seen.add(opening)
        picked.append(s)
        if len(picked) == n:
            break
    return picked


_CHECK_FIRST = {"number": 0, "cause": 1, "policy": 2, "event": 3, "prediction": 4, "opinion": 5}


def suggestion_dict(s: ClaimSuggestion, offset: int = 0) -> dict[str, Any]:
    """A suggestion as the JSON object of the `claims --jsonl` output."""
    return {
        "span": [s.span.start - offset, s.span.end - offset],
        "type": s.type,
        "checkworthy": s.checkworthy,
        "confidence": s.confidence,
        "claimant": s.claimant,
        "reasons": [
            {
                "text": r.text,
                "span": None if r.start is None else [r.start - offset, r.end - offset],
                "about": r.about,
            }
            for r in s.reasons
        ],
    }
