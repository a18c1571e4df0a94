"""Attribution: each reporting cue tied to its source and content, sentence by sentence.

For each cue outside a quotation: the source is the noun phrase before it, after it ("..., says
Zelensky"; "according to officials"; "as reported by Reuters") or the subject of the clause it
continues (", adding: ..."); the content is the quotation or clause after the cue, or before it
when nothing follows. `Attributor.run` does a whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from kit.articles.article import Article
from kit.articles.segment import Span
from kit.reading.aside_subjects import aside_subject, listener_after
from kit.reading.clause_subjects import clause_subject
from kit.reading.cues import (
    Cue,
    content_start,
    find_cues,
    is_hypothetical,
    is_negated,
    is_passive,
    right_after,
)
from kit.reading.document_leads import document_leads
from kit.reading.headline_cues import headline_cues
from kit.reading.intentions import intentions, quote_tail
from kit.reading.loose_sources import (
    document_before,
    inverted_loose,
    loose_source,
    unknown_source,
)
from kit.reading.noun_cues import noun_cues
from kit.reading.noun_phrases import NounPhrases
from kit.reading.participle_subjects import participle_subject
from kit.reading.people import People
from kit.reading.quote_rules import (
    last_inside,
    mixed_quotes,
    quote_after_aside,
    transcript_turns,
)
from kit.reading.quote_speakers import quote_speakers
from kit.reading.quotes import AFTER_QUOTE_VERBS
from kit.reading.source_history import Source, SourceHistory
from kit.reading.source_types import Classifier
from kit.reading.source_words import (
    COORDINATORS,
    GERUND_PREPS,
    HEADLINE_LABELS,
    NOUN_BEFORE,
    PREPS,
    PUBLISHED,
    TIME_OR_AUX,
    TIME_WORDS,
    source_lexicon,
)
from kit.reading.stances import passive_subject, view_fits
from kit.reading.tokens import (
    ArticleText,
    Token,
    rstrip_at,
    strip_lead,
    trim,
)

# Small patterns of the attribution rules, compiled once (re's own cache costs a look-up a call).
_SUBORDINATE = re.compile(
    r"\s*(?:after|before|while|when|because|since|until|following|during|amid)\b",
    re.IGNORECASE,
)
_INSERTED_ACCORDING = re.compile(r",\s*according to [^,]{1,80},?\s*$")
_THAT = re.compile(r"\s*that\b\s*")
_ASIDE = re.compile(r"\s*,\s*([^,]{1,90}),")
_CLOSING_ASIDE = re.compile(r"\s*,\s*([^,]{1,90}?)[.!?]?\s*$")
_COMMA = re.compile(r"\s*,\s*")
# The rest of a clause after "according to X" that still belongs to X: a few words with no comma,
# up to the sentence's end or a closing bracket.
_SOURCE_TAIL = re.compile(r"((?:\s+[\w’'&/-]+(?:\.[\w’'&/-]+)*){1,8}?)\s*[.)!?]?\s*$")
_COMMA_WHO = re.compile(r"\s*,\s*(?:who|which)\b")
# What may follow a cue when the content is the quotation before it: ""...," she said to cheers",
# "... said in an interview", "... said on Monday".
_AFTER_QUOTE_TAIL = re.compile(
    r"\s*(?:to|in|at|on|during|after|before|from|with|while|outside|inside|as|about|via|through|"
    r"into|over|under|near|when|because|last|this|earlier|later|yesterday|today|recently|then|"
    r"again|also|of|for|by|afterward|afterwards|once|told|wrote)\b",
    re.IGNORECASE,
)
# An appositive between dashes before the cue: "Kall -- co-editor of a book -- said" (or " - ").
_DASH_END = re.compile(r"\s*(--|—|–|\s-)\s*$")
_OF_THAT_DASH = re.compile(r"\s*(?:of|that)\b|\s*[—–-]")


@dataclass(frozen=True)
class Attribution:
    """One act of reporting. Spans point into the article text; any of the three may be None."""

    cue: Span | None
    source: Span | None
    content: Span | None
    speaker: str | None
    source_type: str
    direct: bool
    stance: str
    cue_lemma: str | None = None
    paragraph: int | None = None
    sentence: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as DESIGN.md's JSON: spans as [start, end] lists or null."""

        def span(s: Span | None) -> list[int] | None:
            return None if s is None else [s.start, s.end]

        return {
            "source": span(self.source),
            "cue": span(self.cue),
            "content": span(self.content),
            "speaker": self.speaker,
            "source_type": self.source_type,
            "direct": self.direct,
            "stance": self.stance,
        }


