"""The word lists of the attribution rules, read once from kit/data.

`source_lexicon()` holds the reporting cues (data/en/reporting_cues.yaml: verbs with their forms,
phrases and stances) and the source words (data/en/source_words.yaml: titles, roles, institutions,
outlets, anonymous and document words). The sets below are the small words the rules step over or
stop at (data/en/source_rule_words.yaml: determiners, auxiliaries, time words ...).

These are English's lists (kit/data/en/: these three, its quotation marks in quotes.yaml and its
name patterns in names.yaml), read by the English rules. Every other language is a folder of
kit/data with the files of kit.reading.language_data, read by kit.reading.cue_rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kit.reading.lexicon import package_words, package_yaml

LANGUAGE = "en"


def language_file(name: str, language: str = LANGUAGE) -> str:
    """The path under kit/data of one of a language's data files."""
    return f"{language}/{name}"


_WORDS = package_words(language_file("source_rule_words.yaml"))
COMPANY_ENDS = frozenset(_WORDS["company_ends"])
HEADLINE_LABELS = frozenset(_WORDS["headline_labels"])
PERSON_TITLES = frozenset(_WORDS["person_titles"])
OTHER_ROLE = frozenset(_WORDS["other_roles"])
PARTICLES = frozenset(_WORDS["name_particles"])
FUNCTION_CAPS = frozenset(_WORDS["function_caps"])
GENERIC_OUTLETS = frozenset(_WORDS["generic_outlets"])
CORE_STOP = frozenset(_WORDS["core_stops"])
INDEFINITE = frozenset(_WORDS["indefinite"])
DETS = frozenset(_WORDS["determiners"])
NOUN_BEFORE = frozenset(_WORDS["noun_before"])
PREPS = frozenset(_WORDS["prepositions"])
RELATIVE = frozenset(_WORDS["relative"])
BOUNDARY_WORDS = frozenset(_WORDS["clause_words"])
COORDINATORS = frozenset(_WORDS["coordinators"])
AUX = frozenset(_WORDS["auxiliaries"])
MODALS = frozenset(_WORDS["modals"])
TIME_WORDS = frozenset(_WORDS["time_words"])
GERUND_PREPS = frozenset(_WORDS["gerund_prepositions"])
PUBLISHED_PP = frozenset(_WORDS["published_participles"])
PP_BY = frozenset(_WORDS["published_participle_next"])
PUBLISHED = frozenset(_WORDS["published_words"])
ADVERBIAL_NOUNS = frozenset(_WORDS["adverbial_nouns"])
SUBJECT_LEADS = frozenset(_WORDS["subject_leads"])
NOUN_CUES = frozenset(_WORDS["noun_cues"])
INVERTING_CUES = frozenset(_WORDS["inverting_cues"])
# Unions of the lists above, made once rather than at each use.
OBJECT_PREPS = PREPS | {"by", "with", "about"}
PREPS_DETS_BY = PREPS | DETS | {"by"}
PREPS_THE = PREPS | {"the"}
TIME_OR_AUX = TIME_WORDS | AUX
BOUNDARY_OR_TIME = BOUNDARY_WORDS | TIME_WORDS
TIME_NOT_PREP = TIME_WORDS - {"the", "in", "on", "at"}


@dataclass(frozen=True)
class Form:
    """One form of a reporting verb ("said"): its lemma, stance, frame and kind of form."""

    lemma: str
    stance: str
    frame: str
    kind: str  # base, s, past, ing, pp


@dataclass
class SourceLexicon:
    """The reporting cues and source words, as sets and tables the rules look words up in."""

    forms: dict[str, Form]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, stance)
    audiences: frozenset[str]
    words: dict[str, frozenset[str]]
    phrase_sets: dict[str, frozenset[str]]
    gender: dict[str, str]
    heads: frozenset[str]
    modifiers: frozenset[str]
    anonymous_phrase: re.Pattern[str]  # any of the anonymous phrases, found with one search
    first_words: frozenset[str] = frozenset()
    not_name: frozenset[str] = frozenset()
    not_person: frozenset[str] = frozenset()  # modifiers | not_name | honorifics: not a name
    nouns: dict[str, tuple[str, str]] = field(default_factory=dict)  # "claims" -> (claim, doubt)
    quote_nouns: frozenset[str] = frozenset()  # "answer": a noun cue a quotation may follow


