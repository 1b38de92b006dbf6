"""Reading what a clause says about whom: negation scope and the person a clause is about.

"No DV concerns this time, but ..." must not bring up domestic abuse; "I was shaken after the
visit" is the worker, not a baby; "Dad won't speak to me" is not a young person withdrawing.
Both readings are deliberately narrow, because a wrong one hides learning:

- Negation is only the reassurance practitioners write: "no concerns about X", "no X
  concerns", "no evidence / history / signs of X", "no injuries", "X ruled out", "X is not a
  concern". Plain "no" or "not" usually states the concern itself ("no food", "not seen since
  March", "hasn't had supervision"), so it negates nothing. The scope runs to the end of the
  sentence, which "but" also ends.
- A clause is about the first person it names: the writer ("I", "me", "my"), a parent or carer
  (mum, dad, partner, nan, M, F, ...), a child (child, boy, daughter, baby, YP, ...) or another
  professional (police, school, GP, HV, ...). A clause naming no one takes its sentence's last
  person, and so does one whose subject is a pronoun ("she won't speak to me" is about whoever
  "she" was), unless that was the writer: "he" and "she" are never "I". Only triggers that say
  whom they apply to (`child: won't speak`) use this.
"""

from __future__ import annotations

from wsw.text.words import Token

# Nouns that, after "no" (within three words), make it a reassurance about what follows.
_REASSURING = frozenset(
    {
        *("concern", "concerns", "worry", "worries", "issue", "issues", "evidence", "history"),
        *("sign", "signs", "indication", "indications", "suggestion", "record", "records"),
        *("report", "reports", "injury", "injuries", "mark", "marks"),
    }
)
_CONCERN = frozenset({"concern", "worry", "issue", "problem"})
_NO = frozenset({"no", "nil", "without", "none"})
_SCOPE = 8  # words a negation reaches at most

PERSONS: dict[str, str] = {}
for _who, _words in {
    "worker": "i i'm im i've ive i'd me my myself",
    "carer": "mum mum's mums mother mother's mum's dad dad's dads father father's parent parents "
    "stepdad stepdad's stepmum stepfather stepmother partner partner's boyfriend girlfriend "
    "fella bloke husband wife nan nan's nanny gran grandma grandmother grandad grandfather "
    "uncle aunt auntie carer carers m f ex",
    "child": "child child's children kid kids boy boys girl girls son daughter baby baby's "
    "babies toddler infant yp cyp pupil teenager lad twins",
    "professional": "police officer officers pc school teacher gp hv nurse sw staff dsl camhs "
    "midwife doctor consultant paediatrician probation yot nursery iro manager tm la mash",
}.items():
    for _word in _words.split():
        PERSONS[_word] = _who


def read_clauses(tokens: list[Token]) -> list[Token]:
    """The tokens with `negated` and `who` filled in."""
    negated = _negated(tokens)
    out: list[Token] = []
    who: str | None = None
    clause = sentence = -1
    for i, t in enumerate(tokens):
        if t.sentence != sentence:
            sentence, clause = t.sentence, t.clause
            who = _first_person(tokens, i)
        elif t.clause != clause:
            clause = t.clause
            who = _first_person(tokens, i) or _carried(t, who)
        out.append(t._replace(negated=negated[i], who=who))
    return out


def _carried(first: Token, before: str | None) -> str | None:
    """Whom a clause naming no one is about: the clause before's person, but never the writer
    when it opens with "he", "she" or "they" ("I asked and she said" is not about me)."""
    if first.word in _PRONOUNS and before == "worker":
        return None
    return before


_PRONOUNS = frozenset(["he", "she", "they", "he's", "she's", "they're", "hes", "shes", "theyre"])


def _first_person(tokens: list[Token], start: int) -> str | None:
    """The first person the clause names; None if it names none or starts from a pronoun."""
    clause = tokens[start].clause
    for j in range(start, len(tokens)):  # not tokens[start:]: a copy per clause is quadratic
        t = tokens[j]
        if t.clause != clause or t.word in _PRONOUNS:
            return None
        person = PERSONS.get(t.word)
        if person and (len(t.word) > 1 or t.upper or t.word == "i"):  # "M", "F": capitals only
            return person
    return None


def _negated(tokens: list[Token]) -> list[bool]:
    flags = [False] * len(tokens)
    for i, t in enumerate(tokens):
        if t.word in _NO and _reassures(tokens, i):
            _mark(flags, tokens, i + 1, forward=True)
        elif _ruled_out(tokens, i) or (t.word == "not" and _is_not_a_concern(tokens, i)):
            _mark(flags, tokens, i - 1, forward=False)
    return flags


def _ruled_out(tokens: list[Token], i: int) -> bool:
    return tokens[i].word == "ruled" and i + 1 < len(tokens) and tokens[i + 1].word == "out"


def _is_not_a_concern(tokens: list[Token], i: int) -> bool:
    """ "not a concern", "not an issue": a reassurance about what went before."""
    following = [t.word for t in tokens[i + 1 : i + 3]]
    return len(following) == 2 and following[0] in ("a", "an") and following[1] in _CONCERN


def _reassures(tokens: list[Token], i: int) -> bool:
    sentence = tokens[i].sentence
    for t in tokens[i + 1 : i + 4]:
        if t.sentence != sentence:
            return False
        if t.word in _REASSURING:
            return True
    return False


def _mark(flags: list[bool], tokens: list[Token], start: int, *, forward: bool) -> None:
    if not 0 <= start < len(tokens):
        return
    sentence = tokens[start].sentence
    step = 1 if forward else -1
    j = start
    for _ in range(_SCOPE):
        if not 0 <= j < len(tokens) or tokens[j].sentence != sentence:
            return
        flags[j] = True
        j += step