class Attributor:
    """One article under analysis: its text, people, noun phrases and sources so far."""

    def __init__(self, article: Article) -> None:
        self.doc = ArticleText(article)
        self.text = self.doc.text  # the article text with party tags as spaces
        self.tokens = self.doc.tokens
        self.lex = source_lexicon()
        self.history = SourceHistory()
        self.people = People(self.doc, self.lex, self.history)
        self.phrases = NounPhrases(self.doc, self.lex, self.people)
        self.classifier = Classifier(self.doc, self.lex, self.people, self.phrases, self.history)

    def attribute(self, cue: Cue, prev: list[tuple[Cue, Attribution]]) -> Attribution | None:
        text = self.text
        toks = self.tokens
        if self.doc.quote_around(cue.start) is not None:
            return None
        sent = self.doc.sentence_of(cue.start)
        s_lo, s_hi, para = self.doc.sents[sent]
        prev_cue = prev[-1][0] if prev else None
        lo = s_lo
        if prev_cue is not None and prev_cue.lemma != "according to":
            lo = max(lo, prev_cue.end)
        before = toks[cue.ti - 1] if cue.ti > 0 else None
        if before is not None and cue.lemma != "according to" and before.low in NOUN_BEFORE:
            return None  # "the report", "its plans", "of claims": a noun, not a cue
        if cue.lemma == "state" and cue.kind in ("base", "s") and before is not None and before.cap:
            return None  # "New Hampshire state representative", "Islamic State": a noun
        after_i = cue.tj
        # "found", "shows": without "that", only a document's ("a poll shows Clinton ahead").
        need_document = False
        if cue.frame in ("that", "document") and not self._that_follows(cue, before, s_hi):
            if cue.frame == "that" or not document_before(self, cue):
                return None
            need_document = True
        if is_hypothetical(toks, cue) or not view_fits(toks, cue, s_hi):
            return None
        if cue.frame == "negated" and not is_negated(toks, cue):
            if not (right_after(self.phrases, cue, s_hi) and self._that_follows(cue, before, s_hi)):
                return None
        if cue.lemma == "according to":
            return self._according(cue, lo, sent)
        if is_passive(toks, cue, before):
            return self._passive(cue, before, sent)

        source: Source | None = None
        content: Span | None = None
        direct = False

        # Inverted: "..., says Zelensky" / "“...,” said his father, Abdullah Kurdi"
        inverted = False
        gap_before = text[before.end : cue.start] if before else ""
        if (
            before is not None
            and cue.kind != "ing"
            and (before.text in ",”\"’'")
            and not gap_before.strip()
        ):
            j = self.phrases.np_end(after_i, s_hi)
            if j > after_i and not listener_after(self, cue, j, s_hi):
                end_tok = toks[j] if j < len(toks) else None
                if (
                    end_tok is None
                    or end_tok.text in ",.;:!?"
                    or end_tok.start >= s_hi
                    or end_tok.low in ("on", "in", "following", "who", "after", "at", "during")
                ):
                    hi = self.phrases.appositive(j, s_hi, toks[j - 1].end)
                    source = self.classifier.classify(toks[after_i].start, hi)
            source = source or inverted_loose(self, cue, s_hi)
            inverted = source is not None
        if not inverted:
            source = self._source_before(cue, before, lo, s_lo, sent, prev)
        if source is None or (need_document and source.type != "document"):
            return None

        # Content: a quotation or clause after the cue, else the quotation or clause before.
        pos = source.span.end if inverted else content_start(self.phrases, cue, after_i, s_hi)
        post = None if inverted else self.doc.quote_starting_at(pos, len(text))
        if inverted and text.startswith(",", pos):
            # "“A,” said Jo Park, “and B.”": the quotation goes on after the source.
            post = self.doc.quote_starting_at(pos + 1, len(text))
        pre_anchor = cue.start if inverted or source.span.start > cue.start else source.span.start
        pre = self.doc.quote_ending_at(pre_anchor, max(0, s_lo - 3000))
        if pre is not None and pre.end < s_lo - 2:
            gap = text[pre.end : pre_anchor]
            if gap.strip(" ,\n") or "\n" in gap:
                pre = None
        after_text = text[pos:s_hi]
        nothing_after = (
            inverted
            or not after_text.strip(' .,;:!?"”’')
            or (post is None and after_text.lstrip().startswith(","))
            or _SUBORDINATE.match(after_text) is not None
            or (pre is not None and post is None and quote_tail(_AFTER_QUOTE_TAIL, cue, after_text))
            or (
                pre is not None
                and post is None
                and cue.kind != "ing"
                and source.span.start >= pre.end
                and not text[pre.end : source.span.start].strip(" ,\n")
                and quote_hands_over(text, pre, source, after_text)
            )
        )
        if post is not None:
            # A quotation that is a sentence of its own before "X said: “...”" is not joined.
            joined = pre is not None and pre.end > s_lo and not text[s_lo : pre.start].strip()
            content = Span(pre.start, post.end) if joined else post
            direct = True
        elif not nothing_after:
            m = _THAT.match(after_text)
            content = trim(text, pos + (m.end() if m else 0), s_hi)
            if content is not None:
                q = self.doc.quote_starting_at(content.start, s_hi)
                direct = bool(q and q.end >= content.end - 1)
        elif pre is not None:
            content, direct = pre, True
        else:
            # "Leaders ... are set to travel, Volodymyr Zelensky has said."
            anchor = min(source.span.start, cue.start)
            b, mark = self.phrases.boundary(s_lo, anchor)
            if mark == "," and b > s_lo and not text[b:anchor].strip():
                content = trim(text, s_lo, b - 1)
                if content is not None:
                    content = strip_lead(text, content)
        if content is None:
            return None
        return self._make(cue, source, content, direct, sent, para)

    def _that_follows(self, cue: Cue, before: Token | None, s_hi: int) -> bool:
        """For cues with other senses ("found", "continued", "read"): "that" or a quote follows,
        or a quotation ends just before."""
        toks = self.tokens
        k = cue.tj
        while k < len(toks) and toks[k].word and toks[k].low in TIME_OR_AUX:
            k += 1
        if k < len(toks) and toks[k].low == "that":
            return True
        if self.doc.quote_starting_at(
            content_start(self.phrases, cue, cue.tj, s_hi), len(self.text)
        ):
            return True
        if before is not None and before.text in ',”"’':
            return self.doc.quote_ending_at(cue.start, max(0, cue.start - 3000)) is not None
        # "“Well, let me put it this way,” he continued." / "..., Mr. Smith continued."
        k = cue.ti - 1
        pronouns = self.lex.words["pronouns"]
        while k >= 0 and cue.ti - k <= 4 and (toks[k].cap or toks[k].low in pronouns):
            k -= 1
        s_lo = self.doc.sents[self.doc.sentence_of(cue.start)][0]
        if 0 <= k < cue.ti - 1 and toks[k].text in ',”"’' and toks[k].start >= s_lo:
            start = toks[k + 1].start
            return self.doc.quote_ending_at(start, max(0, start - 3000)) is not None
        return False

    def _according(self, cue: Cue, lo: int, sent: int) -> Attribution | None:
        """ "according to X": X is the source; the content is the rest of the clause."""
        text = self.text
        toks = self.tokens
        s_lo, s_hi, para = self.doc.sents[sent]
        after_i = cue.tj
        j = self.phrases.np_end(after_i, s_hi)
        loose = j <= after_i  # "according to early results of exit polls": words not in the lists
        j = self.phrases.loose_after(after_i, s_hi, any_start=True) if loose else j
        if j <= after_i:
            return None
        src_hi = toks[j - 1].end
        # "according to a tweet on Monday by US Secretary of State Mike Pompeo"
        k = j
        while k < len(toks) and k - j < 8 and toks[k].start < s_hi and toks[k].word:
            if toks[k].low == "by":
                e = self.phrases.np_end(k + 1, s_hi)
                if e > k + 1:
                    src_hi = toks[e - 1].end
                    j = e
                break
            if toks[k].low not in TIME_WORDS and toks[k].low not in PUBLISHED:
                if not (toks[k].low.isdigit() or toks[k].cap and toks[k].low in TIME_WORDS):
                    break
            k += 1
        # "according to police, who ...," / "according to the mayor, Dee Margo,": the aside
        # belongs to the source, not to the content.
        m = _ASIDE.match(text[src_hi:s_hi])
        if m is not None:
            aside = m.group(1)
            k = self.doc.tok_at(src_hi + m.start(1))
            e = self.phrases.np_end(k, src_hi + m.end(1))
            is_np = e > k and toks[e - 1].end == src_hi + m.end(1)
            if aside.split(" ", 1)[0] in ("who", "which", "whose") or is_np:
                src_hi = src_hi + m.end(1)
        else:
            # "..., according to prosecutor Josh Bash, the U.S. Attorney for Texas."
            m = _CLOSING_ASIDE.match(text[src_hi:s_hi])
            if m is not None:
                k = self.doc.tok_at(src_hi + m.start(1))
                e = self.phrases.np_end(k, src_hi + m.end(1))
                if e > k and toks[e - 1].end == src_hi + m.end(1):
                    src_hi = src_hi + m.end(1)
        prev_mark = text[rstrip_at(text, cue.start) - 1 : rstrip_at(text, cue.start)]
        ends_here = False
        if prev_mark in ",(":
            src_hi, ends_here = _source_tail(text, src_hi, s_hi)
        source = self.classifier.classify(toks[after_i].start, src_hi)
        if source is None and loose:
            source = unknown_source(text, toks[after_i].start, src_hi)
        if source is None:
            return None
        content = None
        rest = text[src_hi:s_hi]
        m = _COMMA.match(rest)
        ends = ends_here or not rest.strip(' .,;:!?"”’)') or _COMMA_WHO.match(rest)
        if ends:
            # "X happened, according to police(, who said ...)": the clause before.
            q = self.doc.quote_ending_at(cue.start, max(0, s_lo - 3000))
            end = rstrip_at(text, cue.start, " \t\n,")
            start = s_lo
            if prev_mark == "(" or rest.lstrip().startswith(")"):
                # "(the actual number is closer to 15 percent, according to Factcheck.org)"
                start = max(s_lo, text.rfind("(", s_lo, end) + 1)
                end = rstrip_at(text, end, " \t\n,(")
            content = q if q is not None else trim(text, start, end)
        else:
            # "According to X, Y." or "Rescuers, ..., according to the ministry recovered ..."
            content = trim(text, src_hi + (m.end() if m else 0), s_hi)
        if content is None:
            return None
        content = strip_lead(text, content)
        q = self.doc.quote_starting_at(content.start, s_hi)
        direct = bool(q and q.end >= content.end - 1)
        return self._make(cue, source, content, direct, sent, para)

    def _passive(self, cue: Cue, before: Token, sent: int) -> Attribution | None:
        """ "was told by X of ...", "as reported by X", "was announced ... by X"."""
        text = self.text
        toks = self.tokens
        s_lo, s_hi, para = self.doc.sents[sent]
        after_i = cue.tj
        k = after_i
        while k < len(toks) and toks[k].start < s_hi and toks[k].low != "by":
            k += 1
        if k >= len(toks) or toks[k].start >= s_hi or k - after_i > 8:
            return None
        j = self.phrases.np_end(k + 1, s_hi)
        if j <= k + 1:
            return None
        source = self.classifier.classify(toks[k + 1].start, toks[j - 1].end)
        if source is None:
            return None
        content = None
        direct = False
        between = text[toks[after_i].start : toks[k].start].strip(" ,") if k > after_i else ""
        if between:
            content = trim(text, toks[after_i].start, toks[k].start)
        else:
            pos = toks[j - 1].end
            m = _OF_THAT_DASH.match(text[pos:s_hi])
            if m:
                pos += m.end()
            q = self.doc.quote_starting_at(pos, len(text))
            if q is not None:
                content, direct = q, True
            elif before.low == "as":
                q = self.doc.quote_ending_at(before.start, max(0, s_lo - 3000))
                if q is not None:
                    content, direct = q, True
                else:
                    content = trim(text, s_lo, before.start)
            elif text[pos:s_hi].strip(" .,"):
                content = trim(text, pos, s_hi)
        if content is None and (content := passive_subject(self.phrases, cue, s_lo)) is None:
            return None
        return self._make(cue, source, content, direct, sent, para)

    def _source_before(
        self,
        cue: Cue,
        before: Token | None,
        lo: int,
        s_lo: int,
        sent: int,
        prev: list[tuple[Cue, Attribution]],
    ) -> Source | None:
        """The source standing before the cue, or the one of the clause the cue continues."""
        text = self.text
        src_end = self.phrases.strip_back(lo, cue.start)
        # "Witnesses, according to The Telegraph, said": skip the inserted source.
        m = _INSERTED_ACCORDING.search(text, lo, src_end)
        if m is not None:
            src_end = m.start()
        m = _DASH_END.search(text, lo, src_end)
        if m is not None:
            # "Kall -- co-editor of a book on the debates -- said": the subject is before the
            # first dash.
            first = text.rfind(m.group(1), max(lo, m.start() - 200), m.start())
            if first > lo:
                src = self.phrases.subject_before(lo, rstrip_at(text, first))
                if src is not None:
                    source = self.classifier.classify(*src)
                    if source is not None:
                        return source
        after_comma = before is not None and before.text == ","
        if cue.kind == "ing" and before is not None and before.low in GERUND_PREPS:
            return None  # "for his work in predicting ...": a gerund, not a participle
        src = None if (cue.kind == "ing" and after_comma) else aside_subject(self, lo, src_end)
        if src is not None:
            k = self.doc.tok_at(src[0]) - 1
            if k >= 0 and self.tokens[k].low in ("whether", "if"):
                return None  # "would not confirm whether Sir Keir planned to": a question
            if cue.kind == "ing" and not after_comma:
                # "with officials saying", but not "a post on social media suggesting".
                src = participle_subject(self, cue, src, k)
            if src is not None:
                source = self.classifier.classify(*src)
                if source is not None:
                    return source
        source = loose_source(self, cue, lo, src_end, src)
        if source is not None:
            return source
        b, mark = self.phrases.boundary(lo, src_end)
        empty = not text[b:src_end].strip(" ,")
        continues = cue.kind == "ing" or (
            empty and mark in (",", "and", "but", "while") and b > s_lo
        )
        if not continues:
            return None
        if prev:
            last = prev[-1][1]
            if last.source is None:
                return None
            return Source(last.source, last.speaker, last.source_type)
        subj = clause_subject(self, sent, cue)
        if subj is None or subj[0] >= cue.start:
            return None
        return self.classifier.classify(*subj)

    def _make(
        self,
        cue: Cue,
        source: Source,
        content: Span,
        direct: bool,
        sent: int,
        para: int,
    ) -> Attribution | None:
        if content.end <= content.start:
            return None
        self.history.add(source, self.doc.sentence_of(source.span.start))
        return Attribution(
            cue=Span(cue.start, cue.end),
            source=source.span,
            content=content,
            speaker=source.speaker,
            source_type=source.type,
            direct=direct,
            stance=cue.stance,
            cue_lemma=cue.lemma,
            paragraph=para,
            sentence=sent,
        )

    def run(self) -> list[Attribution]:
        """Every attribution of the article, in text order."""
        cues = find_cues(self.tokens, self.lex)
        by_sentence: dict[int, list[Cue]] = {}
        for c in cues:
            by_sentence.setdefault(self.doc.sentence_of(c.start), []).append(c)
        found: list[Attribution] = []
        for s in sorted(by_sentence):
            done: list[tuple[Cue, Attribution]] = []
            for cue in by_sentence[s]:
                # A cue word right after a cue that found a source is its object:
                # "announced plans to", "told state media".
                if done and done[-1][0].tj == cue.ti and done[-1][0].lemma != "according to":
                    continue
                if done and any(
                    a.content
                    and a.content.start <= cue.start < a.content.end
                    and (a.direct or cue.frame == "view")  # a view told in a report: its part
                    for _, a in done
                ):
                    continue
                a = self.attribute(cue, done)
                if a is not None:
                    done.append((cue, a))
            found.extend(self._cut_contents(_outermost(done) if len(done) > 1 else done))
        found.extend(colon_quotes(self, found))
        found.extend(quotes_with_any_verb(self, found))
        found = quote_speakers(self, found, _direct_quote)
        found.extend(transcript_turns(self.doc, found, Attribution))
        found.extend(colon_headline(self, found) or headline_cues(self, found))
        found.extend(noun_attributions(self, found))
        found.extend(intentions(self, found) + document_leads(self, found))
        found = follow_up_quotes(self.doc, found)
        found = quote_after_aside(self.doc, found)
        found = mixed_quotes(self.doc, found, [c.start for c in cues])
        found.sort(key=lambda a: (_first(a), a.cue.start if a.cue else 0))
        return found

    def _cut_contents(self, done: list[tuple[Cue, Attribution]]) -> list[Attribution]:
        """End each content before the next cue of the same sentence that continues it
        (", adding", " and claimed", ", according to") or starts a clause of its own
        (", but officials insist")."""
        out = []
        for n, (_cue, a) in enumerate(done):
            content = a.content
            if content is not None and not a.direct:
                for later, b in done[n + 1 :]:
                    if not content.start < later.start < content.end:
                        continue
                    own_clause = (
                        b.source is not None
                        and content.start < b.source.start < later.start
                        and self.phrases.boundary(content.start, b.source.start)[1] in COORDINATORS
                    )
                    if not (
                        b.source == a.source
                        or later.lemma == "according to"
                        or own_clause
                        or (b.source is not None and b.source.start >= later.start)
                    ):
                        continue
                    cut = self._clause_start(content.start, later.start)
                    if b.source is not None and content.start < b.source.start < later.start:
                        cut = min(cut, self._clause_start(content.start, b.source.start))
                    if cut > content.start:
                        content = trim(self.text, content.start, cut) or content
                    break
            if content is not a.content:
                a = replace(a, content=content)
            out.append(a)
        return out

    def _clause_start(self, lo: int, pos: int) -> int:
        b, mark = self.phrases.boundary(lo, self.phrases.strip_back(lo, pos))
        if mark in ("and", "but", "while", "or"):
            k = self.doc.tok_at(b) - 1
            return self.tokens[k].start
        if mark == ",":
            return b - 1
        return pos


