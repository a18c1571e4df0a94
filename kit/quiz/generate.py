"""Questions made from an article's attributions and claims.

`generate(article, seed, attributions, claims)` is a pure function of its arguments: the same
article, records and seed give the same bank. Every question is answerable from the article
(options are names, verbs and sentences taken from it) and a choice question has exactly one
right option; `problems(quiz)` checks both and the tests run it on real news articles. The bank
can be saved as YAML for teachers to edit.

Every prompt, option and explanation is written in correct English on any article: article words
go through `kit.quiz.phrasing`, and a candidate whose words do not make a good question (a clause
cut short, a quotation that does not close, a source that needs "a") is skipped, not written
badly. `tests/data/generated_questions_sample.md` shows what the questions read like.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from kit.articles.article import Article
from kit.errors import KitError
from kit.quiz import answers as keys
from kit.quiz import phrasing
from kit.quiz.model import Quiz
from kit.quiz.questions import CHOICE_TYPES, Question, Settings

#: Words that are not part of who someone is ("Mr Zelensky" and "Volodymyr Zelensky" are one).
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "the",
    "president", "prime", "minister", "secretary", "defence", "defense", "foreign", "chancellor",
    "general", "gen", "senator", "sen", "rep", "representative", "governor", "mayor", "king",
    "queen", "prince", "princess", "chief", "deputy", "spokesman", "spokeswoman", "spokesperson",
    "of", "and", "de", "van", "von", "al", "el", "former", "acting", "us", "uk", "state",
}  # fmt: skip
_OPEN_QUOTES = "\"“‘'"
_CLOSE_QUOTES = "\"”’'"
_QUOTE_MARKS = '"“”'
#: Reporting verbs that read well in "who <verb> <content>?", by lemma ("deny" and "accuse" take
#: a noun phrase as well as a clause).
_ASKABLE = {
    "say": "said", "tell": "said", "add": "said", "according to": "said", "state": "stated",
    "claim": "claimed", "accuse": "accused", "warn": "warned", "insist": "insisted",
    "argue": "argued", "admit": "admitted", "announce": "announced", "deny": "denied",
    "suggest": "suggested", "explain": "explained", "note": "noted",
}  # fmt: skip
_LEMMAS = {
    "said": "say", "says": "say", "saying": "say", "say": "say",
    "told": "tell", "tells": "tell", "telling": "tell",
    "added": "add", "adds": "add", "adding": "add",
    "claimed": "claim", "claims": "claim", "claiming": "claim",
    "stated": "state", "states": "state", "explained": "explain", "explains": "explain",
    "announced": "announce", "announces": "announce", "noted": "note", "notes": "note",
}  # fmt: skip
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "this", "that"}
_NAMED = ("named_person", "institution")
_TAKES_OBJECT = ("deny", "accuse")
_CLAIM_LABELS = {
    "event": "An event (something that happened)",
    "number": "A number (a statistic or amount)",
    "policy": "A policy (what someone will do or should do)",
    "cause": "A cause (why something happened)",
    "prediction": "A prediction (about what will happen)",
    "opinion": "An opinion (a judgement, not a fact)",
}
#: Claim types a sentence of the first type often is as well; never offered as wrong answers.
_OVERLAPS = {
    "event": ("number", "cause"),
    "number": ("event",),
    "cause": ("event",),
    "policy": ("prediction",),
    "prediction": ("policy",),
}
#: Claim suggestions below this confidence are not turned into questions.
MIN_CLAIM_CONFIDENCE = 0.5
_CLAIM_TEACHING = {
    "event": "It reports something that happened; you could check it with other reports or "
    "records.",
    "number": "It rests on a figure; ask where the number comes from and what it is compared to.",
    "policy": "It is about a plan or rule; check who decides and whether it was really agreed.",
    "cause": "It says why something happened; causes are easy to claim and hard to prove.",
    "prediction": "It is about the future (“will”, “would”, “set to”), so no one can check it yet.",
    "opinion": "It is a judgement (“distant”, “strong”, “best”); others may judge differently.",
}
_STANCE_QUESTIONS = {
    "doubt": (
        "Which of these reporting words from the article suggests the writer doubts the statement?",
        "The word “{right}” puts distance between the writer and the statement: it is what the "
        "source says, not something the writer vouches for. {others} what was said.",
    ),
    "concession": (
        "Which of these reporting words from the article shows the speaker admitting something?",
        "The word “{right}” tells you the speaker gave something up or admitted a point. {others} "
        "what was said.",
    ),
    "emphasis": (
        "Which of these reporting words from the article shows the speaker saying something "
        "strongly?",
        "The word “{right}” shows force or warning. {others} what was said.",
    ),
}
_COUNTS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


@dataclass(frozen=True)
class _Source:
    """One attribution, reduced to what questions need."""

    name: str  # what the student sees, taken from the article text
    ref: str | None  # inside a sentence ("the Interior Ministry"); None: no phrase reads well
    who: frozenset[str]  # identity words, to tell people apart
    kind: str
    cue: str
    lemma: str  # the cue's base form ("say" for "has said")
    content: str
    content_span: tuple[int, int] | None
    sentence: tuple[int, int] | None
    direct: bool
    stance: str
    in_headline: bool


def generate(
    article: Article,
    seed: int = 0,
    attributions: Sequence[Any] | None = None,
    claims: Sequence[Any] | None = None,
    *,
    per_kind: int = 2,
    max_questions: int = 12,
) -> Quiz:
    """A bank of questions about the article's sources and claims, the same for the same seed.

    `attributions` default to kit.reading.sources.find_attributions(article); `claims` to
    kit.reading.claims.suggest(article). Raises KitError when there is nothing
    to ask about, or when the article is not in English (the questions are English sentences).
    """
    _check_language(article)
    if attributions is None:
        from kit.reading.intentions import is_intention
        from kit.reading.sources import find_attributions

        # An intention ("agrees to suspend Parliament") is no statement to ask "who said" about.
        attributions = [a for a in find_attributions(article) if not is_intention(a)]
    if claims is None:
        from kit.reading.claims import suggest

        claims = suggest(article, attributions=attributions)
    rng = random.Random(seed)
    words = _Words(article.text)
    sources = [s for s in (_source(article, a, words) for a in attributions) if s is not None]
    makers: list[Callable[[], list[Question]]] = [
        lambda: _headline_source(article, sources, rng),
        lambda: _who_said(article, sources, rng, words),
        lambda: _not_named(article, sources, rng),
        lambda: _stance_verb(sources, rng),
        lambda: _find_unnamed(article, sources),
        lambda: _direct_or_reported(sources, rng, words),
        lambda: _claim_types(article, claims, rng, words, limit=per_kind),
    ]
    questions: list[Question] = []
    for make in makers:
        found = make()
        questions.extend(found[:per_kind])
    questions = questions[:max_questions]
    if not questions:
        raise KitError(
            f"the kit found no sources or claims to ask about in the article '{article.id}'",
            fix="write the questions by hand, or pick an article with quoted sources",
        )
    seen: dict[str, int] = {}
    numbered = []
    for q in questions:
        seen[q.id] = seen.get(q.id, 0) + 1
        numbered.append(replace(q, id=f"{q.id}-{seen[q.id]}"))
    return Quiz(
        id=f"{article.id}-generated"[:100],
        title=f"Questions on: {article.title or article.id}"[:300],
        questions=tuple(numbered),
        article_id=article.id,
        settings=Settings(),
        article=article,
        description=f"Generated by the kit (seed {seed}); check the questions before use.",
    )


def _check_language(article: Article) -> None:
    """The questions are written in English: refuse another language rather than mix them."""
    if article.language != "en":
        from kit.articles.language import language_name

        raise KitError(
            f"the kit cannot write questions about an article in "
            f"{language_name(article.language)} yet (article '{article.id}')",
            fix="write the questions by hand in the article's language",
        )


def problems(quiz: Quiz) -> list[str]:
    """What makes a generated question unfit: no single right option, or not in the article."""
    out = []
    article = quiz.article
    for q in quiz.questions:
        if q.type in CHOICE_TYPES:
            right = sum(quiz.correct_flags(q))
            if q.type != "multiple" and right != 1:
                out.append(f"{q.id}: {right} right options")
            if len(set(q.choices)) != len(q.choices):
                out.append(f"{q.id}: repeated options")
        if q.type == "find":
            if article is None or not quiz.answer_spans(q):
                out.append(f"{q.id}: the answer is not in the article")
        if q.type == "single" and article is not None and q.id.startswith(("who-", "unnamed-")):
            for option in q.options:
                if not keys.locate_quote(article.text, option):
                    out.append(f"{q.id}: the option '{option}' is not in the article")
    return out


# ---------------------------------------------------------------- reading the records


def _get(record: Any, name: str, default: Any = None) -> Any:
    if isinstance(record, dict):
        return record.get(name, default)
    return getattr(record, name, default)


def _span(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return int(value[0]), int(value[1])
    start, end = getattr(value, "start", None), getattr(value, "end", None)
    return (int(start), int(end)) if start is not None and end is not None else None


def _identity(name: str) -> frozenset[str]:
    words = re.findall(r"\w+", name.casefold())
    return frozenset(w for w in words if w not in _TITLES and w not in _PRONOUNS and len(w) > 1)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


def _sentence_of(article: Article, offset: int) -> tuple[int, int] | None:
    s = article.sentence_at(offset)
    return (s.start, s.end) if s is not None else None


class _Words:
    """What the phrasing asks of an article's text, each worked out once per article."""

    __slots__ = ("casing", "contains")

    def __init__(self, text: str) -> None:
        self.contains = keys.quote_finder(text)
        self.casing = phrasing.Casing(text)


