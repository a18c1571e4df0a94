"""Who is speaking, in any language with a data folder (kit.reading.language_data): the rules.

Sentence by sentence, over words and quotation marks, reading only the language's data:

- a reporting verb outside a quotation ("sagte", "teilte ... mit", "hat erklärt"): its source is
  the subject before it ("Die Polizei teilte mit, ..."), or the phrase after it when the sentence
  opens with something else ("So sagte der Astronaut Yang Liwei am Montag, ...", "Dies gab die
  Polizei bekannt") or when it follows what was said ("„...“, sagte er."); the content is the
  clause or quotation after it, or before it, or (after "Dies", "Das") the sentence before;
- a phrase that names a source: after it ("laut der Polizei", "nach Angaben des Ministeriums"),
  before it ("der Polizei zufolge"), at the end (", so der Sprecher."), in a clause ("wie die
  Polizei mitteilte"), or none ("hieß es");
- a sentence with no cue goes on with the last report's speaker when it is a quotation or is in
  the subjunctive of reported speech ("Die Pläne seien unrealistisch.", "Er soll ... haben."),
  sentence after sentence; such sentences that follow each other are one attribution;
- a quotation inside reported content is an attribution of its own too ("Es drohe „eine
  Katastrophe“"), as annotators count it; a short name in quotation marks is not.

The speaker is the name in the source phrase without its titles ("Bundeskanzlerin Angela Merkel"
-> "Angela Merkel"); a pronoun or a surname alone is the person last named with it; the source
type comes from the phrase's head noun ("Ein Sprecher des Ministeriums": an unnamed source).
The parts of a clause these rules look for (subjects, source phrases, contents) are found by
kit.reading.cue_clauses.
"""

from __future__ import annotations

import dataclasses

from kit.articles.article import Article
from kit.articles.segment import Span
from kit.reading.attribution import Attribution
from kit.reading.cue_clauses import Clauses, Found, span_of
from kit.reading.cue_speakers import Tok
from kit.reading.language_data import LanguageData, VerbForm

# How far back a sentence with no cue may go on with the last speaker.
_FOLLOW_SENTENCES = 2