def quote_hands_over(text: str, pre: Span, source: Source, after_text: str) -> bool:
    """ "“...,” X said ...": a quotation closed by a comma (or ?, !) hands over to its speaker,
    whatever follows the cue, unless "that" or a quotation does."""
    inner = text[max(pre.start, pre.end - 3) : pre.end]
    if "," not in inner:
        # "“Why?” he asked" hands over; "“I quit!” He left ..." starts a new sentence.
        if not any(c in inner for c in "?!") or not text[source.span.start].islower():
            return False
    return _THAT.match(after_text) is None


def colon_quotes(att: Attributor, found: list[Attribution]) -> list[Attribution]:
    """ "Donald Trump: “...”": a quotation after a name and a colon is the name's (no reporting
    word; a person or an organisation only), the name opening the sentence or following a dash
    ("Pollsters agree - Carl Bialik: “...”"). "Devine responded: “...”", "The email goes on to
    say:" + a quotation in the next paragraph: a quotation after a clause that ends with a colon is
    its subject's."""
    text = att.text
    doc = att.doc
    out = []
    for q in doc.quotes:
        colon = rstrip_at(text, q.start, " \t\n\xa0")
        if text[colon - 1 : colon] != ":" or colon - 1 < (doc.sents[0][0] if doc.sents else 0):
            continue
        _, q_hi, _ = doc.sents[doc.sentence_of(q.end - 1)]
        if not _QUOTE_ENDS.match(text, q.end, q_hi):
            continue  # "Sidney Blumenthal: ‘No Idea’ If I ...": the headline's, not the quote's
        if any(a.content is not None and a.content.overlaps(q) for a in found):
            continue
        sent = doc.sentence_of(colon - 1)
        s_lo, _, para = doc.sents[sent]
        if "\n" in text[colon : q.start] and len(q) < 20:
            continue
        lo = len(text[s_lo:colon]) - len(text[s_lo:colon].lstrip()) + s_lo
        dash = max(text.rfind(" - ", lo, colon), text.rfind(" — ", lo, colon))
        if dash >= 0:
            lo = dash + 3
        end = rstrip_at(text, colon - 1)
        if end <= lo:
            continue
        source = None
        np = att.phrases.np_backwards(lo, end) if end - lo <= 60 and text[lo].isupper() else None
        if np is not None and np[0] == lo:
            source = att.classifier.classify(lo, end)
            if source is not None and source.type not in ("named_person", "institution"):
                source = None
        if source is None and dash < 0:
            source = _clause_subject(att, sent, end, q)
        if source is None:
            continue
        out.append(
            _direct_quote(att, source, q, None, sent, doc.sents[doc.sentence_of(q.start)][2])
        )
    return out


