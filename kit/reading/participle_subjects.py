"""The subject a participle cue carries itself: "with three in 10 saying ...", "both men issued a
statement - Ryan saying ... and Trump calling it ...", "the share of Republicans saying ...",
"footage of Trump talking about ...": the noun phrase right before the "-ing" cue (no comma
between), after a preposition, a dash or "and", is the one who speaks, not the subject of the
sentence. Used by `kit.reading.attribution.Attributor`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.reading.cues import Cue

if TYPE_CHECKING:
    from kit.reading.attribution import Attributor

# Words before the noun phrase that make it the participle's own subject: "with officials
# saying", "- Ryan saying", "a chorus of Democrats urging", "an ad featuring Hispanics telling".
_LEADS = frozenset("with despite without amid of featuring including included and – — - --".split())

_DASHES = frozenset("– — - --".split())
# "X of Y -ing" where Y is no speaker of its own: a share of time, a place's name, a run of posts
# ("a series of tweets saying": the tweets' author's).
_NOT_OWNERS = frozenset("much state series".split())


def participle_subject(
    att: Attributor, cue: Cue, src: tuple[int, int], lead_at: int
) -> tuple[int, int] | None:
    """The noun phrase `src` right before the "-ing" cue, when it is the participle's own subject
    (`lead_at`: the index of the token before it); None when the participle continues the
    sentence's clause."""
    toks = att.tokens
    lead = toks.lows[lead_at] if lead_at >= 0 else ""
    if lead not in _LEADS:
        return None
    if lead in _DASHES and toks.starts[lead_at] <= att.doc.sents[att.doc.sentence_of(cue.start)][0]:
        return None  # "—Zinichev calling a halt": a dash opening a caption or a list item
    if lead == "and" and lead_at > 0 and toks.words[lead_at - 1][:1].isupper():
        return None  # "brothers John and Brian Meza talking": one name of two
    if lead == "of" and lead_at > 0 and toks.lows[lead_at - 1] in _NOT_OWNERS:
        return None  # "spent much of his campaign railing", "his home state of Texas calling"
    return src