class _PhraseCues(Clauses):
    """The cues that are phrases, not verbs: "laut ...", "... zufolge", ", so ...", "nach Angaben
    ...", "demnach", "wie ... mitteilte", "hieß es"."""

    def _source_after(self, n: int, toks: list[Tok], i: int, j: int, stance: str) -> Found | None:
        end = self._clause_end(toks, j)
        src = self._np_after(toks, j, end)
        if j - i >= 2 and (src is None or src[0] is not toks[j]):
            # "nach Polizeiangaben", "nach eigenen Angaben": the phrase names its own source
            src = toks[i + 1 : j]
        if src is None:
            return None
        cue = Span(toks[i].start, toks[j - 1].end)
        content = self._rest_of_sentence(toks, i, toks.index(src[-1]) + 1)
        if content is None:
            return None
        return Found(cue, span_of(src), content, stance, " ".join(t.low for t in toks[i:j]), n, src)

    def _source_before(self, n: int, toks: list[Tok], i: int, stance: str) -> Found | None:
        lo = self._clause_start(toks, i)
        src = [t for t in toks[lo:i]]
        if not src or len(src) > 10 or not any(t.word[0].isupper() for t in src):
            return None
        cue = Span(toks[i].start, toks[i].end)
        content = self._rest_of_sentence(toks, lo, i + 1)
        if content is None:
            return None
        return Found(cue, span_of(src), content, stance, toks[i].low, n, src)

    def _tail(self, n: int, toks: list[Tok], i: int, stance: str) -> Found | None:
        end = len(toks) - (1 if toks[-1].word in ".!?" else 0)
        end = min(end, self._clause_end(toks, i + 1))  # ", so der Sprecher, sei ..."
        while end > i + 1 and toks[end - 1].low in self.w["openers"]:
            end -= 1  # ", so Müller weiter."
        src = [t for t in toks[i + 1 : end]]
        if not src or len(src) > 16 or not any(t.word[0].isupper() for t in src):
            return None
        if any(t.low in self.lang.forms for t in src):
            return None  # ", so sagte er": a verb, read as such
        w = self.w
        first = src[0]
        if not (first.word[0].isupper() or first.low in w["determiners"]):
            return None  # ", so dass ...", ", so schnell wie ...": not a source
        if any(
            t.word[0].islower()
            and t.low not in w["determiners"]
            and t.low not in w["prepositions"]
            and t.low not in ("und", "der", "des")
            and t.low not in w["stop_words"]  # "so das Ergebnis einer gestern vorgestellten Studie"
            and not t.low.endswith(("e", "en", "er", "es", "em"))
            for t in src
        ):
            return None  # a verb in the rest: a clause, not a source phrase
        before = self._content_before(toks, i)
        if before is None:
            return None
        last = toks[-1]
        stop = last.start if last.word in ".!?" else last.end
        if end + 1 < len(toks) and toks[end].word == "," and toks[end + 1].start < stop:
            before = Span(before.start, stop)  # "Im Herbst, so der Sprecher, werde ...": all
        return Found(
            Span(toks[i].start, toks[i].end), span_of(src), before, stance, toks[i].low, n, src
        )

    def _around(self, n: int, toks: list[Tok], i: int, stance: str) -> Found | None:
        """ "nach Angaben der Polizei" or "Medienberichten nach": a source cited for its word."""
        lang = self.lang
        cue = Span(toks[i].start, toks[i].end)
        if (
            0 < i < len(toks) - 3
            and toks[i - 1].word == ","
            and toks[i + 1].low in self.w["relative_sources"]
        ):
            # "Gerüchte, nach denen ...": like "wonach", the relative clause is what was said
            end = self._clause_end(toks, i + 2)
            if end - i < 4:
                return None
            src = [toks[i + 1]]
            content = Span(toks[i + 2].start, toks[end - 1].end)
            return Found(cue, span_of(src), content, stance, toks[i].low, n, src)
        if i > 0 and lang.is_a(toks[i - 1].low, "according_nouns"):
            lo = self._clause_start(toks, i - 1)
            k = i - 1
            while (
                k > lo
                and (
                    toks[k - 1].word[0].isupper()
                    or toks[k - 1].low in self.w["determiners"]
                    or toks[k - 1].low.endswith(("en", "er", "em", "es"))
                )
                and i - k < 6
            ):
                k -= 1
            src = toks[k:i]
            content = self._rest_of_sentence(toks, k, i + 1)
        else:
            end = self._clause_end(toks, i + 1)
            src = self._np_after(toks, i + 1, end)
            if src is None:
                return None
            # "nach Angaben der Polizei", "nach Grupps Meinung": a noun a source is cited for
            heads = [t for t in src[:3] if t.word[0].isupper()]
            if len(src) > 1 and src[0].low.endswith("s") and heads[:2] == src[:2]:
                heads = heads[1:2]  # a genitive name before its noun: "nach Grupps Meinung"
            if not heads or not lang.is_a(heads[0].low, "according_nouns"):
                return None
            content = self._rest_of_sentence(toks, i, toks.index(src[-1]) + 1)
        if content is None or not src:
            return None
        return Found(cue, span_of(src), content, stance, toks[i].low, n, src)

    def _self_source(self, n: int, toks: list[Tok], i: int, stance: str) -> Found | None:
        """ "Demnach ...", "ein Bericht, wonach ...": the word is cue and source."""
        t = toks[i]
        if i == 0:
            content = self._rest_of_sentence(toks, 0, 1)
        else:
            end = self._clause_end(toks, i + 1)
            if end - i < 3:
                return None
            content = Span(toks[i + 1].start, toks[end - 1].end)
        if content is None:
            return None
        return Found(Span(t.start, t.end), Span(t.start, t.end), content, stance, t.low, n, [])

    def _subordinate(self, n: int, toks: list[Tok], i: int) -> Found | None:
        """ "wie die Polizei mitteilte": the source between "wie" and the verb ending the clause."""
        end = self._clause_end(toks, i + 1)
        if end - i < 2 or end - i > 12:
            return None
        name_end = end - 1
        if end < len(toks) and toks[end].word == "," and not self.lang.forms.get(toks[end - 1].low):
            # "wie Steve Marshall, Sprecher der UN, in Bangkok mitteilte": past an apposition
            name_end = end
            end = self._clause_end(toks, end + 1)
            if end < len(toks) and toks[end].word == ",":
                end = self._clause_end(toks, end + 1)
            if end - i > 20:
                return None
        verb = toks[end - 1]
        forms = self.lang.forms.get(verb.low)
        if not forms or end - i < 3:
            return None
        src = self._np_after(toks, i + 1, name_end)
        if src is None:
            return None
        cue = Span(toks[i].start, verb.end)
        lo = self._clause_start(toks, i)
        if lo > 0:
            content = self._content_before(toks, lo)
        else:
            content = self._content_after(toks, end)
        if content is None:
            return None
        return Found(cue, span_of(src), content, forms[0].stance, forms[0].lemma, n, src)

    def _impersonal(self, n: int, toks: list[Tok], i: int, j: int, stance: str) -> Found | None:
        cue = Span(toks[i].start, toks[j - 1].end)
        lo = self._clause_start(toks, i)
        if i - lo >= 2 and toks[lo].low in self.w["prepositions"]:
            src = [
                t
                for t in toks[lo + 1 : i]
                if (t.low not in self.w["stop_words"] or t.low in self.w["determiners"])
                and t.low not in self.w["time_words"]  # "Im Mai wurde bekannt"
            ]
            if src and any(t.word[0].isupper() for t in src):
                content = self._content_after(toks, self._clause_end(toks, j))
                if content is not None:
                    low = " ".join(t.low for t in toks[i:j])
                    return Found(cue, span_of(src), content, stance, low, n, src)
        end = self._clause_end(toks, j)
        low = " ".join(t.low for t in toks[i:j])
        src = None
        if j < end and toks[j].low in self.w["source_prepositions"]:
            src = self._np_after(toks, j + 1, end)  # ", hieß es in dem Bericht"
            if src is not None:
                end = self._after_source(toks, src)
        elif lo > 1 and toks[0].low in self.w["source_prepositions"]:
            # "In dem Bericht, der ... wurde, heißt es, ...": the phrase that opens the sentence
            src = [
                t for t in toks[1 : self._clause_end(toks, 1)] if t.low not in self.w["stop_words"]
            ]
            if not any(t.word[0].isupper() for t in src):
                src = None
        content = self._content_after(toks, end)
        if content is None:
            content = self._content_before(toks, self._clause_start(toks, i))
        if content is None:
            return None
        return Found(cue, span_of(src or []), content, stance, low, n, src or [])