def _direct_quote(
    att: Attributor, source: Source, q: Span, cue: Span | None, sent: int, para: int
) -> Attribution:
    """A direct, neutral quotation q of source (a cue word or none), recorded in the history."""
    att.history.add(source, sent)
    return Attribution(
        cue=cue,
        source=source.span,
        content=q,
        speaker=source.speaker,
        source_type=source.type,
        direct=True,
        stance="neutral",
        cue_lemma=None if cue is None else att.text[cue.start : cue.end].lower(),
        paragraph=para,
        sentence=sent,
    )


# Words after a quotation and its speaker that are no reporting verb: "“...,” he was told",
# "“...,” she has", "“...,” the musical opened".
_NOT_REPORTING = frozenset(
    "is was has had does did says said its this his hers ours yours as us "
    "opened closed aired ended started premiered released featured starred".split()
)


def quotes_with_any_verb(att: Attributor, found: list[Attribution]) -> list[Attribution]:
    """ "“...,” Trump barked.", "“...,” he joked with reporters", "“...,” beamed Donald Hartley":
    a quotation closed by a comma (or ? or !) and followed by its speaker and a verb reports
    what was said, whatever the verb (the lists cannot know every one)."""
    text, toks, doc = att.text, att.tokens, att.doc
    words, lows, n = toks.words, toks.lows, toks.n
    out = []
    for q in doc.quotes:
        if last_inside(text, q) not in ",?!" or len(q) < 8:
            continue
        if any(a.content is not None and a.content.overlaps(q) for a in found):
            continue
        sent = doc.sentence_of(q.start)
        s_lo, s_hi, para = doc.sents[sent]
        if text[s_lo : q.start].strip() or q.end >= s_hi:
            continue
        k = doc.tok_at(q.end)
        if k >= n or toks[k].start >= s_hi or toks[k].start - q.end > 1:
            continue
        source = cue = None
        e = att.phrases.np_end(k, s_hi)
        if e > k and e < n and toks[e].start < s_hi and _any_verb(lows[e], words[e]):
            # "“...,” Trump barked": the speaker, then the verb.
            source = att.classifier.classify(toks[k].start, toks[e - 1].end)
            cue = Span(toks[e].start, toks[e].end)
        elif _any_verb(lows[k], words[k]) and k + 1 < n:
            # "“...,” beamed Donald Hartley": the verb, then the speaker.
            e = att.phrases.np_end(k + 1, s_hi)
            if e > k + 1 and (e >= n or toks[e].start >= s_hi or words[e] in ",.;"):
                source = att.classifier.classify(toks[k + 1].start, toks[e - 1].end)
                cue = Span(toks[k].start, toks[k].end)
        if source is None or cue is None or source.type == "unknown" and not toks[k].cap:
            continue
        out.append(_direct_quote(att, source, q, cue, sent, para))
    return out