def verb_forms(lemma: str, spec: dict) -> list[tuple[str, str]]:
    """(form, kind) of a verb in the cue lists: its `forms` as given ("base|3rd person|past|-ing|
    participle"; "-" leaves a form out: "attack" and "attacks" are nouns more often than verbs),
    else the regular ones."""
    if "forms" not in spec:
        return regular_forms(lemma)
    kinds = ("base", "s", "past", "ing", "pp")
    return [(f, k) for f, k in zip(spec["forms"].split("|"), kinds) if f != "-"]


def regular_forms(lemma: str) -> list[tuple[str, str]]:
    if lemma.endswith("e"):
        s, ed, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        s, ed, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        s, ed, ing = lemma + "es", lemma + "ed", lemma + "ing"
    else:
        s, ed, ing = lemma + "s", lemma + "ed", lemma + "ing"
    return [(lemma, "base"), (s, "s"), (ed, "past"), (ing, "ing")]


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


@lru_cache(maxsize=1)
def source_lexicon() -> SourceLexicon:
    cues = package_yaml(language_file("reporting_cues.yaml"))
    words = package_yaml(language_file("source_words.yaml"))
    forms: dict[str, Form] = {}
    for stance, verbs in cues["verbs"].items():
        for lemma, spec in verbs.items():
            spec = spec or {}
            frame = spec.get("frame", "clause")
            for form, kind in verb_forms(lemma, spec):
                forms.setdefault(form, Form(lemma, stance, frame, kind))
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for stance, items in cues["phrases"].items():
        for p in items or []:
            ws = tuple(p.lower().split())
            phrases.setdefault(ws[0], []).append((ws, stance))
    for lst in phrases.values():
        lst.sort(key=lambda x: -len(x[0]))
    single: dict[str, frozenset[str]] = {}
    multi: dict[str, frozenset[str]] = {}
    for key, value in words.items():
        if isinstance(value, list):
            vals = [str(v).lower() for v in value]
            single[key] = frozenset(v for v in vals if " " not in v)
            multi[key] = frozenset(v for v in vals if " " in v)
    single["person_singular"] = single["person_heads"]
    for key in (
        "anonymous",
        "person_heads",
        "institutions",
        "documents",
        "social_posts",
    ):
        single[key] = single[key] | frozenset(_plural(w) for w in single[key])
    gender = {}
    for g, ws in words["honorifics"].items():
        for w in ws:
            gender[w.rstrip(".")] = g
    pron = words["pronouns"]
    single["pronouns"] = frozenset(w for ws in pron.values() for w in ws)
    heads = (
        single["anonymous"]
        | single["person_heads"]
        | single["institutions"]
        | single["documents"]
        | single["social_posts"]
        | single["outlets"]
        | single["roles"]
    )
    modifiers = single["nationalities"] | single["roles"] | frozenset(gender)
    not_name = (
        single["not_names"]
        | single["institutions"]
        | single["countries"]
        | single["outlets"]
        | single["metonyms"]
        | single["documents"]
    )
    nouns: dict[str, tuple[str, str]] = {}
    for stance, items in (cues.get("nouns") or {}).items():
        for noun in items or []:
            nouns.setdefault(noun, (noun, stance))
            nouns.setdefault(_plural(noun), (noun, stance))
    return SourceLexicon(
        nouns=nouns,
        quote_nouns=frozenset(cues.get("quote_nouns") or ()),
        forms=forms,
        phrases=phrases,
        audiences=frozenset(a.lower() for a in cues["audiences"]),
        words=single,
        phrase_sets=multi,
        gender=gender,
        heads=heads,
        modifiers=modifiers,
        anonymous_phrase=re.compile("|".join(map(re.escape, sorted(multi["anonymous_phrases"])))),
        first_words=frozenset(forms) | frozenset(phrases),
        not_person=modifiers | not_name | frozenset(gender),
        not_name=not_name,
    )