class CueRules(_PhraseCues):
    """One article read with one language's data."""

    def run(self) -> list[Attribution]:
        out: list[Attribution] = []
        last: tuple[int, Attribution, list[Tok]] | None = None  # (sentence, report, source)
        chain: int | None = None  # index in out of the reported speech that goes on
        used_quote_end = -1
        for n, sent in enumerate(self.article.sentences):
            if sent.end <= used_quote_end:
                if last is not None and last[0] == n - 1:
                    last = (n, last[1], last[2])  # what follows the quotation follows the report
                continue  # inside a quotation already attributed
            toks = self._tokens(sent.start, sent.end)
            if not toks:
                continue
            found = self._sentence(n, toks)
            follows = False
            if found is None and last is not None and n - last[0] <= _FOLLOW_SENTENCES:
                found = self._follow_up(n, sent, toks, last)
                follows = found is not None
            if found is None:
                self.speakers.learn_names(toks)
                continue
            if follows and last is not None:
                # Reported speech goes on from its report, sentence after sentence: one
                # attribution for the sentences in the subjunctive that follow each other.
                prev = out[chain] if chain is not None else None
                if (
                    found.lemma == "~subj"
                    and prev is not None
                    and prev.sentence == n - 1
                    and prev.content is not None
                    and found.content is not None
                ):
                    out[chain] = dataclasses.replace(
                        prev, content=Span(prev.content.start, found.content.end), sentence=n
                    )
                    self._add_inner(out, out[chain], found.content)
                else:
                    a = self._finish(found, sent.paragraph)
                    out.append(a)
                    chain = len(out) - 1 if found.lemma == "~subj" else None
                    self._add_inner(out, a, a.content)
                last = (n, last[1], last[2])
            else:
                a = self._finish(found, sent.paragraph)
                out.append(a)
                chain = None
                self._add_inner(out, a, a.content)
                last = (n, a, found.source_toks)
                second = self._second_source(n, toks, found)
                if second is not None:
                    out.append(self._finish(second, sent.paragraph))
            if found.content is not None:
                used_quote_end = max(used_quote_end, found.content.end)
            self.speakers.learn_names(toks)
        out.sort(key=lambda a: _first(a))
        return out

    def _second_source(self, n: int, toks: list[Tok], found: Found) -> Found | None:
        """ "„...“, sagte der Demonstrationsleiter laut ndr.de.": a phrase that names a source of
        its own ("laut", "zufolge") beside the report the sentence was read as; both count."""
        taken = [s for s in (found.source, found.cue) if s is not None]
        lang = self.lang
        for i, t in enumerate(toks):
            if t.quoted or any(s.start <= t.start < s.end for s in taken):
                continue
            f = None
            for k in (4, 3, 2, 1):
                phrase = tuple(x.low for x in toks[i : i + k])
                if len(phrase) == k and phrase in lang.source_after:
                    f = self._source_after(n, toks, i, i + k, lang.source_after[phrase])
                    break
            if f is None and t.low in lang.source_before:
                f = self._source_before(n, toks, i, lang.source_before[t.low])
            if f is None and t.low in lang.around:
                f = self._around(n, toks, i, lang.around[t.low])
            if f is None or f.source is None:
                continue
            if any(f.source.start < s.end and s.start < f.source.end for s in taken):
                continue
            return f
        return None

    def _add_inner(self, out: list[Attribution], a: Attribution, within: Span | None) -> None:
        """The quotations inside a reported content, each its own attribution ("Er sagte, es
        drohe „eine dramatische Erderwärmung“": annotators count the quotation too)."""
        for q in self._inner_quotes(a, within):
            out.append(dataclasses.replace(a, content=q, direct=True))

    def _sentence(self, n: int, toks: list[Tok]) -> Found | None:
        lows = [t.low for t in toks]
        for i, t in enumerate(toks):
            if t.quoted or not t.word[0].isalpha():
                continue
            low = t.low
            for k in (4, 3, 2, 1):
                phrase = tuple(lows[i : i + k])
                if len(phrase) == k and phrase in self.lang.source_after:
                    f = self._source_after(n, toks, i, i + k, self.lang.source_after[phrase])
                    if f:
                        return f
                if len(phrase) == k and phrase in self.lang.impersonal:
                    return self._impersonal(n, toks, i, i + k, self.lang.impersonal[phrase])
            if low in self.lang.source_before:
                f = self._source_before(n, toks, i, self.lang.source_before[low])
                if f:
                    return f
            if low in self.lang.tail and i > 0 and toks[i - 1].word in ",–—":
                f = self._tail(n, toks, i, self.lang.tail[low])
                if f:
                    return f
            if low in self.lang.around:
                f = self._around(n, toks, i, self.lang.around[low])
                if f:
                    return f
            if low in self.lang.self_source:
                f = self._self_source(n, toks, i, self.lang.self_source[low])
                if f:
                    return f
            if low in self.lang.subordinate:
                f = self._subordinate(n, toks, i)
                if f:
                    return f
            forms = self.lang.forms.get(low)
            if forms and (t.word[0].islower() or i == 0):
                form = self._form(toks, i, forms)
                if form is not None:
                    f = self._verb(n, toks, i, form)
                    if f:
                        return f
        return self._colon_quote(n, toks) or self._quote_then_verb(n, toks)

    def _quote_then_verb(self, n: int, toks: list[Tok]) -> Found | None:
        """ "„...“, strich Romney heraus.", "„...“, zeigte sich der Trainer zufrieden.": a
        sentence that opens with a quotation, then a comma, a verb and its subject, reports the
        quotation whatever the verb (when the language's data says so)."""
        if not self.lang.quote_then_any_verb or not toks[0].quoted:
            return None
        k = 0
        while k < len(toks) and toks[k].quoted:
            k += 1
        q = self._quote_ending(toks[k - 1].end)
        if q is None or k + 2 >= len(toks) or toks[k].word != ",":
            return None
        verb = toks[k + 1]
        w = self.w
        low = verb.low
        if not verb.word[0].islower() or not verb.word.isalpha():
            return None
        if low in w["stop_words"] or low in w["conjunctions"] or low in w["not_said"]:
            return None
        if low in w["determiners"] or low in w["pronouns"] or low in w["prepositions"]:
            return None
        end = self._clause_end(toks, k + 2)
        src = self._np_after(toks, k + 2, end)
        if src is None:
            return None
        head = src[0]
        if not (head.word[0].isupper() or head.low in w["subject_pronouns"] or len(src) > 1):
            return None
        cue = Span(verb.start, verb.end)
        return Found(cue, span_of(src), q, "neutral", low, n, src)

    def _colon_quote(self, n: int, toks: list[Tok]) -> Found | None:
        """ "Schäuble: „...“", "X sieht das anders: „...“": a quotation after a colon, said by
        the subject of the sentence."""
        for k, t in enumerate(toks):
            if t.word == ":" and not t.quoted and k + 1 < len(toks) and toks[k + 1].quoted:
                q = self._quote_at(toks[k + 1].start)
                src = self._leading_np(toks, k)
                if src is not None and src[-1] is not toks[k - 1]:
                    j = toks.index(src[-1]) + 1  # the verb after the phrase
                    pronoun = j + 1 < k and toks[j + 1].low in self.w["subject_pronouns"]
                    if src[0].low in self.w["object_determiners"] or pronoun:
                        # "Das ägyptische Angebot lehnt er ab: „...“", "Den Unmut ... brachte
                        # die Sprecherin zum Ausdruck: „...“": the phrase is the object
                        src = self._np_after(toks, j + 1, k)
                src = src or self._subject_after_verb(toks, k)
                if q is None or src is None:
                    return None
                return Found(None, span_of(src), q, "neutral", "~colon", n, src)
        return None

    def _form(self, toks: list[Tok], i: int, forms: tuple[VerbForm, ...]) -> VerbForm | None:
        """The verb this word is a form of: a separable one needs its particle in the clause."""
        rest = {t.low for t in toks[i + 1 :] if not t.quoted}
        lo = self._clause_start(toks, i)
        helped = any(t.low in self.w["auxiliaries"] for t in toks[lo:i])  # "hatte ... erklärt"
        # "Die Stadt will ... entscheiden": after a modal or auxiliary, a form in -en is the
        # infinitive, not a report
        infinitive = helped and toks[i].low.endswith("en")
        plain = None
        for f in forms:
            if infinitive and not f.participle:
                continue
            if f.particle is None:
                if plain is None or (helped and f.participle and not plain.participle):
                    plain = f
            elif f.particle in rest:
                return f
        return plain

    def _verb(self, n: int, toks: list[Tok], c: int, form: VerbForm) -> Found | None:
        w = self.w
        cue = Span(toks[c].start, toks[c].end)
        lo = self._clause_start(toks, c)
        left = toks[lo:c]
        end = self._clause_end(toks, c + 1)
        if left and left[0].low in w["conjunctions"]:
            if not _noun_opener(left, w):
                return None  # "dass er sagte", "als sie erklärte": not the main report
            left = []  # "Als Begründung sagte ein Wissenschaftler": an opener
        if form.participle and any(t.low in w["passive"] for t in left):
            return self._passive(n, toks, c, lo, end, form)
        if left and left[0].low in ("der", "die", "das", "welche", "welcher") and lo > 0:
            subject = self._open_apposition(toks, lo, left, form)
            if subject is None:
                return None  # a relative clause: "die Polizei, die am Montag erklärte"
            content = self._content_after(toks, end)
            return None if content is None else self._found(n, cue, subject, content, form)
        words_left = [t for t in left if t.low not in w["openers"]]
        if not left and lo > 0 and toks[0].low in w["prepositions"]:
            # "In einer Videobotschaft, die ... wurde, sagte Thaksin, ...": the subject after
            src = self._np_after(toks, c + 1, end)
            content = (
                None if src is None else self._content_after(toks, self._after_source(toks, src))
            )
            if src is not None and content is not None:
                return self._found(n, cue, src, content, form)
        if not left and lo > 0:
            subject = self._subject_before_relative(toks, lo) or self._apposition(toks, lo)
            if subject is not None:
                content = self._content_after(toks, end) or self._object_to_end(toks, c, end)
                if content is not None:
                    return self._found(n, cue, subject, content, form)
        before = self._content_before(toks, lo)
        if not words_left and before is not None:
            # "„...“, sagte er." / "Die Lage sei ernst, so sagte der Minister."
            src = self._np_after(toks, c + 1, end)
            if src is None:
                return None
            return self._found(n, cue, src, before, form)
        demonstrative = len(left) == 1 and left[0].low in w["demonstratives"]
        k = 0
        while k < len(left) and left[k].low in w["openers"] and not demonstrative:
            k += 1  # "Auch der Minister sagte": the subject after the opener
        subject = None
        # "Offiziell geht die Regierung davon aus", "Besorgt äußerte sich Annan", "Der Politik
        # schlug er vor": a word before the verb that is no subject, the subject after it
        adverb = (len(left) == 1 and left[0].low.endswith(self.adverb_endings)) or self._adverbial(
            left
        )
        inverted = adverb or (
            0 < len(left) <= 6
            and c + 1 < end
            and toks[c + 1].low in w["subject_pronouns"]
            and (toks[c + 1].low != "sie" or len(left) == 1)  # "Die Polizei forderte sie auf"
        )
        if k < len(left) and left[k].low not in w["prepositions"] and not demonstrative:
            subject = None if inverted else self._subject(left[k:])
        if subject is None and form.participle and not demonstrative:
            # "Zuvor hatte der Minister angekündigt, ...": the subject after the auxiliary
            aux = next((m for m, t in enumerate(left) if t.low in w["auxiliaries"]), None)
            if aux is not None and aux + 1 < len(left) and aux > 0:
                subject = self._subject(left[aux + 1 :])
        opens_other = not left or (
            left[0].low in w["openers"]
            or left[0].low in w["prepositions"]
            or demonstrative
            or inverted
        )
        if opens_other and subject is None:
            src = self._np_after(toks, c + 1, end)
            if src is None:
                return None
            end = self._after_source(toks, src)
            content = self._content_after(toks, end)
            if content is None and demonstrative:
                content = self._previous_sentence(n)
            if content is None and form.content == "object":
                content = self._object(toks, src, end)
            if content is None:
                return None
            return self._found(n, cue, src, content, form)
        if subject is None:
            return None
        content = self._content_after(toks, end) or self._object_to_end(toks, c, end)
        if content is None:
            return None
        return self._found(n, cue, subject, content, form)

    def _passive(
        self, n: int, toks: list[Tok], c: int, lo: int, end: int, form: VerbForm
    ) -> Found | None:
        """ "Ihm wurde vorgeworfen, ...", "wie von der Polizei mitgeteilt wurde": the source is
        the phrase after "von", or none; for a verb whose passive names the speaker as its
        subject ("„...“, wird Panetta zitiert", "Er wird mit den Worten zitiert: „...“"), the
        subject."""
        src: list[Tok] = []
        for k in range(lo, c):
            if toks[k].low in ("von", "vom"):
                src = self._np_after(toks, k + 1, c) or []
                break
        content = self._content_after(toks, end)
        if not src and form.passive_subject:
            w = self.w
            if toks[lo].low in w["passive"]:
                src = self._np_after(toks, lo + 1, c) or []
                if not src and lo > 0:  # "Volker Ratzmann, Fraktionschef, wird ... zitiert"
                    src = self._apposition(toks, lo) or []
            else:
                src = self._subject(toks[lo:c]) or []
            if content is None and src:
                content = self._content_before(toks, lo)
        if content is None:
            return None
        cue = Span(toks[c].start, toks[c].end)
        return Found(cue, span_of(src), content, form.stance, form.lemma, n, src)

    def _found(self, n: int, cue: Span, src: list[Tok], content: Span, form: VerbForm) -> Found:
        return Found(cue, span_of(src), content, form.stance, form.lemma, n, src)

    def _follow_up(
        self, n: int, sent: Span, toks: list[Tok], last: tuple[int, Attribution, list[Tok]]
    ) -> Found | None:
        ln, a, src = last
        if a.source is None or n - ln > 1 or a.cue is None:
            return None  # only the next sentence, after a report with a cue
        first = [t for t in toks[: self._clause_end(toks, 0)] if not t.quoted]
        if self.article.sentences[n].paragraph != a.paragraph:
            if not any(t.low in self.lang.subjunctive for t in first):
                return None
        q = self._quote_at(toks[0].start)
        if q is not None and q.end >= toks[-1].start:
            return Found(None, a.source, q, "neutral", "~quote", n, src)
        said = any(t.low in self.lang.subjunctive for t in first) or (
            not any(t.low in self.w["indicative"] for t in first)
            and any(t.low in self.lang.subjunctive for t in toks if not t.quoted)
        )
        if said:
            last_tok = toks[-1]
            stop = last_tok.start if last_tok.word in ".!?" else last_tok.end
            return Found(None, a.source, Span(toks[0].start, stop), "neutral", "~subj", n, src)
        return None

    def _finish(self, f: Found, paragraph: int) -> Attribution:
        speaker, kind = self.speakers.who(f.source_toks)
        direct = (
            f.content is not None
            and self._quote_at(f.content.start) is not None
            and (self._quote_ending(f.content.end) is not None)
        )
        return Attribution(
            cue=f.cue,
            source=f.source,
            content=f.content,
            speaker=speaker,
            source_type=kind,
            direct=direct,
            stance=f.stance,
            cue_lemma=f.lemma,
            paragraph=paragraph,
            sentence=f.sentence,
        )


def _noun_opener(left: list[Tok], w: dict[str, frozenset[str]]) -> bool:
    """ "Als Begründung", "Als Antwort auf den Brief": a conjunction that opens a phrase."""
    rest = left[1:]
    return (
        0 < len(rest) <= 6
        and rest[0].word[0].isupper()
        and rest[0].low not in w["pronouns"]
        and all(
            t.word[0].isupper() or t.low in w["determiners"] or t.low in w["prepositions"]
            for t in rest
        )
    )


def _first(a: Attribution) -> int:
    return min(s.start for s in (a.cue, a.source, a.content) if s is not None)


def find_with_rules(article: Article, lang: LanguageData) -> list[Attribution]:
    """Every attribution in the article, read with the rules of its language's data."""
    return CueRules(article, lang).run()
