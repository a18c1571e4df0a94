"""Quotations whose speaker the cue rules do not reach: a long or unusual subject between the
quotation and "said" ("“...,” former presidential candidate Herman Cain said", "“...,” James B.
Comey Jr., the director of the F.B.I., said"), a speaker named on a line of their own after the
quotation ("― Hillary Clinton"), and a manner-of-speaking verb before it ("Mr. Trump yelled,
“Out!”")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.lexicon import package_yaml
from kit.reading.quote_rules import last_inside
from kit.reading.source_history import Source

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution, Attributor

_DATA = package_yaml("en/quotes.yaml")
# Verbs that report the quotation before them when its speaker stands between ("“...,” X said").
# Verbs of speaking aloud or in writing that give the quotation after them to their subject.
_MANNER = frozenset(_DATA.get("manner_before_quote_verbs") or ())
_SAID = frozenset(_DATA.get("speaker_verbs") or ()) | _MANNER
# Words between the speaker and the verb: "“...,” X later said", "X, 67, said by telephone".
_BETWEEN = frozenset({"also", "later", "then", "once", "had", "has", "have", "again", "further"})
# Participles of speaking that hand a quotation to the clause's subject ("..., saying, “...”").
_GERUNDS = frozenset(_DATA.get("speaking_participles") or ())
# Words that make the speaking unreal or denied: "would say", "did not say", "if he said".
_BE = frozenset("is are was were be been being".split())
_UNREAL = frozenset("would could should might may not n't never if unless whether".split())
# Words that end a name after "said": "said Carly Fiorina during the debate".
_AFTER_NAME = frozenset("during in on at after before who as when while from".split())
# A paragraph that only names the speaker of the quotation before it: "- Bernie Sanders.",
# "― Michelle Marks, Philadelphia".
_SIGNATURE = re.compile(r"[-—―–]{1,2}\s?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})[^\n]{0,160}$")

Found = tuple[Source, Span, Span | None, int, int]


def quote_speakers(
    att: Attributor, found: list[Attribution], record: Callable[..., Attribution]
) -> list[Attribution]:
    """The attributions found, with the quotations no attribution holds yet (record(att, source,
    quotation, cue, sentence, paragraph) makes each): the speaker after the quotation, on a
    signature line, or before a manner verb. A clause the verb was read with before ("“...,” X,
    the director, said at a news conference": content "at a news conference") is dropped."""
    out = [_unjoin(att, a, found) for a in found]
    taken = [a.content for a in found if a.content is not None and not _told_backwards(a)]
    for q in att.doc.quotes:
        if len(q) < 8 or any(c.overlaps(q) for c in taken):
            continue
        hit = (
            _speaker_after(att, q)
            or _signature(att, q)
            or _manner_before(att, q)
            or _clause_before(att, q)
        )
        if hit is None:
            continue
        cue = hit[2]
        out = [a for a in out if cue is None or a.cue != cue or a.direct]
        out.append(record(att, *hit))
        taken.append(q)
    return out


def _unjoin(att: Attributor, a: Attribution, found: list[Attribution]) -> Attribution:
    """ "“A,” Cruz said, adding: “B.”": "said" reports A and "adding" reports B, so "adding" does
    not also take A (as "“A,” said Jo, “and B.”" takes both, one quotation split by its cue)."""
    c, cue = a.content, a.cue
    if not (a.direct and c is not None and cue is not None and c.start < cue.start < c.end):
        return a
    if not any(
        b is not a
        and b.content is not None
        and b.content.start == c.start
        and b.content.end <= cue.start
        for b in found
    ):
        return a
    for q in att.doc.quotes:
        if q.start >= cue.end and abs(q.end - c.end) <= 1:
            return replace(a, content=q)
    return a


def _told_backwards(a: Attribution) -> bool:
    """ "“...,” Ramos, 58, told AFP" read as AFP's words: "told" never comes before its speaker,
    the name after it is the listener."""
    return (
        a.cue_lemma == "tell"
        and a.source is not None
        and a.cue is not None
        and a.content is not None
        and a.content.end <= a.cue.start < a.source.start
    )


def _speaker_after(att: Attributor, q: Span) -> Found | None:
    """ "“...,” <subject> said ..." or "“...,” said <name>, ...": the subject between the
    quotation and the verb, however long (an apposition's commas included)."""
    text, toks, doc = att.text, att.tokens, att.doc
    inner = text[q.start + 1 : q.end - 1].rstrip(" '’\"”")  # "... ‘keep it alive,’ ”"
    if last_inside(text, q) not in ",?!" and inner[-1:] not in (",", "?", "!"):
        return None
    sent = doc.sentence_of(q.start)
    s_lo, _, para = doc.sents[sent]
    if text[s_lo : q.start].strip():
        return None
    s_hi = _tail_end(att, q)
    k0 = doc.tok_at(q.end)
    if k0 >= toks.n or toks[k0].start >= s_hi or toks[k0].start - q.end > 1:
        return None
    if toks[k0].low in _SAID:
        # "“...,” said Will Doyle, a professor ...": the name up to a comma or the end.
        k = k0 + 1
        while k < toks.n and toks[k].start < s_hi and toks[k].text not in ",.;:!?":
            if toks[k].low in _AFTER_NAME and k > k0 + 1:
                break  # "said Carly Fiorina during the debate"
            k += 1
        if k == k0 + 1 or k - k0 > 9:
            return None
        return _found(att, toks[k0 + 1].start, toks[k - 1].end, toks[k0], q, sent, para)
    k = k0
    while k < toks.n and toks[k].start < s_hi and k - k0 < 25:
        if toks[k].low in _SAID and k > k0:
            break
        if toks[k].text in '"“”‘’;:' or toks[k].text in ("''", "``"):
            return None
        k += 1
    else:
        return None
    if k >= toks.n or toks[k].start >= s_hi or toks[k].low not in _SAID:
        return None
    e = k
    while e > k0 and (toks[e - 1].low in _BETWEEN or toks[e - 1].low.endswith("ly")):
        e -= 1
    comma = next((j for j in range(k0, e) if toks[j].text == ","), e)
    if comma == k0:
        return None
    return _found(att, toks[k0].start, toks[comma - 1].end, toks[k], q, sent, para)


def _tail_end(att: Attributor, q: Span) -> int:
    """Where the sentence that goes on after quotation q ends: its own sentence's end, or the
    next sentence's when the quotation ended one ("“Ho, ho!” some protesters chanted")."""
    doc, text = att.doc, att.text
    n = doc.sentence_of(q.end - 1)
    _, hi, para = doc.sents[n]
    if hi > q.end + 1 or n + 1 >= len(doc.sents) or doc.sents[n + 1][2] != para:
        return hi
    lo = doc.sents[n + 1][0]
    return doc.sents[n + 1][1] if text[lo : lo + 1].islower() and lo - q.end <= 1 else hi


def _found(att: Attributor, lo: int, hi: int, verb, q: Span, sent: int, para: int) -> Found | None:
    first = att.text[lo : lo + 1]
    source = att.classifier.classify(lo, hi)
    if source is None or (source.type == "unknown" and not first.isupper()):
        source = _plain_subject(att, lo, att.doc.tok_at(hi))
    if source is None or source.span.start != lo:
        return None
    return source, q, Span(verb.start, verb.end), sent, para


def _signature(att: Attributor, q: Span) -> Found | None:
    """A paragraph that is only a quotation, then one that is a dash and a name: the name's."""
    text, doc = att.text, att.doc
    sent = doc.sentence_of(q.start)
    s_lo, _, para = doc.sents[sent]
    if text[s_lo : q.start].strip():
        return None
    nxt = doc.sentence_of(q.end - 1) + 1
    while nxt < len(doc.sents) and doc.sents[nxt][2] == doc.sents[nxt - 1][2]:
        nxt += 1
    if nxt >= len(doc.sents) or text[q.end : doc.sents[nxt][0]].strip(" \n\t\xa0.,"):
        return None
    n_lo = doc.sents[nxt][0]
    line_end = text.find("\n", n_lo)
    line_end = len(text) if line_end < 0 else line_end
    m = _SIGNATURE.match(text, n_lo, line_end)
    if m is None:
        return None
    hi = m.end(1) - 1 if text[m.end(1) - 1] == "." else m.end(1)
    source = att.classifier.classify(m.start(1), hi)
    if source is None or source.type not in ("named_person", "institution", "unknown"):
        return None
    if source.speaker is None:
        source = Source(source.span, m.group(1), "named_person", source.person)
    return source, q, None, sent, para


def _manner_before(att: Attributor, q: Span) -> Found | None:
    """ "Mr. Trump yelled, “Out, out, out!”", "protesters chanted “Dump Trump.”", "Trump jokingly
    said, “...”", "She followed that by saying, “...”", "As Akhil Amar put it, “...”": a verb of
    speaking right before a quotation that ends the sentence gives it to the verb's subject."""
    text, toks, doc = att.text, att.tokens, att.doc
    k = doc.tok_at(q.start) - 1
    if k >= 0 and toks[k].text in ",:":
        k -= 1
    if k < 1 or toks[k].end < q.start - 3:
        return None
    put_it = toks[k].low == "it" and toks[k - 1].low == "put"
    v = k - 1 if put_it else k
    if not (put_it or toks[v].low in _SAID or toks[v].low in _GERUNDS):
        return None
    sent = doc.sentence_of(toks[v].start)
    s_lo, _, para = doc.sents[sent]
    tail = text[q.end : _tail_end(att, q)]
    if (any(ch.isalnum() for ch in tail) and last_inside(text, q) not in ".!?") or any(
        t.low in _UNREAL for t in toks.slice(doc.tok_at(s_lo), v)
    ):
        return None
    end = toks[v - 1].start if toks[v - 1].low.endswith("ly") else toks[v].start
    if put_it and text.startswith("As ", s_lo):
        # "As Akhil Amar, professor of law at Yale, put it, “...”"
        comma = text.find(",", s_lo, end)
        source = att.classifier.classify(s_lo + 3, comma if comma > 0 else rstrip_end(text, end))
    elif toks[v].low in _GERUNDS:
        # "She followed that by saying, “...”": the sentence's subject, not the noun before.
        if toks[v - 1].low not in (",", "by", "and", "then"):
            return None
        subj = att.classifier.sentence_subject(sent) or _pronoun_first(att, s_lo)
        nxt = toks[doc.tok_at(subj[1])].low if subj and subj[1] <= end else ","
        if nxt in (",", "the", "a", "an"):
            return None  # "On Twitter, she ...", "Outside the arena, ...": no subject
        source = att.classifier.classify(*subj)
        if source is not None and source.type == "social_post":
            return None
    else:
        if toks[v - 1].low in _BE:
            return None  # "Blumenthal was asked, “...”": the asker's words
        subj = att.phrases.subject_before(s_lo, att.phrases.strip_back(s_lo, end))
        source = att.classifier.classify(*subj) if subj is not None else None
        if source is None or source.type == "unknown":
            source = _plain_subject(att, s_lo, doc.tok_at(end)) or source
    if source is None or (
        toks[v].low not in _MANNER
        and (
            source.type in ("other_outlet", "document", "social_post")
            or (source.type == "unknown" and not text[source.span.start].isupper())
        )
    ):
        return None
    return source, q, Span(toks[v].start, toks[k].end), sent, para


# The subject's verb phrase before a colon or comma that opens a quotation: "Kelly responded
# pointedly, with a smile:", "She went on:", "Clinton emphatically proclaimed at a press
# conference,", "she thanked her home state and then boomed,". A past or present form (-ed, -s, or
# an irregular past in after_quote_verbs), adverbs before it, a few words after it.
_CLAUSE_VERB = re.compile(
    r"\s+(?:(?:then|also|later|again|just|and|once|finally|\w+ly)\s+)*"
    r"(?P<verb>[a-z]+ed|[a-z]+[^s\W]s|went|shot|spoke|wrote|put|told|said|says)\b"
    r"(?P<rest>(?:[ ,]+[\w’'-]+){0,8}?)\s*(?P<mark>[:,])\s*$"
)


def _clause_before(att: Attributor, q: Span) -> Found | None:
    """ "She went on: “...”", "Hillary Clinton cracked, “...”": a quotation that ends its
    sentence after a clause whose verb ends with a colon or comma is the clause subject's."""
    text, doc = att.text, att.doc
    if text[max(0, q.start - 20) : q.start].rstrip()[-1:] not in (":", ","):
        return None
    sent = doc.sentence_of(q.start)
    s_lo, _, para = doc.sents[sent]
    if not text[s_lo : q.start].strip() or any(
        ch.isalnum() for ch in text[q.end : _tail_end(att, q)]
    ):
        return None
    subj = att.classifier.sentence_subject(sent) or _pronoun_first(att, s_lo)
    if subj is None or subj[1] >= q.start:
        return None
    m = _CLAUSE_VERB.match(text[: q.start], subj[1])
    if m is None or (m.group("mark") == "," and len(m.group("rest").split()) > 4):
        return None
    if m.group("verb") in ("was", "is", "has") or any(
        w in _UNREAL for w in text[s_lo : m.start("verb")].lower().split()
    ):
        return None
    source = att.classifier.classify(*subj)
    if source is None or source.type in ("other_outlet", "document", "social_post"):
        return None
    if source.type == "unknown" and not text[source.span.start].isupper():
        return None
    return source, q, Span(m.start("verb"), m.end("verb")), sent, para


def _pronoun_first(att: Attributor, s_lo: int) -> tuple[int, int] | None:
    """The personal pronoun a sentence opens with ("She followed that by saying ...")."""
    t = att.tokens[att.doc.tok_at(s_lo)]
    return (t.start, t.end) if t.low in att.lex.words["pronouns"] else None


def rstrip_end(text: str, end: int) -> int:
    return len(text[:end].rstrip())


# A group or person the classifier has no word for: "the crowd", "some protesters", "a man".
_DETERMINERS = frozenset("the a an some many several one another".split())


def _plain_subject(att: Attributor, s_lo: int, k: int) -> Source | None:
    """ "The crowd chanted", "“...,” the man shouted": a determiner and one to three plain words
    ending just before token k, opening the sentence or a clause after a comma."""
    toks = att.tokens
    j = k - 1
    while j >= 0 and k - j <= 3 and toks[j].word and toks[j].text.isalpha():
        if toks[j].low in _DETERMINERS and j < k - 1:
            if toks[j].start > s_lo and toks[j - 1].text not in ",;":
                return None
            lo, hi = toks[j].start, toks[k - 1].end
            return Source(Span(lo, hi), toks[k - 1].low, "unknown")
        if not toks[j].text.islower() and toks[j].low not in _DETERMINERS:
            return None
        j -= 1
    return None