def _source(article: Article, record: Any, words: _Words) -> _Source | None:
    text = article.text
    src = _span(_get(record, "source"))
    cue = _span(_get(record, "cue"))
    content = _span(_get(record, "content"))
    kind = _get(record, "source_type", "unknown") or "unknown"
    source_text = _clean(text[src[0] : src[1]]) if src else ""
    speaker = _get(record, "speaker") or ""
    # Show the resolved speaker only when the article spells that name out (answerable); a
    # named source must look like a name ("the summary" is not one).
    if speaker and words.contains(speaker):
        name = _clean(speaker)
    elif source_text and _identity(source_text):
        name = source_text
    else:
        name = ""
    if kind in _NAMED and not name[:1].isupper():
        name = ""  # "murdered Saudi journalist" is not a name
    anchor = (cue or src or content or (0, 0))[0]
    headline = article.headline_span
    return _Source(
        name=name,
        ref=phrasing.reference(name, kind, text, words.casing) if name else None,
        who=_identity(speaker or source_text),
        kind=kind,
        cue=_clean(text[cue[0] : cue[1]]) if cue else "",
        lemma=_cue_lemma(_get(record, "cue_lemma"), text[cue[0] : cue[1]] if cue else ""),
        content=_clean(text[content[0] : content[1]]) if content else "",
        content_span=content,
        sentence=_sentence_of(article, anchor),
        direct=bool(_get(record, "direct", False)),
        stance=_get(record, "stance", "neutral") or "neutral",
        in_headline=headline is not None and headline.start <= anchor < headline.end,
    )


