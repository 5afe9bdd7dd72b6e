"""Numbers that are not quantities: labels, names, years and ages in apposition.

* labels, recognised from the word before the number ("November 8",
  "Section 427", "Row 21", "No. 5", "#3", "(4)") and list markers at a
  line start;
* numbers in names ("Boeing 737", "S&P 500", "iPhone 11", "787 Dreamliner");
* bare years: 1900-2100, or 1000-2199 after "in", "since", "between", ...;
* "Jane Doe, 45, said": an age in apposition (kept, as an age).
"""

from __future__ import annotations

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.context import SENTENCE_BREAK, prev_word, previous_word
from claimcheck.extract.lexicon import NOT_NOUN, REFS, SENTENCE_OPENERS, YEAR_PREPOSITIONS
from claimcheck.extract.numbers import MONTHS

__all__ = ["is_age_apposition", "is_label", "is_name_number", "is_year", "keep_bare"]


def is_name_number(text: str, cand: Candidate) -> bool:
    """A plain integer that is part of a name: "S&P 500", "iPhone 11", "787 Dreamliner"."""
    core = text[cand.core_start : cand.core_end]
    if not core.isdigit() or cand.is_word or cand.has_scale or cand.qualifier is not None:
        return False
    word, word_start = prev_word(text, cand)
    if word and word.rstrip(",;:.)") == word and (any(c.isupper() for c in word) or "&" in word):
        before = text[max(0, word_start - 3) : word_start]
        starts_sentence = word_start == 0 or bool(SENTENCE_BREAK.search(before))
        starts_sentence = starts_sentence or before.strip() == ""
        low = word.lower()
        if not starts_sentence or (
            low not in NOT_NOUN and low not in YEAR_PREPOSITIONS and low not in SENTENCE_OPENERS
        ):
            return True  # a capitalised name right before the number
    after = text[cand.end : cand.end + 3]
    return cand.unit is None and len(after) > 1 and after[0] == " " and after[1].isupper()


def is_age_apposition(text: str, cand: Candidate) -> bool:
    """ "Jane Doe, 45, said": an age in apposition to a name."""
    core = text[cand.core_start : cand.core_end]
    if not core.isdigit() or not 1 <= int(core) <= 120 or cand.start < 3:
        return False
    if text[cand.start - 2 : cand.start] != ", " or text[cand.end : cand.end + 1] != ",":
        return False
    word, _ = prev_word(text, cand)
    return bool(word) and word[0].isupper() and word.endswith(",")


def keep_bare(text: str, cand: Candidate) -> bool:
    """Whether a number with no unit at all is still a quantity."""
    if cand.is_word and not cand.has_scale:
        return False
    return not is_name_number(text, cand) and not is_year(text, cand)


def is_year(text: str, cand: Candidate) -> bool:
    """A plain 1900..2100 ("in 2023"), or 1000..2199 after "in", "since", "by", ..."""
    core = text[cand.core_start : cand.core_end]
    if len(core) != 4 or not core.isdigit() or cand.sign < 0:
        return False
    if cand.unit == "count" and cand.qualifier is not None:
        return False  # "more than 1000 customers": years take no hedge
    year = int(core)
    if not 1000 <= year <= 2199:
        return False
    if not 1900 <= year <= 2100 or cand.unit == "count":
        word, _ = prev_word(text, cand)
        return word.lower().strip("(,") in YEAR_PREPOSITIONS or word == ""
    return True


def is_label(text: str, start: int, end: int) -> bool:
    """Dates, references and list markers recognised from the words around a number."""
    if start == 0:
        return text[end : end + 1] in {".", ")"} and text[end + 1 : end + 2] in {" ", "\t"}
    before = text[start - 1]
    if before in "#'’":
        return True
    if before == "(" and text[end : end + 1] == ")":
        return True  # "Prescott (4)": a shirt or list number
    if text[end : end + 1] in {".", ")"}:
        lead = text[max(0, start - 10) : start]
        line_start = lead.rfind("\n") + 1
        if (line_start > 0 or start <= 10) and lead[line_start:].strip(" \t(") == "":
            return text[end + 1 : end + 2] in {" ", "\t"}
    if before not in " \u00a0":
        return False
    word, _ = previous_word(text, start)
    if word:
        bare = word.rstrip(",")
        if bare in REFS or bare.rstrip(".") in MONTHS:
            core = text[start:end]
            if bare in REFS or (core.isdigit() and len(core) <= 2):
                return True
    return False
