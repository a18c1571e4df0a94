"""The ClaimTagger: for each sentence, the claim type, whether it is worth checking, who makes the
claim, and a note. Each tagged sentence is one `tagging` annotation in the work file, with tags
`claim:<type>`, `checkworthy:<yes|minor|no>`, `claimant:<name>` and the note as its comment (a
note on a sentence without tags is a `commenting` annotation). When the teacher has a claim key
(kit.work.tag_keys; sealed in a student copy), "Check my tags" shows, for each tagged sentence,
whether the key agrees and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import traitlets as t

from kit.articles.article import Article
from kit.articles.segment import Sentence
from kit.errors import KitError
from kit.quiz.sealed_keys import answers_for_tagging, has_tagging_key
from kit.reading.labels import claim_label_sets
from kit.reading.sources import find_attributions
from kit.views.html import sentence_places
from kit.widgets._base import STATIC, CommandWidget, OnChange, label_dicts
from kit.work.annotations import Annotation, make_annotation, now
from kit.work.store import Draft, MemoryWorkspace, Workspace
from kit.work.tag_keys import claim_feedback

REPORTER = "the reporter"
KINDS = ("claim", "checkworthy", "claimant")
FIELDS = ("claim", "checkworthy", "claimant", "note")
MAX_NOTE = 2000
MAX_CLAIMANT = 120


def _places(article: Article) -> dict[int, str]:
    """Each sentence's place by its start, as every student table says it ("paragraph 3,
    sentence 2", "headline"): one numbering across the article, the taggers and the tables."""
    return {s.start: place for s, place in zip(article.sentences, sentence_places(article))}


def _span_of(hint: Any) -> tuple[int, int] | None:
    span = getattr(hint, "span", None)
    if span is not None:
        if hasattr(span, "start"):
            return int(span.start), int(span.end)
        return int(span[0]), int(span[1])
    if hasattr(hint, "start") and hasattr(hint, "end"):
        return int(hint.start), int(hint.end)
    return None


def _reason(reason: Any) -> str:
    """A reason as a phrase (kit.reading.claims gives `Reason` records with a `text`)."""
    return str(getattr(reason, "text", reason))


