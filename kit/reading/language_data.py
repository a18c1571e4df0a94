"""A language's reading data: the files of its folder in kit/data, read into sets and tables.

Every language but English is read by the same rules (kit.reading.cue_rules) from the same files:

- `quotes.yaml`: its quotation marks (the keys of en/quotes.yaml);
- `cues.yaml`: reporting verbs with their stance and forms, and the phrases that name a source
  before or after them ("laut", "zufolge", ", so ...", "wie ... mitteilte", "hieß es"), the
  subjunctive forms that carry reported speech on into sentences with no cue, and whether any
  verb after a quotation reports it (`quote_then_any_verb`);
- `sources.yaml`: titles, unnamed-source words, institutions, documents, outlets, pronouns and
  the small words the rules step over;
- `stopwords.yaml` and `segmentation.yaml` (read by kit.articles for detection and splitting).

English keeps its own, longer-tuned rules and word lists (kit.reading.attribution, data/en/).
Adding a language is a folder with these files, and tests: no new code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from kit.errors import KitError
from kit.files import parse_yaml
from kit.reading.quotes import QuoteMarks, make_quote_marks

FILES = ("stopwords.yaml", "segmentation.yaml", "quotes.yaml", "cues.yaml", "sources.yaml")
STANCES = ("neutral", "emphasis", "doubt", "concession")
WORD_LISTS = (
    "titles",
    "title_endings",
    "anonymous",
    "institutions",
    "documents",
    "outlets",
    "outlet_names",
    "pronouns",
    "determiners",
    "stop_words",
    "openers",
    "demonstratives",
    "prepositions",
    "auxiliaries",
    "conjunctions",
    "according_nouns",
    "passive",
    "source_prepositions",
    "subject_pronouns",
    "adverb_endings",
    "not_said",
    "indicative",
    "relative_sources",
    "time_words",
    "object_determiners",
)


@dataclass(frozen=True)
class VerbForm:
    """One form of a reporting verb: "teilte" (particle "mit"), "mitteilte", "mitgeteilt"."""

    lemma: str
    stance: str
    particle: str | None  # a finite form of a separable verb needs it later in its clause
    content: str  # "clause" (", sie sei ...") or "object" ("kritisierte den Plan")
    participle: bool = False  # "erklärt" in "hat erklärt", "wurde mitgeteilt"
    passive_subject: bool = False  # the passive's subject is the speaker: "er wird zitiert"


@dataclass(frozen=True)
class LanguageData:
    """What the rules read of one language."""

    code: str
    marks: QuoteMarks
    forms: dict[str, tuple[VerbForm, ...]]
    source_after: dict[tuple[str, ...], str]  # phrase -> stance
    source_before: dict[str, str]
    tail: dict[str, str]
    impersonal: dict[tuple[str, ...], str]
    subordinate: frozenset[str]
    around: dict[str, str]
    self_source: dict[str, str]
    subjunctive: frozenset[str]
    words: dict[str, frozenset[str]]
    quote_then_any_verb: bool = False  # "„...“, strich Romney heraus": any verb reports

    @cached_property
    def verb_lemmas(self) -> frozenset[str]:
        """The lemmas of the reporting verbs."""
        return frozenset(f.lemma for forms in self.forms.values() for f in forms)

    @cached_property
    def phrase_lemmas(self) -> frozenset[str]:
        """The cues that name a source by a phrase ("laut", "nach angaben", "zufolge", "so"), and
        reported speech going on ("~subj"): a quotation inside what they report counts too."""
        phrases = [" ".join(p) for p in self.source_after] + ["~subj"]
        return frozenset([*phrases, *self.source_before, *self.tail, *self.around])

    def is_a(self, low: str, kind: str) -> bool:
        """Is the lower-case word one of `kind`, or a compound that ends with one?"""
        words = self.words[kind]
        for stem in _stems(low):
            if stem in words or any(stem[k:] in words for k in range(1, len(stem) - 2)):
                return True
        return False


def _stems(low: str) -> tuple[str, ...]:
    """The word and its forms without a case or plural ending ("Ministeriums", "Behörden")."""
    if low.endswith(("es", "en")):
        return (low, low[:-1], low[:-2])
    if low.endswith(("s", "n")):
        return (low, low[:-1])
    return (low,)


def _folder(code: str) -> Traversable:
    return resources.files("kit").joinpath("data", code)


def has_rules(code: str) -> bool:
    """Does kit/data hold a folder of rules for this language (not English: its own rules)?"""
    return code != "en" and _folder(code).joinpath("cues.yaml").is_file()


@cache
def language_data(code: str) -> LanguageData:
    """The data of a language in kit/data (read once per process)."""
    return load_language(_folder(code), code)


def load_language(folder: Traversable | Path, code: str) -> LanguageData:
    """Read a language folder; a missing file or a malformed list is a KitError naming it."""
    data = {}
    for name in FILES:
        path = folder.joinpath(name)
        where = f"kit/data/{code}/{name}"
        if not path.is_file():
            raise KitError(
                f"the language folder {code} has no {name}",
                path=where,
                fix=f"copy {name} from kit/data/de and translate its words",
            )
        data[name] = parse_yaml(path.read_text(encoding="utf-8"), where) or {}
    cues, sources = data["cues.yaml"], data["sources.yaml"]
    forms: dict[str, list[VerbForm]] = {}
    for stance, verbs in (cues.get("verbs") or {}).items():
        _check_stance(stance, code)
        for lemma, spec in (verbs or {}).items():
            spec = spec or {}
            particle = spec.get("particle")
            content = spec.get("content", "clause")
            finite = [_word(f, code, "cues.yaml") for f in spec.get("forms") or []]
            for f in finite:
                forms.setdefault(f, []).append(VerbForm(lemma, stance, particle, content))
            joined = [particle + f for f in finite] if particle else []
            for f in joined:
                forms.setdefault(f, []).append(VerbForm(lemma, stance, None, content))
            if spec.get("participle"):
                f = _word(spec["participle"], code, "cues.yaml")
                subject = spec.get("passive") == "subject"
                forms.setdefault(f, []).append(
                    VerbForm(lemma, stance, None, content, True, subject)
                )
    words = {}
    for key in WORD_LISTS:
        words[key] = frozenset(_word(w, code, "sources.yaml") for w in sources.get(key) or [])
    return LanguageData(
        code=code,
        marks=make_quote_marks(data["quotes.yaml"]),
        forms={k: tuple(v) for k, v in forms.items()},
        source_after=_phrases(cues.get("source_after"), code),
        source_before={p[0]: s for p, s in _phrases(cues.get("source_before"), code).items()},
        tail={p[0]: s for p, s in _phrases(cues.get("tail"), code).items()},
        impersonal=_phrases(cues.get("impersonal"), code),
        subordinate=frozenset(p[0] for p in _phrases(cues.get("subordinate"), code)),
        around={p[0]: s for p, s in _phrases(cues.get("around"), code).items()},
        self_source={p[0]: s for p, s in _phrases(cues.get("self_source"), code).items()},
        subjunctive=frozenset(_word(w, code, "cues.yaml") for w in cues.get("subjunctive") or []),
        quote_then_any_verb=cues.get("quote_then_any_verb") is True,
        words=words,
    )


def _word(value: object, code: str, name: str) -> str:
    if not isinstance(value, str):
        raise KitError(
            f"kit/data/{code}/{name} has {value!r} where a word belongs",
            fix="put the word in quotes (YAML reads yes, no, on and off as true or false)",
        )
    return value.lower()


def _check_stance(stance: str, code: str) -> None:
    if stance not in STANCES:
        raise KitError(
            f"kit/data/{code}/cues.yaml has the stance {stance!r}",
            fix=f"use one of {', '.join(STANCES)}",
        )


def _phrases(by_stance: dict | None, code: str) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for stance, items in (by_stance or {}).items():
        _check_stance(stance, code)
        for p in items or []:
            out[tuple(_word(p, code, "cues.yaml").split())] = stance
    return out