def _same(a: _Source | frozenset[str], b: _Source | frozenset[str]) -> bool:
    wa = a.who if isinstance(a, _Source) else a
    wb = b.who if isinstance(b, _Source) else b
    return bool(wa & wb)


def _distinct_people(sources: Sequence[_Source], kinds: Sequence[str]) -> list[_Source]:
    """One source per identity, in text order, with a name the article spells out (and that
    reads as a name: not "One MP" or "Texas federal judge")."""
    out: list[_Source] = []
    for s in sources:
        if s.kind in kinds and s.name and s.who and s.ref and not any(_same(s, o) for o in out):
            out.append(s)
    return out


def _fully_quoted(text: str) -> bool:
    text = text.strip()
    return len(text) > 1 and text[0] in _OPEN_QUOTES and text[-1] in _CLOSE_QUOTES


def _passage(text: str, limit: int) -> str | None:
    """Quoted words to show inside “…”: outer marks dropped, whole sentences up to `limit` words,
    inner quotation marks made single; None when they do not pair up."""
    shown = phrasing.excerpt(phrasing.unwrap(text), limit)
    if shown is None:
        return None
    shown = shown.rstrip(",;:—– ")
    return phrasing.nested(shown) if len(shown.split()) >= 3 else None


def _choice(
    qid: str,
    prompt: str,
    right: str,
    wrong: Sequence[str],
    rng: random.Random,
    explanation: str,
    feedback: dict[str, str] | None = None,
) -> Question:
    options = [right, *wrong]
    rng.shuffle(options)
    return Question(
        id=qid,
        type="single",
        prompt=prompt,
        options=tuple(options),
        answer=(options.index(right),),
        feedback=tuple((feedback or {}).get(o) for o in options),
        explanation=explanation,
    )