def _any_verb(low: str, word: str) -> bool:
    """Could this word after a quotation and its speaker be the verb that reports it?"""
    if not word[:1].isalpha() or not word[:1].islower() or low in _NOT_REPORTING:
        return False
    return (
        low.endswith(("ed", "es"))
        or low in AFTER_QUOTE_VERBS
        or (low.endswith("s") and not low.endswith(("ss", "us", "is")))
    )


# What may follow a quotation that a colon opens, in its sentence: a bracketed tag ("[538.]").
_QUOTE_ENDS = re.compile(r"[\s.,;!?\"”’']*(?:\[[^\]\n]{0,40}\][\s.]*)?$")
# After the subject of "Devine responded:", "Trump went even further:": adverbs, then a verb.
_VERB_PHRASE = re.compile(
    r"\s+(?:(?:then|also|later|again|quickly|simply|finally|since|has|have|had|was|were|is|"
    r"would|will|just)\s+)*(?!(?:of|in|on|at|and|or|to|for|from|with|by|the|a|an)\b)"
    r"[a-z][a-z-]+(?:\s+[\w’'-]+){0,7}$"
)


def _clause_subject(att: Attributor, sent: int, end: int, q: Span) -> Source | None:
    """The subject of the clause that ends with a colon before quotation q ("Devine responded:"),
    when the quotation is a sentence or more and the subject a person, organisation or document."""
    if len(q) < 20 and last_inside(att.text, q) not in ".!?":
        return None
    text = att.text
    subj = att.classifier.sentence_subject(sent)
    if subj is None or not _VERB_PHRASE.match(text, subj[1], end):
        # "Asked about it, Devine responded:": the noun phrase after the last comma.
        s_lo = att.doc.sents[sent][0]
        comma = text.rfind(",", s_lo, end)
        k = att.doc.tok_at(max(s_lo, comma + 1))
        if comma > 0 and att.tokens[k - 2].cap:
            return None  # "of the University of California, Los Angeles disagreed"
        e = att.phrases.np_end(k, end)
        if e <= k or not _VERB_PHRASE.match(text, att.tokens[e - 1].end, end):
            return None
        subj = (att.tokens[k].start, att.tokens[e - 1].end)
    source = att.classifier.classify(*subj)
    if source is None or source.type in ("unknown", "other_outlet", "social_post"):
        return None
    return source


