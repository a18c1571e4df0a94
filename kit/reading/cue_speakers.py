"""Who a source phrase names, for kit.reading.cue_rules: the speaker and the source type.

The speaker is the name in the phrase without its titles ("Bundeskanzlerin Angela Merkel" ->
"Angela Merkel"); a pronoun is the person last named, a surname alone the full name seen before;
a phrase with no name is its own speaker ("Ein Sprecher des Ministeriums"). The type comes from
the phrase's head noun, read in the language's word lists (compounds by their ending).
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.reading.language_data import LanguageData


@dataclass(frozen=True, slots=True)
class Tok:
    """A word or punctuation mark of a sentence."""

    start: int
    end: int
    word: str
    low: str
    quoted: bool  # inside a quotation (its marks included)


class Speakers:
    """The people named so far in one article, and what each source phrase names."""

    def __init__(self, text: str, lang: LanguageData) -> None:
        self.text = text
        self.lang = lang
        self.w = lang.words
        self.people: dict[str, str] = {}  # surname -> full name, as named so far
        self.last_person: str | None = None
        self.titles: list[tuple[str, str]] = []  # (title, full name), in text order

    def who(self, toks: list[Tok]) -> tuple[str | None, str]:
        """The speaker (a name without titles, or the phrase) and the source type."""
        w, lang = self.w, self.lang
        if not toks:
            return None, "unknown"
        if len(toks) == 1 and toks[0].low in w["pronouns"]:
            if toks[0].low == "man":
                return None, "unknown"
            return self.last_person, "named_person" if self.last_person else "unknown"
        words = [t for t in toks if t.low not in w["determiners"]]
        head = next((t for t in words if t.word[0].isupper()), None)
        if head is None:
            return _text(self.text, toks), "unknown"
        hl = head.low
        if lang.is_a(hl, "outlets") or hl in w["outlet_names"]:
            return _text(self.text, words), "other_outlet"
        name = self._name(toks)
        if name:
            full = self._full_name(name)
            self.last_person = full
            return full, "named_person"
        if hl in w["titles"] or lang.is_a(hl, "title_endings"):
            known = self._titled(hl)  # "die Kanzlerin": the chancellor named before
            if known and len(words) <= 2:
                self.last_person = known
                return known, "named_person"
        for kind, source_type in (
            ("documents", "document"),
            ("anonymous", "anonymous"),
            ("title_endings", "anonymous"),
            ("institutions", "institution"),
        ):
            if lang.is_a(hl, kind):
                return _text(self.text, words), source_type
        return _text(self.text, words), "unknown"

    def _name(self, toks: list[Tok]) -> str | None:
        """A person's name in the phrase: capitalised words that are no title, noun or institution.

        A run of such words right after an article is a noun ("die Vereinsführung", "des
        Influenza-Programms"), not a name; of the others, the one after a title or role wins
        ("Der Schweizer Politiker Joseph Deiss"), else the longest. One word alone is a name only
        when it is the whole phrase or a surname named before.
        """
        w, lang = self.w, self.lang
        runs: list[tuple[list[str], bool]] = []  # (words, after a title or role)
        run: list[str] = []
        after_title = after_det = after_org = False
        for k, t in enumerate(toks):
            if t.word == ".":
                continue  # "Dr. Müller": the title's full stop
            low = t.low
            cap = t.word[0].isupper()
            is_title = low in w["titles"] or lang.is_a(low, "title_endings")
            known = is_title or self._known(low)
            if cap and not known and t.word[0].isalpha() and low not in w["determiners"]:
                if not run and (after_det or after_org):
                    after_det = False
                    continue  # a noun after its article; "der Firma Stärke GmbH": a firm's name
                run.append(t.word)
                continue
            nxt_cap = k + 1 < len(toks) and toks[k + 1].word[0].isupper()
            if low in ("von", "van", "de", "zu", "al", "bin", "el") and run and nxt_cap:
                run.append(t.word)
                continue
            if run:
                runs.append((run, after_title))
                run = []
            after_det = low in w["determiners"] or (not cap and after_det and t.word[0].isalpha())
            after_title = is_title or (known and cap)
            after_org = known and cap and not is_title and not lang.is_a(low, "anonymous")
            after_title = after_title and not after_org
        if run:
            runs.append((run, after_title))
        if not runs:
            return None
        titled = [r for r, a in runs if a]
        best = titled[-1] if titled else max((r for r, _ in runs), key=len)
        if len(best) == 1 and not titled and best[0].lower() not in self.people:
            if len(toks) != 1 or toks[0].word.isupper():
                return None
        return " ".join(best)

    def _known(self, low: str) -> bool:
        lang = self.lang
        return (
            lang.is_a(low, "anonymous")
            or lang.is_a(low, "institutions")
            or lang.is_a(low, "documents")
            or lang.is_a(low, "outlets")
            or low in self.w["outlet_names"]
        )

    def _titled(self, title: str) -> str | None:
        """The person last named with this title (or one ending with it: "Bundeskanzlerin")."""
        for known, name in reversed(self.titles):
            if known.endswith(title):
                return name
        return None

    def _full_name(self, name: str) -> str:
        key = name.split()[-1].lower()
        if " " not in name and key in self.people:
            return self.people[key]
        if " " in name:
            self.people[key] = name
        return name

    def learn_names(self, toks: list[Tok]) -> None:
        """Full names (two capitalised words after a title) seen in the text, for surnames and
        titles later."""
        w = self.w
        for k in range(len(toks) - 2):
            t = toks[k]
            if t.low in w["titles"] or self.lang.is_a(t.low, "title_endings"):
                a, b = toks[k + 1], toks[k + 2]
                if (
                    a.word[0].isupper()
                    and b.word[0].isupper()
                    and a.word.isalpha()
                    and b.word.replace("-", "").isalpha()
                    and not self._known(a.low)
                    and not self._known(b.low)
                ):
                    name = f"{a.word} {b.word}"
                    self.people.setdefault(b.low, name)
                    self.titles.append((t.low, name))


def _text(text: str, toks: list[Tok]) -> str | None:
    return text[toks[0].start : toks[-1].end] if toks else None