# ---------------------------------------------------------------- question makers


def _who_said(
    article: Article, sources: list[_Source], rng: random.Random, words: _Words
) -> list[Question]:
    people = _distinct_people(sources, _NAMED)
    out = []
    for s in rng.sample(sources, len(sources)):
        if s.kind not in _NAMED or not s.name or not s.who or not s.ref:
            continue
        if not 3 <= len(s.content.split()) <= (40 if s.direct else 25):
            continue
        if s.in_headline:
            continue
        # Anyone else reported as saying the same words would make two right answers.
        others = [
            o
            for o in people
            if not _same(o, s)
            and not any(
                _same(o, t)
                and t.content_span
                and s.content_span
                and _overlaps(t.content_span, s.content_span)
                for t in sources
            )
        ]
        if len(others) < 2:
            continue
        verb = _ASKABLE.get(s.lemma)
        if s.direct:
            said = _passage(s.content, 16)
            if said is None:
                continue
            prompt = f"Who said these words in the article: “{phrasing.end_question(said)}”?"
        elif verb:
            said = phrasing.clause(s.content, words.casing, object_ok=s.lemma in _TAKES_OBJECT)
            if said is None or (s.lemma == "accuse" and " of " not in said):
                continue
            prompt = f"According to the article, who {verb} {said}?"
        else:
            continue
        wrong = [o.name for o in rng.sample(others, min(3, len(others)))]
        sentence = _sentence_text(article, s)
        where = f"The article says: “{sentence}” " if sentence else ""
        out.append(
            _choice(
                "who-said",
                prompt,
                s.name,
                wrong,
                rng,
                f"{where}{_cue_words(s.cue, 'link')} these words to {s.ref}. Always "
                "check who is speaking before you decide how far to trust a statement.",
            )
        )
    return out


def _headline_source(
    article: Article, sources: list[_Source], rng: random.Random
) -> list[Question]:
    heads = [
        s for s in sources if s.in_headline and s.kind in _NAMED and s.name and s.who and s.ref
    ]
    if not heads or article.headline_span is None:
        return []
    s = heads[0]
    others = [o for o in _distinct_people(sources, _NAMED) if not _same(o, s)]
    headline = phrasing.curly(_clean(article.span_text(article.headline_span)))
    if len(others) < 2 or headline is None or not s.cue:
        return []
    wrong = [o.name for o in rng.sample(others, min(3, len(others)))]
    return [
        _choice(
            "headline-source",
            f"The headline is “{phrasing.nested(headline)}”. According to the headline, who is "
            "the news coming from?",
            s.name,
            wrong,
            rng,
            f"{_cue_words(s.cue, 'name', where=' in the headline')} {s.ref} as the "
            "source. A headline that names its source tells you this is what someone says, not "
            "something the newspaper found out itself.",
        )
    ]


def _not_named(article: Article, sources: list[_Source], rng: random.Random) -> list[Question]:
    anonymous = []
    for s in sources:
        if (
            s.kind == "anonymous"
            and s.name
            and s.name[0].isalpha()
            and phrasing.curly(s.name) == s.name
            and s.name.casefold() not in {a.name.casefold() for a in anonymous}
        ):
            anonymous.append(s)
    named = _distinct_people(sources, _NAMED)
    out = []
    for s in rng.sample(anonymous, len(anonymous)):
        wrong_pool = [
            n for n in named if not _same(n, s) and n.name.casefold() != s.name.casefold()
        ]
        if len(wrong_pool) < 2:
            continue
        wrong = [o.name for o in rng.sample(wrong_pool, min(3, len(wrong_pool)))]
        right = phrasing.capital(s.name)
        out.append(
            _choice(
                "unnamed-source",
                "Which of these sources does the article NOT name (we cannot tell exactly who "
                "spoke)?",
                right,
                wrong,
                rng,
                f"“{right}” could be many people: the article does not say who exactly. "
                f"{_names(wrong)} are named, so a reader can check what they said. Unnamed "
                "sources are sometimes needed, but they are harder to check.",
            )
        )
    return out


