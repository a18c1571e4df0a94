"""Quotations beyond the reporting verbs: mixed quotations (a quoted fragment inside the speaker's
own clause), quotations opened by a colon after the cue, and interview transcripts."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.lexicon import package_yaml
from kit.reading.quotes import QUOTE_MARKS
from kit.reading.tokens import ArticleText, trim

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution


# What follows a quoted fragment when the clause does not go on with it: punctuation, a new
# clause ("and", "but"), or a time or place ("“Thank you Georgia” moments after polls closed").
_CLAUSE_AFTER = re.compile(
    r"\s*(?:[,;:(—–\[]|--|-\s|(?:and|but|or|on|at|in|moments|when|after|before|during|while|"
    r"as|from|to)\b|[A-Z])"
)
_ENDS_THAT = re.compile(r"\bthat\s*$")


def last_inside(text: str, q: Span) -> str:
    """The last character inside quotation q, before its closing mark (one or two characters:
    "“...,”", "''...,''")."""
    end = q.end - 2 if text.startswith("''", q.end - 2) and len(q) > 4 else q.end - 1
    return text[end - 1 : end]


def mixed_quotes(
    doc: ArticleText, found: list[Attribution], cue_starts: list[int]
) -> list[Attribution]:
    """A quotation that is only part of what was said is a mixed quotation: the content is the
    clause around it, not a direct quote. "He was a “respected manager,” she said" (words of the
    clause before it), "calling it “disqualifying”" (an object between the cue and a quoted
    fragment), "said “it gets me mad” every time ..." (the clause goes on after it)."""
    text = doc.text
    out = []
    for a in found:
        c = a.content
        if not (a.direct and c is not None and a.cue is not None):
            out.append(a)
            continue
        q = doc.quote_starting_at(c.start, c.end)
        s_lo, s_hi, _ = doc.sents[doc.sentence_of(c.start)]
        start, end = c.start, c.end
        if q is None or q.start != c.start:
            out.append(a)
            continue
        if a.cue.start > c.start:
            # The quotation comes first: words of its own clause before it in the sentence.
            lo = doc.sentence_start(c.start)
            lead = text[lo : c.start]
            if (
                any(ch.isalnum() for ch in lead)
                and not lead.rstrip().endswith((":", "—", "–", "--"))
                and (a.source is None or a.source.start > c.start)
                and not any(lo <= k < c.start for k in cue_starts)
            ):
                start = lo
        elif s_lo <= a.cue.end <= c.start:
            # The cue comes first: an object between it and a quoted fragment.
            gap = text[a.cue.end : c.start]
            first = text[q.start + 1 : q.end].lstrip(" '‘“\"")[:1]
            if (
                gap.strip()
                and not gap.rstrip().endswith((",", ":", "—", "–", "-"))
                and "\n" not in gap
                and first.islower()
                and not _ENDS_THAT.search(gap)
                and not (a.source is not None and a.cue.end <= a.source.start < c.start)
            ):
                start = a.cue.end + len(gap) - len(gap.lstrip())
            # The clause goes on after the quotation: "said “it gets me mad” every time ...".
            after = text[c.end : s_hi]
            if (
                c.end == q.end
                and last_inside(text, q) not in ",.!?;:"
                and after.strip(" .!?\"”’'")
                and not _CLAUSE_AFTER.match(after)
                and not any(ch in after for ch in QUOTE_MARKS)
            ):
                tail = trim(text, c.end, s_hi)
                if tail is not None and "\n" not in text[c.end : tail.end]:
                    end = tail.end
        if (start, end) == (c.start, c.end):
            out.append(a)
        else:
            out.append(replace(a, content=Span(start, end), direct=False))
    return out


# Between a cue and its quotation: a few words and a colon or dash ("said of Mr. Rubio: “...”",
# "wrote back: “...”"), or a listener or time and "that" ("told supporters that “...”").
_BEFORE_QUOTE = re.compile(
    r"(?:[^\W\d][\w.’'-]*\s+){0,4}that\s+|(?!.*\bthat\b)(?:[\w.’'()-]+\s+){0,5}[\w.’'()-]+\s*(?:[:—–]|--)\s*"
)


def quote_after_aside(doc: ArticleText, found: list[Attribution]) -> list[Attribution]:
    """ "he said of the episode: “...”", "told supporters that “...”": the content is the
    quotation, not the words between the cue and it, and it is direct."""
    text = doc.text
    out = []
    for a in found:
        c = a.content
        if a.direct or c is None or a.cue is None or a.cue.end > c.start:
            out.append(a)
            continue
        q = doc.quote_starting_at(_quote_open(text, c.start, c.end), c.end)
        if (
            q is None
            or q.end < c.end - 1
            or q.start <= c.start
            or not _BEFORE_QUOTE.fullmatch(text, c.start, q.start)
        ):
            out.append(a)
            continue
        out.append(replace(a, content=q, direct=True))
    return out


def _quote_open(text: str, lo: int, hi: int) -> int:
    """Where the first quotation mark after lo opens (hi when there is none)."""
    for k in range(lo, hi):
        if text[k] in QUOTE_MARKS:
            return k
    return hi


# A turn of an interview transcript: "TAPPER: ...", "JAKE TAPPER: ..." (a name of two letters
# or more: "Q:" and "A:" turns are left out, as annotators count them one way or the other).
_TURN = re.compile(r"((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+){0,3}):[ \t\xa0]+(?=\S)")
_QUOTES_DATA = package_yaml("en/quotes.yaml")
_NOT_SPEAKERS = frozenset(_QUOTES_DATA.get("transcript_labels_not_speakers") or ())


def transcript_turns(
    doc: ArticleText, found: list[Attribution], record: type[Attribution]
) -> list[Attribution]:
    """An interview transcript, "TAPPER: Do you think ...?" / "FALLIN: I think ...": each turn
    is one attribution whose source is the speaker's label (no reporting word). A text counts as
    a transcript when at least two paragraphs open with labels and one speaker speaks twice;
    labels such as "UPDATE:" are not speakers."""
    text = doc.text
    turns = []
    for n, (lo, _hi, para) in enumerate(doc.sents):
        if n and doc.sents[n - 1][2] == para:
            continue  # only a paragraph's first sentence
        m = _TURN.match(text, lo)
        if m is None or m.group(1).lower() in _NOT_SPEAKERS:
            continue
        p_hi = _paragraph_end(doc, n)
        content = trim(text, m.end(), p_hi)
        if content is not None:
            turns.append((m, content, n, para))
    last_words = [m.group(1).split()[-1] for m, *_ in turns]
    if len(turns) < 2 or len(set(last_words)) == len(last_words):
        return []
    full = {m.group(1).split()[-1]: m.group(1) for m, *_ in turns if " " in m.group(1)}
    out = []
    for m, content, sent, para in turns:
        if any(a.content is not None and a.content.start == content.start for a in found):
            continue
        label = full.get(m.group(1), m.group(1))  # "TAPPER" after "JAKE TAPPER"
        out.append(
            record(
                cue=None,
                source=Span(m.start(1), m.end(1)),
                content=content,
                speaker=_speaker_of_label(text, label),
                source_type="named_person",
                direct=False,
                stance="neutral",
                cue_lemma=None,
                paragraph=para,
                sentence=sent,
            )
        )
    return out


def _paragraph_end(doc: ArticleText, n: int) -> int:
    para = doc.sents[n][2]
    while n + 1 < len(doc.sents) and doc.sents[n + 1][2] == para:
        n += 1
    return doc.sents[n][1]


def _speaker_of_label(text: str, label: str) -> str:
    """ "JAKE TAPPER" -> "Jake Tapper"; "FALLIN" -> "Mary Fallin" when the text names her; "NG"
    -> "Natasha Gownaris" when the text names someone with those initials."""
    name = " ".join(w.capitalize() for w in label.split())
    if 2 <= len(label) <= 3 and label.isalpha():
        # "NG:" in an interview with Natasha Gownaris: a name with those initials.
        for m in re.finditer(r"\b([A-Z])[a-z]+ (?:[A-Z]\. )?([A-Z])[a-z]+\b", text):
            if m.group(1) + m.group(2) == label:
                return m.group()
    if " " not in name:
        m = re.search(rf"\b([A-Z][a-z]+(?: [A-Z]\.)? {re.escape(name)})\b", text)
        if m is not None:
            return m.group(1)
    return name
