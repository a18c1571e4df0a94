"""The subject before a long aside: "Cory James, 22, of Flint, Mich., said", "Sandra Inman, a Cruz
supporter from Jackson, Miss., attending the convention, said", "Ben Carson, speaking with The Des
Moines Register editorial board, called", "Powell's office, when contacted by Reuters, said". The
noun phrase right before the cue is the aside's last one (a place, an outlet, an event); the one
who speaks is the noun phrase the sentence opens with, before the aside's first comma. Used by
`kit.reading.attribution.Attributor` in place of `NounPhrases.subject_before`; and after such an
aside, "told POLITICO, “...”" names the listener, not a speaker after the cue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kit.reading.cues import Cue
from kit.reading.tokens import rstrip_at

if TYPE_CHECKING:
    from kit.reading.attribution import Attributor

# How an aside after the subject opens: an age, a place ("of Flint", "from Ohio"), a relative
# clause, a participle ("speaking with", "facing", "reacting to", "attending"), a time or place
# phrase ("during a town hall", "in an interview with"), "when contacted by".
_ASIDE = re.compile(
    r",\s+(?:\d+|of|from|who|whose|which|when|while|during|in|at|on|after|before|like|"
    r"[a-z]+ing|a|an|the)\b"
)
# A modifier without commas between the subject and the noun phrase before the cue: a relative
# clause or a participle, ending with the preposition before that noun phrase.
_MODIFIER = re.compile(
    r"\s+(?:who|that)\s+(?:[\w’']+\s+){0,3}?[a-z]+(?:ed|ke|oke)\s+(?:to|with|by)\s+|"
    r"\s+[a-z]+(?:ing|ed)\s+(?:to|with|by)\s+"
)
_BEFORE_OBJECT = re.compile(r"\s(?:to|with|by)\s+$")
# An aside that is a list or a clause of its own: "Ohio, Texas, and Florida said", "..., but X".
_NOT_ASIDE = re.compile(r",\s*(?:and|or|but|so|yet)\s+[^,]*$|\b(?:and|or)\s*,?\s*$")


def aside_subject(att: Attributor, lo: int, end: int) -> tuple[int, int] | None:
    """The subject of a cue ending at `end`: `subject_before`'s, unless a long aside between
    commas stands between the sentence's opening noun phrase and the cue."""
    src = att.phrases.subject_before(lo, end)
    text = att.text
    comma = rstrip_at(text, end)
    if src is None or src[0] - lo < 6:
        return src  # nothing before the subject found: no aside to step over
    after_comma = text[comma - 1 : comma] == ","
    if not after_comma and _BEFORE_OBJECT.search(text, max(lo, src[0] - 8), src[0]) is None:
        return src  # no aside, and no "to", "with" or "by" before the subject found
    sent = att.doc.sentence_of(lo)
    if att.doc.sents[sent][0] != lo:
        return src  # a second clause of the sentence: its own subject
    first = att.classifier.sentence_subject(sent)
    if first is None or first[1] >= src[0] or first[0] == src[0]:
        return src
    if not after_comma:
        # "Officials who spoke with The Huffington Post said", "Another source speaking to Fox
        # News said": the phrase before the cue is the object inside the subject's modifier.
        head_end = first[1]
        if text[first[0] : head_end].endswith((" who", " that")):
            head_end = text.rindex(" ", first[0], head_end)  # "Officials who": the NP's own end
        m = _MODIFIER.match(text, head_end, src[0])
        return (first[0], head_end) if m is not None and m.end() == src[0] else src
    aside = text[first[1] : comma - 1]
    if not _ASIDE.match(aside) or _NOT_ASIDE.search(aside) or "\n" in aside:
        return src
    if text[lo : first[0]].strip(" \"“'‘"):
        return src  # an introductory phrase before it: "At the rally, X, 54, said" is X's anyway
    return first


def listener_after(att: Attributor, cue: Cue, j: int, s_hi: int) -> bool:
    """ "Dick Dever, who was listed on the Cruz slate, told POLITICO, “...”": after an aside's
    comma, the noun phrase after a cue that takes a listener (tokens up to `j`) is the listener
    when a quotation or "that" follows it, not a speaker named after the cue."""
    if cue.frame != "object":
        return False
    toks = att.tokens
    k = j + 1 if j < toks.n and toks.words[j] == "," else j
    if k >= toks.n or toks.starts[k] >= s_hi:
        return False
    return toks.lows[k] == "that" or att.doc.quote_starting_at(toks.starts[k], s_hi) is not None