def _stance_verb(sources: list[_Source], rng: random.Random) -> list[Question]:
    neutral: list[str] = []
    seen: set[str] = set()  # one option per verb: not both "said" and "says"
    for s in sources:
        if s.stance == "neutral" and _word_option(s.cue) and s.lemma not in seen:
            seen.add(s.lemma)
            neutral.append(s.cue)
    out = []
    for stance, (prompt, teach) in _STANCE_QUESTIONS.items():
        marked = [
            s for s in sources if s.stance == stance and _word_option(s.cue) and s.lemma not in seen
        ]
        if not marked or len(neutral) < 2:
            continue
        s = rng.choice(marked)
        wrong = rng.sample(neutral, min(3, len(neutral)))
        others = _names([f"“{w}”" for w in wrong])
        out.append(
            _choice(
                f"verb-{stance}",
                prompt,
                s.cue,
                wrong,
                rng,
                teach.format(right=s.cue, others=f"The words {others} simply report"),
            )
        )
    return out


def _find_unnamed(article: Article, sources: list[_Source]) -> list[Question]:
    sentences = []
    for s in sources:
        if s.kind == "anonymous" and s.sentence and s.sentence not in sentences:
            sentences.append(s.sentence)
    if not sentences:
        return []
    quotes = tuple(article.text[a:b] for a, b in sentences)
    if len(quotes) == 1:
        prompt = "In which sentence does an unnamed source make a claim?"
    else:
        count = _COUNTS.get(len(quotes), "several")
        prompt = (
            f"The article has {count} sentences in which an unnamed source makes a claim. "
            "Can you find one of them?"
        )
    return [
        Question(
            id="find-unnamed",
            type="find",
            prompt=prompt,
            answer=quotes,
            explanation="Look for a source that is a group or a job without a name "
            "(“officials”, “sources close to”, “experts”). Ask why the source is not named and "
            "whether anyone else confirms the claim.",
        )
    ]


def _direct_or_reported(
    sources: list[_Source], rng: random.Random, words: _Words
) -> list[Question]:
    out = []
    for s in rng.sample(sources, len(sources)):
        if not s.content or len(s.content.split()) < 4 or not s.sentence or s.in_headline:
            continue
        if not s.ref:
            continue  # "a News.com.au report": no phrase names the source well
        if not s.direct and (s.lemma not in _ASKABLE or s.lemma == "accuse"):
            continue  # "Moscow accused Kyiv of ...": the content is not what was said
        inner = s.content.strip()[1:-1]
        if s.direct != _fully_quoted(s.content) or any(c in inner for c in _QUOTE_MARKS):
            continue  # mixed quoting ('said there was "serious work ahead"') would confuse
        if s.direct:
            shown = _passage(s.content, 30)
        else:
            reported = phrasing.clause(s.content, words.casing)
            shown = _passage(s.content, 30) if reported is not None else None
        if shown is None:
            continue
        who = s.ref
        if s.direct:
            explanation = (
                "The words are inside quotation marks, so they are the exact words of "
                f"{who} (a direct quote). The reporter chose them, but did not change them."
            )
        else:
            explanation = (
                "There are no quotation marks: the reporter put what was said into their own "
                f"words (reported speech). The words are the reporter's summary of what {who} "
                "said."
            )
        out.append(
            Question(
                id="direct-quote",
                type="truefalse",
                prompt=f"True or false: the article presents “{shown}” as the exact words of "
                f"{who}.",
                answer=s.direct,
                feedback=(None, None),
                explanation=explanation,
            )
        )
    return out