def colon_headline(att: Attributor, found: list[Attribution]) -> list[Attribution]:
    """ "Insiders: Trump will rebound in New Hampshire": a headline that opens with a source and a
    colon gives the rest of the headline to that source (no reporting word)."""
    text = att.text
    if not att.doc.sents or att.doc.sents[0][2] != 0:
        return []
    s_lo, s_hi, para = att.doc.sents[0]
    colon = text.find(":", s_lo, min(s_hi, s_lo + 60))
    if colon < 0 or any(a.sentence == 0 for a in found):
        return []
    lo = len(text[s_lo:colon]) - len(text[s_lo:colon].lstrip()) + s_lo
    end = rstrip_at(text, colon)
    np = att.phrases.np_backwards(lo, end) if end > lo else None
    content = trim(text, colon + 1, s_hi)
    if np is None or np[0] != lo or content is None or "\n" in text[lo:end]:
        return []
    if text[lo:end].lower() in HEADLINE_LABELS or text[lo:end].isupper():  # "TEST PAGE:"
        return []
    source = att.classifier.classify(lo, end)
    if source is None or source.type in ("unknown", "other_outlet", "social_post"):
        return []
    q = att.doc.quote_starting_at(content.start, s_hi)
    return [
        Attribution(
            cue=None,
            source=source.span,
            content=content,
            speaker=source.speaker,
            source_type=source.type,
            direct=bool(q and q.end >= content.end - 1),
            stance="neutral",
            paragraph=para,
            sentence=0,
        )
    ]