class ClaimTagger(CommandWidget):
    """Tag the claims of an article sentence by sentence; every change is saved at once.

    `sentences`: indexes into `article.sentences` (default: all). `suggestions`: the kit's
    claim suggestions (`kit.reading.claims.suggest(article)`), shown on request after the student
    decides. `labels`: the claim label set, as for `kit.reading.claims` (None: the kit's own
    `data/claim_labels.yaml`; or a teacher's file in that shape).
    """

    _esm = STATIC / "claim_tagger.js"
    _css = STATIC / "claim_tagger.css"

    sentences = t.List(t.Dict()).tag(sync=True)
    claim_types = t.List(t.Dict()).tag(sync=True)
    worth = t.List(t.Dict()).tag(sync=True)
    claimants = t.List(t.Unicode()).tag(sync=True)
    tags = t.Dict().tag(sync=True)
    hints = t.Dict().tag(sync=True)
    heading = t.Unicode("").tag(sync=True)
    instructions = t.Unicode("").tag(sync=True)
    checkable = t.Bool(False).tag(sync=True)
    feedback = t.Dict().tag(sync=True)

    def __init__(
        self,
        article: Article,
        workspace: Workspace | None = None,
        sentences: Iterable[int] | None = None,
        on_change: OnChange | None = None,
        suggestions: Iterable[Any] | None = None,
        labels: Any = None,
        heading: str = "",
        instructions: str = "",
    ) -> None:
        if not isinstance(article, Article):
            raise KitError(
                "the claim tagger needs an article", fix="load one with kit.load_article"
            )
        self.article = article
        self.claim_set, self.worth_set = claim_label_sets(labels)
        every = article.sentences
        chosen = range(len(every)) if sentences is None else sentences
        picked = []
        for i in chosen:
            if not isinstance(i, int) or not 0 <= i < len(every):
                raise KitError(
                    f"there is no sentence {i!r} in this article (it has {len(every)})",
                    fix=f"use sentence numbers from 0 to {len(every) - 1}",
                )
            picked.append(every[i])
        self._sentences: tuple[Sentence, ...] = tuple(picked)
        self._numbers = [every.index(s) for s in picked]  # each one's index in the article
        self._answers: dict[int, dict[str, str]] | None = None  # opened at the first check
        ws = workspace if workspace is not None else MemoryWorkspace(article)
        places = _places(article)
        super().__init__(
            ws,
            on_change,
            sentences=[
                {
                    "i": n,
                    "text": article.text[s.start : s.end],
                    "where": places.get(s.start, ""),
                    "start": s.start,
                    "end": s.end,
                }
                for n, s in enumerate(self._sentences)
            ],
            claim_types=label_dicts(self.claim_set),
            worth=label_dicts(self.worth_set),
            heading=heading or self.claim_set.title,
            instructions=instructions,
            hints=self._hints(suggestions),
            checkable=has_tagging_key(article, "claim"),
        )
        self._speakers = self._attributed_speakers()
        self._sync()

    def __repr__(self) -> str:
        tagged = sum(1 for v in self.tags.values() if v.get("claim"))
        return (
            f"ClaimTagger(article={self.article.id!r}, sentences={len(self._sentences)}, "
            f"tagged={tagged})"
        )

    # ------------------------------------------------------------------ reading

    def _is_tagging(self, a: Annotation) -> bool:
        """A claim tag (`tagging`), or a note on a sentence not tagged yet (`commenting`)."""
        if a.motivation == "commenting":
            return not a.tags
        return a.motivation == "tagging" and any(tag.split(":", 1)[0] in KINDS for tag in a.tags)

    def _by_sentence(
        self, annotations: Iterable[Annotation] | None = None
    ) -> dict[int, Annotation]:
        """Each tagging annotation (of `annotations`, default: the work as last read) placed on
        the sentence it covers most."""
        out: dict[int, Annotation] = {}
        for a in self.workspace.annotations if annotations is None else annotations:
            if not self._is_tagging(a):
                continue
            best, best_overlap = None, 0
            for n, s in enumerate(self._sentences):
                shared = min(a.end, s.end) - max(a.start, s.start)
                if shared > best_overlap:
                    best, best_overlap = n, shared
            if best is not None and best_overlap * 2 >= len(self._sentences[best]):
                out.setdefault(best, a)
        return out

    def tagging(self, sentence: int) -> dict[str, str]:
        """What the student chose for sentence `sentence`: claim, checkworthy, claimant, note."""
        self._sentence(sentence)
        return self._fields(self._by_sentence().get(sentence))

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """The student's claim tags in this exercise, in text order."""
        return tuple(sorted(self._by_sentence().values(), key=lambda a: (a.start, a.end)))

    @staticmethod
    def _fields(a: Annotation | None) -> dict[str, str]:
        if a is None:
            return dict.fromkeys(FIELDS, "")
        return {
            "claim": a.tag("claim") or "",
            "checkworthy": a.tag("checkworthy") or "",
            "claimant": a.tag("claimant") or "",
            "note": a.comment,
        }

    def _sentence(self, sentence: Any) -> Sentence:
        if not isinstance(sentence, int) or isinstance(sentence, bool):
            raise KitError("the sentence did not arrive as a number", fix="choose it again")
        if not 0 <= sentence < len(self._sentences):
            raise KitError(f"there is no sentence {sentence} here")
        return self._sentences[sentence]

    # ------------------------------------------------------------------ editing

    def set(self, sentence: int, **fields: str) -> Annotation | None:
        """Set any of claim, checkworthy, claimant, note for one sentence ('' clears it)."""
        ann = self._set(sentence, fields)
        self._sync()
        self._changed()
        return ann

    def _checked(self, field: str, value: Any) -> str:
        if field not in FIELDS:
            raise KitError(f"'{field}' cannot be tagged", fix=f"use {', '.join(FIELDS)}")
        value = "" if value is None else str(value).strip()
        labels = {"claim": self.claim_set, "checkworthy": self.worth_set}.get(field)
        if labels is not None and value:
            found = labels.get(value)
            if found is None:
                names = ", ".join(lab.value for lab in labels)
                raise KitError(f"'{value}' is not a choice here", fix=f"use one of: {names}")
            return found.value
        if field == "claimant":
            return value[:MAX_CLAIMANT]
        if field == "note":
            return value[:MAX_NOTE]
        return value

    def _set(self, sentence: Any, fields: dict[str, Any]) -> Annotation | None:
        s = self._sentence(sentence)
        checked = {field: self._checked(field, value) for field, value in fields.items()}

        def change(draft: Draft) -> Annotation | None:
            # the sentence's tags as saved now (another tab may have tagged it): only the
            # fields set here change, and a sentence never gets a second annotation
            ann = self._by_sentence(draft.annotations).get(sentence)
            values = self._fields(ann) | checked
            tags = [f"{k}:{values[k]}" for k in KINDS if values[k]]
            note = values["note"]
            motivation = "tagging" if tags else "commenting"
            if ann is None:
                if not tags and not note:
                    return None
                new = make_annotation(
                    self.article.text, s.start, s.end, tags, motivation=motivation, comment=note
                )
                return draft.put(replace(new, creator=self.workspace.student))
            if not tags and not note:
                draft.remove(ann.id)
                return None
            keep = [tag for tag in ann.tags if tag.split(":", 1)[0] not in KINDS]
            return draft.put(
                replace(
                    ann,
                    tags=tuple(tags + keep),
                    comment=note,
                    motivation=motivation,
                    modified=now(),
                )  # fmt: skip
            )

        return self.workspace.edit(change)

    def check(self) -> str:
        """Compare each tagged sentence with the teacher's claim key: `feedback` gets, for each,
        whether the key agrees and why; returns the summary the widget shows."""
        if self._answers is None:
            self._answers = answers_for_tagging(self.article, "claim")
        if not self._answers:
            self.feedback = {}
            return "There is no claim key from your teacher for this story yet."
        self._feedback()
        tagged = [n for n in range(len(self._sentences)) if str(n) in self.feedback]
        if not tagged:
            return "Tag some sentences first, then check them."
        agree = sum(
            self._answers.get(self._numbers[n], {}).get("claim") == self.tagging(n)["claim"]
            for n in tagged
        )
        return (
            f"Checked {len(tagged)} tagged sentences: the key gives the same claim type for "
            f"{agree}. Choose a sentence to read what the key says and why."
        )

    def _feedback(self) -> None:
        """The feedback of every tagged sentence (once the student has checked)."""
        if not self._answers:
            return
        by = self._by_sentence()
        out = {}
        for n in range(len(self._sentences)):
            chosen = self._fields(by.get(n))
            if chosen["claim"] or chosen["checkworthy"]:
                answer = self._answers.get(self._numbers[n])
                out[str(n)] = claim_feedback(answer, chosen, self.claim_set, self.worth_set)
        self.feedback = out

    def _cmd_check(self, _m: dict) -> str:
        return self.check()

    def _cmd_set(self, m: dict) -> str:
        field = m.get("field")
        if not isinstance(field, str):
            raise KitError("the widget sent a change without saying what changed")
        sentence = m.get("sentence")
        self._set(sentence, {field: m.get("value")})
        values = self._fields(self._by_sentence().get(sentence))
        where = self.sentences[sentence]["where"]
        n = where[:1].upper() + where[1:]
        if field == "claim":
            lab = self.claim_set.get(values["claim"])
            return f"Saved: {n}: {lab.title if lab else 'no claim type'}."
        if field == "checkworthy":
            lab = self.worth_set.get(values["checkworthy"])
            return f"Saved: {n}: {lab.title if lab else 'no rating'}."
        if field == "claimant":
            return f"Saved: {n}: the claim is made by {values['claimant'] or 'nobody chosen'}."
        if values["note"]:
            return f"Saved your note on {where}."
        return f"Removed the note on {where}."

    # ------------------------------------------------------------------ sync

    def _attributed_speakers(self) -> list[str]:
        names = []
        for a in find_attributions(self.article):
            if a.speaker:
                names.append(a.speaker)
            elif a.source is not None:
                names.append(self.article.text[a.source.start : a.source.end])
        return names

    def _claimant_choices(self, tagged: Iterable[Annotation]) -> list[str]:
        names = [REPORTER, *self._speakers]
        names += [
            a.exact
            for a in self.workspace.annotations
            if any(tag.startswith("source:") for tag in a.tags)
        ]
        names += [a.tag("claimant") or "" for a in tagged]
        seen: dict[str, str] = {}
        for name in names:
            clean = " ".join(name.split())[:MAX_CLAIMANT]
            if clean and clean.casefold() not in seen:
                seen[clean.casefold()] = clean
        return list(seen.values())

    def _sync(self) -> None:
        super()._sync()
        by = self._by_sentence()
        self.tags = {str(n): self._fields(a) | {"id": a.id} for n, a in by.items()}
        self.claimants = self._claimant_choices(by.values())
        if self._answers:  # checked already: the feedback follows the tags
            self._feedback()

    def _hints(self, suggestions: Iterable[Any] | None) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        # whole-sentence suggestions first; those for a quoted part of a sentence only fill gaps
        ordered = sorted(suggestions or (), key=lambda h: bool(getattr(h, "part", False)))
        for hint in ordered:
            span = _span_of(hint)
            if span is None:
                continue
            for n, s in enumerate(self._sentences):
                if min(span[1], s.end) - max(span[0], s.start) > 0 and str(n) not in out:
                    claim = self.claim_set.get(str(getattr(hint, "type", "") or ""))
                    worth = self.worth_set.get(str(getattr(hint, "checkworthy", "") or ""))
                    out[str(n)] = {
                        "claim": claim.title if claim else "",
                        "checkworthy": worth.title if worth else "",
                        "reasons": [_reason(r) for r in getattr(hint, "reasons", ()) or ()][:5],
                    }
                    break
        return out
