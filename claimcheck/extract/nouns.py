"""Counted nouns: "150 mln doses", "300 Chinese tourists", "135 unicorn startups".

A noun phrase after a number runs up to its head, the first plural-looking
word among the next four (irregular plurals such as "people" and
"cattle" included); after a 1 a singular head is accepted ("one
solution"). See :func:`read_noun` for modifiers and complements.

Three more readings name what a number counts or divides:

* :func:`read_member` -- "one of the best wireless speakers": one member of
  a plural group, a count of 1 with the group's noun phrase;
* :func:`read_share` -- "one in five Germans", "one out of three", "two of
  four mission concepts": a share N/M (dimensionless) of the noun phrase;
* :func:`read_whole` -- the whole a fraction is taken of ("a third of the
  US population" -> noun "US population").
"""

from __future__ import annotations

import re

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.lexicon import IRREGULAR_PLURALS, NOT_NOUN, Lexicon, Patterns, lexicon

__all__ = ["plural_like", "read_member", "read_noun", "read_share", "read_whole"]


def plural_like(word: str) -> bool:
    """Whether ``word`` looks like a plural noun ("doses", "people"; not "bus")."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return (
        len(low) > 2
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in NOT_NOUN
    )


_WORD = re.compile(r"[ \u00a0]?([A-Za-z][A-Za-z'’-]{0,30})")

_LEADERS = frozenset({"more", "other", "fewer", "additional", "extra"})
"""Words that may open a counted noun phrase though they are not nouns
("eight more picks", "eight other employees")."""

_OF_COMPLEMENT = re.compile(r"[ \u00a0]of[ \u00a0](?=[a-z])")


def _demonym_plural(word: str) -> bool:
    """A capitalised plural of people: "Americans", "Canadians", "Britons"."""
    return word[0].isupper() and word.endswith(("ans", "ons")) and len(word) > 4


def read_noun(text: str, pos: int, cand: Candidate, ctx: Patterns) -> None:
    """A counted noun after the number: "1000 customers", "300 Chinese tourists".

    The noun phrase runs up to its head, the first plural-looking word among
    the next four ("135 unicorn startups"); after a 1 ("one solution") a
    singular head is accepted. It may open with "more"/"other" ("eight
    more picks"), coordinate capitalised modifiers ("460 Kia and Hyundai
    vehicles"), and take an "of" complement without determiner ("5,700
    categories of products", "65 snaps of man coverage") or a "per"
    denominator ("points per game").
    """
    words: list[str] = []
    end = pos
    head_end: int | None = None
    for k in range(4):
        m = _WORD.match(text, end)
        if m is None or (k == 0 and text[pos : pos + 1] not in " \u00a0"):
            return
        word = m.group(1)
        low = word.lower()
        if k == 0 and low in _LEADERS:
            words.append(word)
            end = m.end()
            continue
        coordinated = (
            low == "and"
            and bool(words)
            and words[-1][0].isupper()
            and text[m.end() + 1 : m.end() + 2].isupper()
        )
        if low in NOT_NOUN and not coordinated:
            return
        words.append(word)
        end = m.end()
        if coordinated:
            continue
        first = len(words) == 1
        if plural_like(word) and (not first or word[0].islower() or _demonym_plural(word)):
            head_end = end
            break
        if first and word[0].islower() and cand.number == 1 and cand.scale == 1:
            head_end = end
            break
    if head_end is None:
        return
    stripped = words[-1].rstrip("'’-")
    end = head_end - (len(words[-1]) - len(stripped))
    words[-1] = stripped
    noun = " ".join(words)
    # (Both patterns below hold a literal word after one space: tested before the call.)
    of = (
        _OF_COMPLEMENT.match(text, end)
        if text[end + 1 : end + 3] == "of" and plural_like(words[-1])
        else None
    )
    if of is not None:
        complement: list[str] = []
        stop = of.end()
        for _ in range(2):
            w = _WORD.match(text, stop)
            if w is None or w.group(1).lower() in NOT_NOUN or not w.group(1)[0].islower():
                break
            if w.group(1).endswith(("ing", "ed")):
                break  # "categories of products leaving China": a participle
            complement.append(w.group(1))
            stop = w.end()
            if plural_like(w.group(1)):
                break
        if complement and not complement[-1].endswith(("'", "’", "-")):
            noun = f"{noun} of {' '.join(complement)}"
            end = stop
    per = ctx.noun_per.match(text, end) if text[end + 1 : end + 4] == "per" else None
    if per and per.group("d") != "cent":
        noun = f"{noun} per {per.group('d')}"
        end = per.end()
    cand.unit = "count"
    cand.noun = noun
    cand.end = end


_DETERMINER = r"(?:the|my|his|her|their|its|our|your|these|those|[A-Z][A-Za-z]{1,20}(?:'s|’s))"
_MEMBER = re.compile(rf"[ \u00a0]of[ \u00a0]{_DETERMINER}[ \u00a0]")
_GRADERS = frozenset({"most", "more", "least", "few", "many"})


def _phrase_to_plural_head(text: str, pos: int, limit: int = 5) -> tuple[str, int] | None:
    """The words from ``pos`` up to the first plural-looking head: ``(phrase, end)``.

    Leading graders ("most", "more") are skipped; function words end the
    search without a head.
    """
    words: list[str] = []
    end = pos
    for _ in range(limit):
        m = _WORD.match(text, end)
        if m is None:
            return None
        word = m.group(1)
        end = m.end()
        low = word.lower()
        if not words and low in _GRADERS:
            continue
        if (word[0].islower() and low in NOT_NOUN) or low in lexicon().number_words:
            return None  # "one of the two countries": the count is the other number
        words.append(word.rstrip("'’-"))
        if plural_like(word):
            return " ".join(words), end - (len(word) - len(words[-1]))
    return None


def read_member(text: str, pos: int, cand: Candidate) -> bool:
    """ "one of the best speakers": a count of 1 with its group's noun phrase."""
    if not (cand.is_word and cand.number == 1 and not cand.has_scale):
        return False
    m = _MEMBER.match(text, pos)
    if m is None:
        return False
    found = _phrase_to_plural_head(text, m.end() - 1)
    if found is None:
        return False
    cand.unit, cand.noun, cand.end = "count", found[0], found[1]
    return True


_SHARE = re.compile(
    r"[ \u00a0](?:of|in|out[ \u00a0]of)[ \u00a0]"
    r"(?P<m>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"
    r"(?=[ \u00a0])"
)


def read_share(text: str, pos: int, cand: Candidate, lex: Lexicon) -> bool:
    """ "one in five Germans", "one out of three": a share N/M of a noun phrase."""
    if cand.has_scale or cand.decimals or cand.sign < 0 or not cand.number.is_integer():
        return False
    m = _SHARE.match(text, pos)
    if m is None:
        return False
    whole = m.group("m").lower()
    if whole.isdigit():
        total = float(whole)
    else:
        total = 100.0 if whole == "hundred" else float(lex.number_words[whole])
    if not 0 < cand.number < total:
        return False
    cand.number /= total
    cand.exact = True
    cand.unit = "dimensionless"
    found = _phrase_to_plural_head(text, m.end(), limit=4)
    if found is not None:
        cand.noun = found[0]
    cand.end = m.end()
    return True


_WHOLE = re.compile(
    r"[ \u00a0](?:of[ \u00a0])?"
    r"(?:(?:the|a|an|their|its|his|her|our|all|that|those|these)[ \u00a0])?"
)


def read_whole(text: str, pos: int, cand: Candidate) -> None:
    """The whole a fraction is taken of: "a third of the US population is" -> "US population".

    Up to three words, ending before a function word, a verb-like word in
    "-ed", or an "-s" word after a singular lower-case noun ("the population
    lives": the verb).
    """
    m = _WHOLE.match(text, pos)
    if m is None:
        return
    words: list[str] = []
    end = m.end()
    for _ in range(3):
        w = _WORD.match(text, end)
        if w is None:
            break
        word = w.group(1)
        low = word.lower()
        if (word[0].islower() and low in NOT_NOUN) or low.endswith("ed"):
            break
        if words and low.endswith("s") and words[-1][0].islower() and not plural_like(words[-1]):
            break
        words.append(word)
        end = w.end()
        if plural_like(word):
            break
    if words:
        cand.noun = " ".join(words)