def noun_attributions(att: Attributor, found: list[Attribution]) -> list[Attribution]:
    """ "Mr. Trump's claim that ...": a noun cue after its possessor (kit.reading.noun_cues), not
    inside what an attribution already holds."""
    made = (att._make(*n) for n in noun_cues(att.doc, att.classifier, found))
    return [a for a in made if a is not None]


def _source_tail(text: str, src_hi: int, s_hi: int) -> tuple[int, bool]:
    """After ", according to X": where X ends, and whether the clause ends with it. The rest of
    the sentence (or bracket) is X's ("according to data released Friday by state gaming
    regulators."), unless it is a time or place ("according to police on Thursday")."""
    tail = _SOURCE_TAIL.match(text, src_hi, s_hi)
    if tail is None or tail.end(1) <= src_hi:
        return src_hi, False
    first = tail.group(1).split(None, 1)[0].lower()
    if first in PREPS or first in TIME_WORDS or first == "via":
        return src_hi, True
    return tail.end(1), False


def follow_up_quotes(doc: ArticleText, found: list[Attribution]) -> list[Attribution]:
    """A further quoted sentence in the same paragraph, with no cue, goes on with the quotation
    before it: the earlier content is extended to its end ("“A,” she said. “B.”" is one act of
    reporting, as PARC-style corpora count it). Returns the attributions, some extended."""
    out = list(found)
    by_para: dict[int, list[int]] = {}
    for n, a in enumerate(out):
        if a.paragraph is not None:
            by_para.setdefault(a.paragraph, []).append(n)
    for q in doc.quotes:
        sentence_like = last_inside(doc.text, q) in ".!?,…"
        if not (len(q) >= 20 or sentence_like):
            continue
        s = doc.sentence_of(q.start)
        s_lo, _, para = doc.sents[s]
        if doc.text[s_lo : q.start].strip():
            continue
        here = by_para.get(para, ())
        if any(out[n].content is not None and out[n].content.overlaps(q) for n in here):
            continue
        prior = [
            n
            for n in here
            if out[n].direct
            and out[n].source is not None
            and out[n].content
            and out[n].content.end <= q.start
        ]
        if not prior:
            continue
        last = max(prior, key=lambda n: out[n].content.end)
        end = out[last].content.end
        if any(
            out[n].cue is not None and n != last and end <= out[n].cue.start < q.start for n in here
        ):
            continue
        out[last] = replace(out[last], content=Span(out[last].content.start, q.end))
    return out


def _outermost(done: list[tuple[Cue, Attribution]]) -> list[tuple[Cue, Attribution]]:
    """Leave out a view ("praised", "opposed": frame view) told inside another report's content:
    "Witnesses said a man attacked ...", "She announced she was endorsing Biden" are one report."""
    if all(c.frame != "view" for c, _ in done):
        return done  # no view to leave out (most sentences)
    return [
        (c, a)
        for c, a in done
        if c.frame != "view"
        or not any(
            b is not a and b.content and b.content.start <= c.start < b.content.end for _, b in done
        )
    ]


def _first(a: Attribution) -> int:
    spans = [s.start for s in (a.source, a.cue, a.content) if s is not None]
    return min(spans) if spans else 0
