"""Patterns the claim rules (`kit.reading.claim_rules`) use to tell sentences that only look like
claims of one type from those that are: a distance that places something, a place in a ranking,
a question without its mark, a debate moderator keeping time, what a law says, a purpose, a
cause in the future, a law named as the topic, a decision announced in the passive; and for
check-worthiness, a claim presented as a fact ("The fact is, ..."); the writer's verdict in plain
words ("But the risk is real.").

The rules try each only where its words can be (after a number, at a cue word, or when the
sentence starts with the right word), so they cost little on the hot path.
"""

from __future__ import annotations

import re

from kit.reading.lexicon import package_words

_WORDS = package_words("claim_rule_words.yaml")

# "100 miles from Okinawa": a distance that places something, rarely the claim itself.
PLACE_AFTER = re.compile(
    r"\s?(?:km|kilometres?|kilometers?|miles?|metres?|meters?)\s+(?:from|away|off|outside|"
    r"north|south|east|west|north-?east|north-?west|south-?east|south-?west)\b",
    re.I,
)

# "ranked 27th", "finished 3rd": an ordinal that is a place in a ranking, not a date.
RANK_BEFORE = re.compile(
    r"\b(?:ranked|ranks|rank|finished|finishes|placed|came|comes|rated|seeded|fell\s+to|rose\s+to)"
    r"\s+(?:only\s+|just\s+)?$",
    re.I,
)

# "Or how can we improve ...": a question, even when the transcript forgot its question mark.
WH_QUESTION = re.compile(
    r"\W*(?:(?:or|and|but|so)\s+)?(?:how|what|why|where|who|which|when)\s+(?:can|could|should|"
    r"do|does|did|would|will|shall|are|were)\s+(?:we|you|they|i|he|she)\b",
    re.I,
)

# "So what do I even tell you, we've had so many problems": the question only opens a claim.
CLAUSE_AFTER_QUESTION = re.compile(
    r"[—–;:]|,\s+(?!you\s+know\b)(?:we|i|it|they|he|she|you|there)(?:['’]\w+|\s)", re.I
)

# A moderator keeping time: "Secretary Clinton, you have two minutes."
TIMEKEEPING = re.compile(
    r"\byou\s+(?:have|['’]ve\s+got)\s+(?:a|one|two|three|thirty|sixty|ninety|\d+)\s+(?:more\s+)?"
    r"(?:minutes?|seconds?)\b|\btime\s+is\s+up\b|\bwait\s+a\s+minute\b",
    re.I,
)

# "Under Maryland state law, ...", "Under the agreement, ...": what a rule says.
UNDER_RULE = re.compile(
    r"\W*under\s+(?:[\w.'’-]+\s+){0,5}?(?:law|laws|act|constitution|rules|treaty|agreement|deal|"
    r"legal\s+theory|regulations|bill|scheme|programme|program|plan|proposal)\b",
    re.I,
)

# "shortened so it would fit on a sign": what something was for, in the past, not a forecast.
PURPOSE_BEFORE = re.compile(
    r"\bso(?:\s+that)?\s+(?:it|he|she|they|we|i|you|people|(?:the|his|her|their)\s+[a-z]+)\s+$"
)

# "will lead to": a cause in the future is a forecast.
MODAL_BEFORE = re.compile(
    r"(?:\b(?:will|would|shall|going\s+to)|['’]ll)\s+(?:not\s+|also\s+|likely\s+|"
    r"probably\s+|eventually\s+|only\s+)?$"
)

# A law or a rule named after "of", "against", "about", "on": the topic, not what is claimed.
TOPIC_BEFORE = re.compile(
    r"\b(?:of|against|about|on|over)\s+(?:(?:the|a|an|its|their|his|her|this|that|these|those|"
    r"such|new|many|different|other|any|all)\s+)*$"
)

# "said public transport would be shut down": a decision announced, in the passive.
DECISION_AFTER = re.compile(
    r"\s+(?:not\s+)?(?:be|remain)\s+(?:" + "|".join(_WORDS["decision_participles"]) + r")\b",
    re.I,
)

# "The fact is, ...", "in fact": the speaker presents what follows as a fact (check-worthiness).
FACT_FRAME = re.compile(
    r"\b(?:in\s+fact|the\s+fact\s+is|(?:as\s+a\s+)?matter\s+of\s+fact|the\s+truth\s+is|"
    r"the\s+fact\s+of\s+the\s+matter|the\s+reality\s+is|the\s+facts\s+are)\b",
    re.I,
)

# "But the risk is real.", "The explanation is simple.", "That is no accident.": a short sentence
# that ends on the writer's verdict about what it names.
VERDICT = re.compile(
    r"\W*(?:(?:but|and|yet|so|still)\s+)?(?:the|this|that|it|such)(?:\s+[a-z]+){0,3}?\s+"
    r"(?:is|are|was|were)\s+(?:not\s+|also\s+|still\s+|just\s+|simply\s+|quite\s+|very\s+|so\s+)?"
    r"(?:(?:a|an|no)\s+)?(" + "|".join(_WORDS["verdict_words"]) + r")[\s.!\"”’']*$",
    re.I,
)
VERDICT_FIRST = frozenset(("but", "and", "yet", "so", "still", "the", "this", "that", "it", "such"))
