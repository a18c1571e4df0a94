"""A reader's checks on generated quiz text: what a teacher would have to fix by hand.

Independent of the generator's own rules (kit.quiz.phrasing): these read the finished prompts,
options and explanations as text. `tests/test_quiz_wording.py` shows each check failing on the
sentences issue 15 found ("who announced following the early release of stock, some stores can't
run the Wednesday special?", "as News.com.au report's exact words", "... look it up. no one else
is named").
"""

from __future__ import annotations

import re

from kit.quiz.model import Quiz

#: Reporting verbs a generated "who <verb> ...?" question uses.
_WHO = re.compile(
    r"\bwho (?:said|stated|claimed|accused|warned|insisted|argued|admitted|announced|denied|"
    r"suggested|explained|noted) (?P<rest>.*)"
)
#: Words that cannot open the clause after "who said": a fronted phrase, a missing subject.
_NOT_A_SUBJECT = set(
    "following after before at in on to for with by from during despite as while when if because "
    "although though since amid according of about into over under through without and but or so "
    "also however meanwhile then yet is are was were has have had will would can could may might "
    "should must did does do not".split()
)
_DETERMINERS = set("the a an his her its their this that these those my our your".split())


def text_problems(text: str, role: str) -> list[str]:
    """What reads badly in one text. `role`: prompt, statement (a true-or-false prompt), option,
    word (an option quoted from the article as it stands) or explanation."""
    out = []
    if not text or text != text.strip():
        return [f"empty or padded: {text!r}"]
    first = text.lstrip("“‘\"'(")
    if role != "word" and first[:1].isalpha() and not first[:1].isupper():
        out.append("does not start with a capital")
    if role == "prompt" and not text.endswith("?"):
        out.append("a question that does not end with '?'")
    if role == "statement" and not re.search(r"[.!?][”’)]?$", text):
        out.append("a statement that does not end with a full stop")
    if role == "explanation" and not re.search(r"[.!?][”’)]?$", text):
        out.append("does not end with a full stop")
    if "  " in text:
        out.append("doubled space")
    if re.search(r"“\s*”|‘\s*’", text):
        out.append("empty quotation marks")
    outside = _outside_quotes(text)
    if re.search(r"([,;:!?])\s*\1|(?<!\.)\.\s*\.(?!\.)|[,;:]\s*[.?!]|\.\s*[,;:]", outside):
        out.append("doubled punctuation")
    if re.search(r"(?<![A-Z])[.,;:][”’\"]*\s*\?$", text):
        out.append("a full stop or comma before the final '?'")
    if re.search(r"(?<![A-Z])[.!?][”’)]?\s+[a-z]", outside):
        out.append("a sentence that starts in lower case")
    if re.search(r"\w['’]s?['’](?!\w)", text) or re.search(r"\w['’]['’]", text):
        out.append("a broken possessive ('s' next to a quotation mark)")
    for m in re.finditer(
        r"(?P<before>\S+) (?P<caps>(?:[A-Z][\w.&-]* )+)(?P<noun>[a-z]+(?:['’]s|s['’]))(?!\w)", text
    ):
        if m.group("before").casefold() not in _DETERMINERS:
            out.append(f"a possessive without its determiner: '{m.group()}'")
    out += _quote_problems(text)
    m = _WHO.search(text)
    if role == "prompt" and m:
        rest = m.group("rest")
        word = rest.split()[0].strip("“‘\"',").casefold() if rest.split() else ""
        if word in _NOT_A_SUBJECT or re.fullmatch(r"\w+ing", word):
            out.append(f"a phrase spliced into the question after 'who': '{rest[:40]}'")
        if ";" in rest or re.search(r"(?<![A-Z])\.\s+[A-Za-z]", _outside_quotes(rest)):
            out.append("two sentences spliced into one question")
        head = rest.split(",", 1)[0]
        if "," in rest and not re.search(
            r"\b(is|are|was|were|has|have|had|will|would|can|could|may|might|\w+ed|\w+s)\b", head
        ):
            out.append(f"a fronted phrase spliced into the question: '{head}'")
    return out


def _outside_quotes(text: str) -> str:
    """The text without what stands inside “…” (the article's own words)."""
    return re.sub(r"“[^“”]*”", "“”", text)


def _quote_problems(text: str) -> list[str]:
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
            if depth > 1:
                return ["double quotation marks inside double quotation marks"]
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return ["a closing quotation mark with no opening one"]
    out = ["an opening quotation mark that is never closed"] if depth else []
    if text.count('"') % 2:
        out.append("an odd number of straight quotation marks")
    return out


def quiz_problems(quiz: Quiz) -> list[str]:
    """Every wording problem in a generated bank, one line each: question id, text, problem."""
    out = []
    for q in quiz.questions:
        texts = [(q.prompt, "statement" if q.type == "truefalse" else "prompt")]
        role = "word" if q.id.startswith("verb-") else "option"
        texts += [(o, role) for o in q.options]
        texts += [(f, "explanation") for f in q.feedback if isinstance(f, str) and f]
        if q.explanation:
            texts.append((q.explanation, "explanation"))
        for text, kind in texts:
            out += [f"{q.id}: {problem}: {text}" for problem in text_problems(text, kind)]
    return out
