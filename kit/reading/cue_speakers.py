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

    def who(self, toks: list[Tok]) -> tuple[str | None, str]:
        """The speaker (a name without titles, or the phrase) and the source type."""
        w, lang = self.w, self.lang
        if not toks:
            return None, "unknown"
        if len(toks) == 1 and toks[0].low in w["pronouns"]:
            if toks[0].low in ("man",):
                return None, "unknown"
            return self.last_person, "named_person" if self.last_person else "unknown"
        words = [t for t in toks if t.low not in w["determiners"]]
        # The head: the first capitalised word, before a genitive or "von" that follows it.
        head = None
        for t in words:
            if t.word[0].isupper():
                head = t
                break
        if head is None:
            return _text(self.text, toks), "unknown"
        hl = head.low
        after = words[words.index(head) + 1 :]
        name = self._name(words)
        if lang.is_a(hl, "outlets") or hl in w["outlet_names"]:
            return _text(self.text, words), "other_outlet"
        if name:
            full = self._full_name(name)
            self.last_person = full
            return full, "named_person"
        if lang.is_a(hl, "documents"):
            return _text(self.text, words), "document"
        if lang.is_a(hl, "anonymous"):
            return _text(self.text, words), "anonymous"
        if lang.is_a(hl, "institutions"):
            return _text(self.text, words), "institution"
        del after
        return _text(self.text, words), "unknown"

    def _name(self, words: list[Tok]) -> str | None:
        """A person's name in the phrase: capitalised words that are no title, noun or institution.

        Of several runs ("Der Schweizer Politiker Joseph Deiss"), the one after a title or role
        wins, else the longest; one word alone is a name only when it is the whole phrase or a
        surname named before ("die Vereinsführung" is a noun).
        """
        w, lang = self.w, self.lang
        runs: list[tuple[list[str], bool]] = []  # (words, after a title or role)
        run: list[str] = []
        after_title = False
        for k, t in enumerate(words):
            low = t.low
            cap = t.word[0].isupper()
            is_title = low in w["titles"] or lang.is_a(low, "title_endings")
            known = (
                is_title
                or lang.is_a(low, "anonymous")
                or lang.is_a(low, "institutions")
                or lang.is_a(low, "documents")
                or lang.is_a(low, "outlets")
                or low in w["outlet_names"]
            )
            if cap and not known and t.word[0].isalpha():
                run.append(t.word)
                continue
            nxt_cap = k + 1 < len(words) and words[k + 1].word[0].isupper()
            if low in ("von", "van", "de", "zu", "al", "bin", "el") and run and nxt_cap:
                run.append(t.word)
                continue
            if run:
                runs.append((run, after_title))
                run = []
            after_title = is_title or (known and cap)
        if run:
            runs.append((run, after_title))
        if not runs:
            return None
        titled = [r for r, a in runs if a]
        best = titled[-1] if titled else max((r for r, _ in runs), key=len)
        if len(best) == 1 and not titled and best[0].lower() not in self.people:
            if len(words) != 1 or words[0].word.isupper():
                return None
        return " ".join(best)

    def _full_name(self, name: str) -> str:
        key = name.split()[-1].lower()
        if " " not in name and key in self.people:
            return self.people[key]
        if " " in name:
            self.people[key] = name
        return name

    def learn_names(self, toks: list[Tok]) -> None:
        """Full names (two capitalised words after a title) seen in the text, for surnames later."""
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
                ):
                    self.people.setdefault(b.low, f"{a.word} {b.word}")


def _text(text: str, toks: list[Tok]) -> str | None:
    return text[toks[0].start : toks[-1].end] if toks else None