def _claim_types(
    article: Article, claims: Sequence[Any], rng: random.Random, words: _Words, limit: int
) -> list[Question]:
    labelled = []
    headline = article.headline_span
    for c in claims:
        # kit_type: the kit's own type even when a teacher's label set renames `type`
        kind = _get(c, "kit_type") or _get(c, "type") or _get(c, "label")
        span = _span(_get(c, "span"))
        if kind not in _CLAIM_LABELS or span is None or _get(c, "part", False):
            continue
        if (_get(c, "confidence", 1.0) or 0) < MIN_CLAIM_CONFIDENCE:
            continue
        if headline is not None and headline.start <= span[0] < headline.end:
            continue  # a headline is not a sentence
        text = _claim_sentence(article.text[span[0] : span[1]])
        if text is None:
            continue
        labelled.append((kind, text, c))
    present = list(dict.fromkeys(k for k, _, _ in labelled))
    out = []
    for kind, text, c in rng.sample(labelled, len(labelled))[:limit]:
        # Distractors that could also be right ("30 countries were involved" is an event with a
        # number in it) would make two right answers: leave them out.
        usable = [k for k in _CLAIM_LABELS if k != kind and k not in _OVERLAPS.get(kind, ())]
        pool = [k for k in present if k in usable]
        pool += [k for k in ("prediction", "opinion", "event", "cause") if k in usable]
        wrong = list(dict.fromkeys(pool))[:2]
        why = phrasing.clues(_get(c, "reasons") or (), words.casing)
        out.append(
            _choice(
                "claim-type",
                f"What kind of claim does this sentence make: “{phrasing.end_question(text)}”?",
                _CLAIM_LABELS[kind],
                [_CLAIM_LABELS[k] for k in wrong],
                rng,
                _CLAIM_TEACHING[kind] + (f" {why}" if why else ""),
            )
        )
    return out


# ---------------------------------------------------------------- small helpers


def _claim_sentence(raw: str) -> str | None:
    """A claim's sentence to quote in a question, or None when it is not a whole sentence: too
    short or long, a fragment of a quotation, no capital at its start or full stop at its end."""
    text = phrasing.curly(_clean(raw))
    if text is None or not 5 <= len(text.split()) <= 50:
        return None
    if re.match(r"[A-Z]{1,4}: ", text) or re.search(r"\[\d+\]", text):
        return None  # an interview's "NG: ..." or a footnote mark "[3]"
    start = text.lstrip("“‘")
    if not start[:1].isupper() and not start[:1].isdigit():
        return None
    if not re.search(r"[.!]['’”)\]]?$", text):
        return None  # a question, a heading, or a sentence cut short
    return phrasing.nested(text)


def _word_option(cue: str) -> bool:
    """A reporting word that can be an option as it stands in the article."""
    return bool(cue) and len(cue.split()) <= 3 and cue[0].isalpha()


def _cue_words(cue: str, verb: str, where: str = "") -> str:
    """ "The reporting word “said”{where} links" or "The reporting words “told reporters” link"."""
    if not cue.strip():
        return f"The article{where} {verb}s"
    if len(cue.split()) == 1:
        return f"The reporting word “{cue}”{where} {verb}s"
    return f"The reporting words “{cue}”{where} {verb}"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _lemma(cue: str) -> str:
    words = cue.casefold().split()
    return " ".join(_LEMMAS.get(w, w) for w in words if w not in ("has", "have", "had", "was"))


def _cue_lemma(given: str | None, cue: str) -> str:
    """The detector's lemma when it is one the generator knows ("say"), else the cue's own verb
    ("told broadcasters" -> "tell")."""
    if given and (given in _ASKABLE or " " not in given):
        return given
    words = cue.split()
    return _LEMMAS.get(words[0].casefold(), _lemma(cue)) if words else (given or "")


def _sentence_text(article: Article, s: _Source) -> str | None:
    """The source's sentence, to quote inside “…” (None when its quotation marks do not pair)."""
    if not s.sentence:
        return None
    text = phrasing.curly(_clean(article.text[s.sentence[0] : s.sentence[1]]))
    return phrasing.nested(text) if text is not None else None


def _names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
