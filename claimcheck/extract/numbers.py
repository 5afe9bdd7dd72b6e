"""Numbers as printed: digits with separators and decimals, and number words.

This module knows nothing about units. It supplies

* regex fragments for numeric cores (``DIGITS``, :func:`words_pattern`),
  every repetition bounded so that no input can make them backtrack
  super-linearly;
* :func:`parse_digits` and :func:`parse_words`, turning a matched core into a
  value and the information needed for its rounding precision;
* :func:`half_unit`, the precision rule.

Separators: "1,234,567.5" (comma thousands, dot decimals), groups split
by a no-break or thin space ("5\u00a0700", "5\u202f700", with "," or "."
decimals), and a decimal comma when a comma is followed by just one or two
digits ("12,8%"). Groups split by
an ordinary space ("5 700") are *not* joined: in English news two numbers
separated by a space are far more often two figures ("in 2023 300 tourists")
than one.

Precision rule: half a unit of the last printed digit, times the scale
("240.11 bln" -> 0.005e9). Trailing zeros of integers count as printed
digits: "$180 bln" -> 0.5e9, "1,000 people" -> 0.5. Number words are exact
("two", "a dozen", "a quarter"); with a scale word they round like digits
("five million" -> 0.5e6).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from claimcheck.extract.lexicon import lexicon, trie_regex
from claimcheck.extract.phrases import lower_case, text_runs

__all__ = [
    "DIGITS",
    "MONTHS",
    "VAGUE_BASE",
    "Scanned",
    "half_unit",
    "parse_digits",
    "parse_scientific",
    "parse_words",
    "scan",
    "scan_spans",
    "trie_pattern",
    "words_pattern",
]

_GROUP_SPACE = "\u00a0\u202f\u2009"

DIGITS = (
    r"(?:\d{1,3}(?:,\d{3}){1,6}(?!\d|,\d)(?:\.\d{1,12})?"
    rf"|\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}}){{1,6}}(?:[.,]\d{{1,12}})?"
    r"|\d{1,3},\d{1,2}(?![\d,])"
    r"|\d{1,30}(?:\.\d{1,12})?"
    r"|\.\d{1,12})"
)
"""A numeric core in digits (non-capturing, no anchors)."""

_SEPARATORS = re.compile(rf"[,{_GROUP_SPACE}]")


def parse_digits(core: str) -> tuple[float, int]:
    """Return ``(value, decimals)`` of a core matched by :data:`DIGITS`.

    A comma followed by one or two digits and nothing more is a decimal
    comma ("12,8%", "$190,27 billion"), as written in translated news.
    """
    comma = core.rfind(",")
    dot = core.find(".")
    if comma >= 0 and dot < 0 and len(core) - comma - 1 in {1, 2}:
        core = _SEPARATORS.sub("", core[:comma]) + "." + core[comma + 1 :]
        comma = core.find(",")
        dot = core.find(".")
    # Most cores hold no separator: four substring tests cost less than the regex call.
    # (``find`` is a primitive of the compiled build, ``index`` a method call.)
    if comma >= 0 or "\u00a0" in core or "\u202f" in core or "\u2009" in core:
        plain = _SEPARATORS.sub("", core)
        dot = plain.find(".")
    else:
        plain = core
    decimals = len(plain) - dot - 1 if dot >= 0 else 0
    return float(plain), decimals


def half_unit(decimals: int, factor: float) -> float:
    """Half a unit of the last printed digit, in base units."""
    return 0.5 * factor / 10.0**decimals


def words_pattern() -> str:
    """Regex for a run of number words ("twenty-five", "a hundred", "two million")."""
    lex = lexicon()
    small = sorted(lex.number_words, key=len, reverse=True)
    big = sorted([*lex.multipliers, "dozen"], key=len, reverse=True)
    unit = "|".join(small)
    word = rf"(?:(?:{unit})(?:-(?:{unit}))?|{'|'.join(big)})"
    head = rf"(?:(?:a|an)\s+(?:{'|'.join(big)})|(?:{unit})(?:-(?:{unit}))?)"
    return rf"\b{head}(?:(?:\s+|-)(?:and\s+)?{word}){{0,6}}\b"


_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_words(words: str) -> tuple[float, float]:
    """Return ``(value, largest multiplier)`` of a run of number words.

    "twenty-five" -> (25, 1); "two hundred and fifty thousand" ->
    (250000, 1000); "a dozen" -> (12, 1). The multiplier is 1 when the run
    has no thousand/million/... word, so the value is exact.
    """
    lex = lexicon()
    total = 0.0
    current = 0.0
    largest = 1.0
    for token in _WORD_SPLIT.split(words.lower()):
        if token in {"and", "a", "an", ""}:
            continue
        if token in lex.number_words:
            current += lex.number_words[token]
        elif token == "dozen":
            current = (current or 1.0) * 12.0
        elif token == "hundred":
            current = (current or 1.0) * 100.0
        elif token in lex.multipliers:
            multiplier = lex.multipliers[token]
            total += (current or 1.0) * multiplier
            current = 0.0
            largest = max(largest, multiplier)
    return total + current, largest


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a prefix trie.

    ``one|only|two`` becomes ``o(?:ne|nly)|two``: a regex engine then rejects
    a non-matching position after one or two character tests instead of
    trying every word in turn.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie_regex(trie)


# ---------------------------------------------------------------- scanning

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTHS = frozenset(_MONTH_NAMES.split("|"))
# Things that look numeric but are not quantities. Every alternative starts
# with a digit, "+" or "(" so the scan can skip ahead with a character test.
_BLOCK = "|".join(
    (
        r"\d{4}-\d{1,2}-\d{1,2}(?!\w)",  # ISO dates
        r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?![\w.]|/\d)",  # 8/11/2023, 08.11.2023
        r"\d{1,4}(?:-\d{1,4}){2,6}(?![\w.])",  # phone-like hyphen chains
        rf"\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0]{{1,3}}(?:of[ \u00a0]{{1,3}})?(?:{_MONTH_NAMES})\b\.?"
        r"(?:,?[ \u00a0]{1,3}\d{4}\b)?",  # 8 November 2023
        r"\d{1,2}(?::\d{2}){1,2}(?:[ \u00a0]?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b))?",  # 10:30
        r"\d{1,2}(?:[.:]\d{2})?[ \u00a0]?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)",  # 5 pm
        r"\d{4}[ \u00a0]?(?:GMT|UTC|EDT|EST|BST|CET|CEST|MSK|PST|PDT)\b",
        r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\d)",  # +7 495 ...
        r"\(\d{3}\)[ \u00a0]?\d{3}[\s.-]\d{4}(?!\d)",  # (555) 123-4567
        # year ranges: 2022-2023, 2022/23
        r"(?:1[89]|20)\d{2}[ \u00a0]?[-–/][ \u00a0]?(?:(?:1[89]|20)\d{2}|\d{2})(?![\w%])",
    )
)

_FRACTION_WORDS = (
    "half",
    "halves",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fourth",
    "fourths",
    "fifth",
    "fifths",
)
_FRACTION = (
    r"(?:(?:a|an|one|two|three|four)[\s-](?:" + "|".join(_FRACTION_WORDS) + r")|half)"
    r"(?=\s+(?:of|the|a|an|their|its|his|her|our|all|that|those|these)\b)"
)


_FOLD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand)"
    r"fold\b"
)
"""A multiplier in one word: "sixfold", "tenfold"."""

_VAGUE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|thousands|"
    r"millions|billions)(?=\s+of\s)"
)
VAGUE_BASE = {
    "dozens": 12.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SCIENTIFIC = (
    r"\d{1,3}(?:\.\d{1,12})?[ \u00a0]?"
    rf"(?:×[ \u00a0]?10(?:\^|\*\*)?|[xX*][ \u00a0]?10(?:\^|\*\*))"
    rf"(?:[−-]?\d{{1,3}}|⁻?[{_SUPERSCRIPTS}]{{1,3}})(?![\d{_SUPERSCRIPTS}])"
)
"""Scientific notation: a mantissa times a power of ten ("1.99×10^30",
"2.998×10−8", "6.02 x 10^23", "3×10⁸"); "x" needs a caret ("5 x 10" is a
size)."""

_EXPONENT = re.compile(rf"10(?:\^|\*\*)?([−-]?\d{{1,3}}|⁻?[{_SUPERSCRIPTS}]{{1,3}})$")


def parse_scientific(core: str) -> tuple[float, int, int]:
    """Return ``(mantissa, mantissa decimals, exponent)`` of a :data:`_SCIENTIFIC` match."""
    mantissa = re.match(r"\d{1,3}(?:\.\d{1,12})?", core)
    exponent = _EXPONENT.search(core)
    assert mantissa is not None and exponent is not None
    digits = exponent.group(1).translate(
        {ord(c): str(i) for i, c in enumerate(_SUPERSCRIPTS)} | {ord("⁻"): "-", ord("−"): "-"}
    )
    value, decimals = parse_digits(mantissa.group())
    return value, decimals, int(digits)


@functools.cache
def _digit_scan() -> re.Pattern[str]:
    # The one-class look-ahead is implied by the next one but rejects most positions
    # faster.
    return re.compile(
        rf"(?=[\d.+(])(?=\d|\.\d|\+\d|\(\d)(?<![\d.])(?:(?P<block>{_BLOCK})"
        rf"|(?P<sci>{_SCIENTIFIC})"  # "1.99×10^30", "2.998×10−8"
        r"|(?P<dfrac>\d{1,2}[/⁄]\d{1,3})(?![\d/⁄])"  # "1/2 pound", "1/16 of a pint"
        rf"|(?P<num>{DIGITS})(?!\d))"
    )


def _word_starts_list() -> tuple[str, list[str]]:
    """The first letters and the words a word-scan match can start with."""
    lex = lexicon()
    firsts = {w[0] for w in [*lex.number_words, *lex.multipliers, "dozen", "a", "half"]}
    starts = [*lex.number_words, *lex.multipliers, "dozen", "dozens", "a", "an", "half", "tens"]
    starts += ["hundreds", "thousands", "millions", "billions"]
    return "".join(sorted(firsts)), starts


@functools.cache
def _word_scan() -> re.Pattern[str]:
    words = words_pattern()
    firsts, starts = _word_starts_list()
    return re.compile(
        rf"(?<![a-z0-9'’-])(?=[{firsts}])(?={trie_pattern(starts)}(?:fold)?\b)"
        rf"(?:(?P<vague>{_VAGUE})|(?P<frac>{_FRACTION})|(?P<fold>{_FOLD})|(?P<words>{words}))"
    )


_START_WORDS: list[frozenset[str]] = []
"""The words a word-scan match can start with, alone or with "fold" (computed once)."""

_START_BYTES: list[frozenset[bytes]] = []
""":data:`_START_WORDS` as ASCII bytes (computed with it)."""


_START_SHAPES: list[int] = []
"""For each first letter and length (``(first - 97) * 32 + length``), the last letters
(bit ``last - 97``) of the words of :data:`_START_WORDS`: a look-up that rules out most
words without slicing them (computed with it)."""


def _start_words() -> frozenset[str]:
    """:data:`_START_WORDS`: the words of :func:`_word_starts_list`, with and without
    "fold"; empty when one is not all "a"-"z" (then every run of letters not after a
    digit, "'", "’" or "-" is tried)."""
    if not _START_WORDS:
        starts = _word_starts_list()[1]
        words = frozenset([*starts, *[w + "fold" for w in starts]])
        shapes = [0] * (26 * 32)
        for word in words:
            if not (word.isascii() and word.isalpha() and word.islower() and len(word) < 32):
                words = frozenset()
                break
            shapes[(ord(word[0]) - 97) * 32 + len(word)] |= 1 << (ord(word[-1]) - 97)
        _START_SHAPES[:] = shapes
        _START_BYTES.append(frozenset([word.encode("ascii") for word in words]))
        _START_WORDS.append(words)
    return _START_WORDS[0]


_A_TO_Z = bytes([c if 97 <= c <= 122 else 32 for c in range(256)])
"""A ``bytes.translate`` table: every byte but "a"-"z" to a space. An ASCII text so
translated and split at each space gives its runs of "a"-"z", each after one more part
than the other characters before it (the others are empty; see
:func:`~claimcheck.extract.phrases.ascii_runs`)."""


def _ascii_word_start_positions(lowered: str, words: frozenset[bytes], lower: bool) -> list[int]:
    """:func:`_word_start_positions` of an ASCII text with a non-empty word set (as bytes),
    from its runs of word characters (:func:`~claimcheck.extract.phrases.text_runs`,
    which the term scan of the same text reads again): a few C loops and, for a run of
    the shape of a word, a set look-up, where the loop over the characters costs some
    hundred instructions each.

    Without "_" and capitals in the text, a run of word characters holding a start is
    all "a"-"z": a run of "a"-"z" inside a longer one is next to a digit, where the
    scan's look-behind or closing ``\\b`` fails. Otherwise the runs of "a"-"z" are read
    (:data:`_A_TO_Z`). ``lower``: the text is known to hold no capitals (the scan's
    lower-cased text): without letters ``islower`` is false, but then no run of
    either split is a word, and the test is spared."""
    # (``bytes.islower`` reads ASCII letters only: a fraction of ``str.islower``.)
    if "_" in lowered or not (lower or lowered.encode("ascii").islower()):
        runs = lowered.encode("ascii").translate(_A_TO_Z).split(b" ")
    else:
        runs = text_runs(lowered)
    out: list[int] = []
    shapes = _START_SHAPES
    size = len(lowered)
    start = 0  # where ``run`` starts
    for run in runs:
        length = len(run)
        end = start + length
        # First letter, length and last letter rule out most runs before the set
        # look-up, which hashes the run.
        if (
            0 < length < 32
            and 97 <= run[0] <= 122
            and 97 <= run[-1] <= 122
            and (shapes[(run[0] - 97) * 32 + length] >> (run[-1] - 97)) & 1
            and run in words
        ):
            # The scan's look-behind (not after a digit, "'" or "-") and closing ``\\b``
            # (not before an ASCII word character).
            before = ord(lowered[start - 1]) if start > 0 else 32
            after = ord(lowered[end]) if end < size else 32
            if not (48 <= before <= 57 or before in (39, 45)) and not (
                48 <= after <= 57 or 65 <= after <= 90 or after == 95
            ):
                out.append(start)
        start = end + 1
    return out


def _word_start_positions(lowered: str, lower: bool = False) -> list[int]:
    """Every place a word-scan match can start, and a few more: each run of "a"-"z"
    that is a word of :func:`_start_words` (or any run, if that is empty), not after
    "a"-"z", a digit, "'", "’" or "-" (the scan's look-behind), and not followed by an
    ASCII letter, digit or "_" (where the scan's closing ``\\b`` fails).

    The scan's words are all "a"-"z" and it is case-sensitive, so its word is the
    whole run of "a"-"z" at its start (inside a run there is no ``\\b``). A loop over
    the characters costs less than a regex over them: that one calls its matcher at
    every space and mark. ``lower``: ``lowered`` holds no "A"-"Z" (see
    :func:`_ascii_word_start_positions`).
    """
    words = _start_words()
    check = bool(words)
    if check and lowered.isascii():
        return _ascii_word_start_positions(lowered, _START_BYTES[0], lower)
    shapes = _START_SHAPES
    out: list[int] = []
    size = len(lowered)
    i = 0
    while i < size:
        code = ord(lowered[i])
        if not 97 <= code <= 122:
            i += 1
            continue
        start = i
        i += 1
        while i < size:
            code = ord(lowered[i])
            if not 97 <= code <= 122:
                break
            i += 1
        if start > 0:
            before = ord(lowered[start - 1])
            if 48 <= before <= 57 or before in (39, 45, 0x2019):
                continue  # the scan's look-behind: not after a digit, "'", "-", "’"
        if not check:
            out.append(start)
            continue
        if i < size:
            after = ord(lowered[i])
            if 48 <= after <= 57 or 65 <= after <= 90 or after == 95:
                continue  # "\b" fails before an ASCII word character
        length = i - start
        if length >= 32:
            continue  # longer than every word (checked in ``_start_words``)
        shape = shapes[(ord(lowered[start]) - 97) * 32 + length]
        if not (shape >> (ord(lowered[i - 1]) - 97)) & 1:
            continue  # no word of this first letter, length and last letter
        if lowered[start:i] in words:
            out.append(start)
    return out


def _word_matches(lowered: str, lower: bool = False) -> list[re.Match[str]]:
    """``list(_word_scan().finditer(lowered))``, trying the pattern only at
    :func:`_word_start_positions` (a match never starts elsewhere; ``lower``: ``lowered``
    holds no "A"-"Z")."""
    match = _word_scan().match
    followers = _article_followers()
    out: list[re.Match[str]] = []
    taken = 0  # ``finditer`` goes on from the end of the last match (never empty)
    for position in _word_start_positions(lowered, lower):
        if position < taken:
            continue
        if lowered[position] == "a" and not _article_may_match(lowered, position, followers):
            continue  # "a record", "a year": most places the scan is tried at
        found = match(lowered, position)
        if found is not None:
            out.append(found)
            taken = found.end()
    return out


_ARTICLE_FOLLOWERS: list[frozenset[str] | None] = []
"""See :func:`_article_followers` (computed once)."""


def _article_followers() -> frozenset[str] | None:
    """The letters the next word opens with in a word-scan match starting at the word "a"
    or "an": a multiplier or "dozen" ("a hundred", :func:`words_pattern`) or a fraction
    ("a half", :data:`_FRACTION`); ``None`` (anything may follow) when "a" or "an" is a
    number word itself. No other alternative of the scan starts with either word."""
    if not _ARTICLE_FOLLOWERS:
        lex = lexicon()
        followers: frozenset[str] | None = None
        if "a" not in lex.number_words and "an" not in lex.number_words:
            words = [*lex.multipliers, "dozen", *_FRACTION_WORDS]
            followers = frozenset([word[0] for word in words if word])
        _ARTICLE_FOLLOWERS.append(followers)
    return _ARTICLE_FOLLOWERS[0]


def _article_may_match(lowered: str, position: int, followers: frozenset[str] | None) -> bool:
    """False where no word-scan match can start at ``position``, at the word "a" or "an"
    (a run of "a"-"z" there): the scan then needs white space or "-" after the word and
    a word opening with one of ``followers`` (``\\s`` is ``str.isspace``). A longer run
    (or ``followers`` ``None``) is left to the scan."""
    if followers is None:
        return True
    end = position + 1
    if lowered.startswith("n", end):
        end += 1
    size = len(lowered)
    if end < size and "a" <= lowered[end] <= "z":
        return True  # not "a" or "an": another word
    pos = end
    while pos < size and (lowered[pos].isspace() or lowered[pos] == "-"):
        pos += 1
    return pos > end and lowered[pos : pos + 1] in followers


_ASCII_LOWER = {i: i + 32 for i in range(65, 91)}

_DIGIT_GATE = (
    r"\d{1,4}-\d"  # ISO dates, phone-like chains
    r"|\d{4}[ \u00a0]?[GUEBCMP\-–/]"  # time zones, year ranges
    r"|\d{1,2}(?:[/.]\d{1,2}[/.]\d"  # 8/11/2023
    r"|:\d"  # 10:30
    r"|[/⁄]"  # 1/2
    r"|(?:st|nd|rd|th)?[ \u00a0]{1,3}[oJFMASOND]"  # 8 November, 8th of November
    r"|(?:[.:]\d{2})?[ \u00a0]?[aApP])"  # 5 pm, 5.30 a.m.
    r"|\d{1,3}(?:\.\d{1,12})?[ \u00a0]?[×xX*]"  # 1.99×10^30
)
"""What every digit-led alternative of :func:`_digit_scan` but ``num`` starts with: where
this does not match, a match there can only be ``num``."""

_GATE_AFTER_DIGIT = (
    r"\d{0,3}-\d"
    r"|\d{3}[ \u00a0]?[GUEBCMP\-–/]"
    r"|\d?(?:[/.]\d{1,2}[/.]\d|:\d|[/⁄]|(?:st|nd|rd|th)?[ \u00a0]{1,3}[oJFMASOND]"
    r"|(?:[.:]\d{2})?[ \u00a0]?[aApP])"
    r"|\d{0,2}(?:\.\d{1,12})?[ \u00a0]?[×xX*]"
)
""":data:`_DIGIT_GATE` after its first digit (each leading ``\\d{1,n}`` one shorter)."""

_DIGITS_AFTER_DIGIT = (
    rf"(?:(?=\d{{0,2}}+[,{_GROUP_SPACE}])"
    rf"(?:\d{{0,2}}(?:,\d{{3}}){{1,6}}(?!\d|,\d)(?:\.\d{{1,12}})?"
    rf"|\d{{0,2}}(?:[{_GROUP_SPACE}]\d{{3}}){{1,6}}(?:[.,]\d{{1,12}})?"
    r"|\d{0,2},\d{1,2}(?![\d,]))"
    r"|\d{0,29}+(?:\.\d{1,12}+)?)"
)
""":data:`DIGITS` after its first character when that is a digit (see
:data:`_DIGITS_AFTER_FIRST`)."""

_DIGITS_AFTER_FIRST = rf"(?<=\d){_DIGITS_AFTER_DIGIT}|(?<=\.)\d{{1,12}}+"
""":data:`DIGITS` after its first character (a digit or "."), the branches in the same
order, each leading ``\\d{1,n}`` one shorter. The first three branches sit behind a
look-ahead for what each needs after its leading digits (a comma or a group space):
most numbers have neither, and the look-ahead fails for a fraction of what trying
the three repeated groups costs the regex engine (the same matches: where it fails,
those branches fail too). A run of digits followed by what excludes a digit is read
possessively (``{m,n}+``): giving digits back leaves a digit where a non-digit is
needed, so the engine's retries could only fail."""

_GATE_CHARS = (
    r"(?=\d{0,3}+(?:[-/:⁄–GUEBCMPsnrtaApP×xX*]"
    r"|\.\d{1,12}+[ \u00a0]?+[/.aApP×xX*]"
    r"|[ \u00a0]{1,3}+[oJFMASONDGUEBCMP\-–/aApP×xX*]))"
)
"""What every branch of :data:`_GATE_AFTER_DIGIT` implies: after at most three more digits,
one of the characters a branch goes on with, or spaces and one of those; a "." only
with the digits and the character the branches that read one go on with ("8.11.2023",
"5.30 pm", "1.99×10"). Placed before the gate, it leaves the gate as it is (it only
holds where the gate may) and fails for most numbers ("5 million", "1.2%", "42.54 bln")
at the cost of a character class or two: a decimal no longer runs the whole gate.
Its runs of digits and spaces are possessive (``{m,n}+``, ``?+``): each is followed by
a character it does not hold, so giving one back could only fail."""


def _ascii_digits(source: str) -> str:
    """``source`` with ``\\d`` written ``0-9`` in character classes and ``[0-9]`` elsewhere:
    the same pattern under :data:`re.ASCII`, but a class of ranges only is one bitmap
    test for the regex engine, where a digit category is a second test after it."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escape = source[i : i + 2]
            out.append(("0-9" if in_class else "[0-9]") if escape == "\\d" else escape)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


@functools.cache
def _digit_starts(ascii_only: bool) -> re.Pattern[str]:
    """Where a digit-scan match can start, or the match itself when it can only be ``num``.

    One pass over the text: where :data:`_DIGIT_GATE` fails (nearly every number) this
    matches what :func:`_digit_scan` matches there, with ``lastgroup`` ``"num"``;
    elsewhere (a date, a time, "+7", "(555)" ...) it matches one character, with another
    ``lastgroup``, and the caller runs the digit scan there. It opens with a character
    class, which the regex engine skips to in one C loop (a pattern opening with a
    look-around is tried at every position), and numbers need no second regex call.
    ``ascii_only``: for ASCII text (``\\d`` as ``0-9``, see :func:`_ascii_digits`).
    """
    source = (
        r"[\d.+(](?<![\d.][\s\S])"
        r"(?:(?<=[+(])(?=\d)(?P<sign>)"
        rf"|(?<=\d){_GATE_CHARS}(?={_GATE_AFTER_DIGIT})(?P<gated>)"
        rf"|(?P<num>{_DIGITS_AFTER_FIRST})(?!\d))"
    )
    if ascii_only:
        return re.compile(_ascii_digits(source), re.ASCII)
    return re.compile(source)


@functools.cache
def _digit_first() -> re.Pattern[str]:
    """``_digit_starts(True)`` at an ASCII digit that does not follow a digit or "."
    (:func:`_may_start_digits`): the same span and ``lastgroup`` (``gated`` or ``num``),
    without what only other places need: the look-behind, the ``sign`` branch, the
    tests that the first character is a digit and the branch after a "."."""
    source = (
        r"\d"
        rf"(?:{_GATE_CHARS}(?={_GATE_AFTER_DIGIT})(?P<gated>)"
        rf"|(?P<num>{_DIGITS_AFTER_DIGIT})(?!\d))"
    )
    return re.compile(_ascii_digits(source), re.ASCII)


_ONE_START = re.compile(r"[\d.+(](?<![\d.][\s\S])")
"""A character a digit-scan match can start at (a digit, ".", "+" or "(" not after a
digit or ".")."""


class Scanned:
    """What :func:`scan_spans` found: the matches and, for each, its ``lastgroup``,
    start and end (read while scanning: compiled, each ``Match`` method or attribute is
    a call through the Python API, and the reader needs the three of every match)."""

    __slots__ = ("ends", "kinds", "matches", "starts")

    def __init__(self) -> None:
        self.matches: list[re.Match[str]] = []
        self.kinds: list[str | None] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, found: re.Match[str], kind: str | None, start: int, end: int) -> None:
        """Append one match and its kind and span."""
        self.matches.append(found)
        self.kinds.append(kind)
        self.starts.append(start)
        self.ends.append(end)


def _digit_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_digit_scan().finditer(text)`` (see :func:`_scan_digits`)."""
    found = Scanned()
    _scan_digits(text, found)
    return found.matches


_DIGIT_MARKS = bytes([48 if 48 <= c <= 57 or c in b"+(" else 32 for c in range(256)])
"""A ``bytes.translate`` table: the ASCII digits, "+" and "(" to "0", every other byte to
a space. (A digit-scan match opens with one of these or with a "." before a digit, found
as that digit: most "." close a sentence and are never looked at.)"""


def _scan_digits(text: str, out: Scanned) -> None:
    """Add to ``out`` the matches of ``_digit_scan().finditer(text)``, ``num`` ones from
    :func:`_digit_starts` itself (same span, same ``lastgroup``), the others from the
    digit scan tried where :func:`_digit_starts` says one may start."""
    if text.isascii():
        _scan_ascii_digits(text, out)
        return
    starts = _digit_starts(False)
    match = _digit_scan().match
    taken = 0  # ``finditer`` goes on from the end of the last match
    for start in starts.finditer(text):
        position = start.start()
        if position < taken:
            if start.end() > taken:
                # A number reaching past the end of the last match ("+7 495 123,456"):
                # the places after that end, one by one, as the digit scan finds them.
                for one in _ONE_START.finditer(text, taken, start.end()):
                    at = one.start()
                    if at >= taken:
                        found = match(text, at)
                        if found is not None:
                            taken = found.end()
                            out.add(found, found.lastgroup, at, taken)
            continue
        kind = start.lastgroup
        if kind == "num":
            taken = start.end()
            out.add(start, kind, position, taken)
            continue
        found = match(text, position)
        if found is not None:
            taken = found.end()
            out.add(found, found.lastgroup, position, taken)


def _may_start_digits(text: str, position: int) -> bool:
    """False where no match of ``_digit_starts(True)`` starts at ``position`` of an ASCII
    text, a digit, ".", "+" or "(": it does not follow a digit or "." (the pattern's
    look-behind), and a ".", "+" or "(" is followed by a digit (each branch then needs
    one: ``sign`` looks ahead for it, ``gated`` looks behind for one, ``num`` reads it)."""
    if position > 0:
        before = ord(text[position - 1])
        if 48 <= before <= 57 or before == 46:
            return False
    if 48 <= ord(text[position]) <= 57:
        return True
    after = position + 1
    return after < len(text) and 48 <= ord(text[after]) <= 57


def _scan_ascii_digits(text: str, out: Scanned) -> None:
    """:func:`_scan_digits` of an ASCII text: :func:`_digit_starts` matched only at the
    places it may match (:func:`_may_start_digits`), from the end of the last match on,
    as ``finditer`` would (a match is never empty). The places: the next digit, "+" or
    "(" (``str.find`` in the text translated by :data:`_DIGIT_MARKS`), or the "." before
    that digit. A search would test every character of the text against the pattern's
    opening class (some 40 instructions each) and try the pattern at each sentence's
    closing "."; a C loop finds the places."""
    marks = text.encode("ascii").translate(_DIGIT_MARKS).decode("ascii")
    starts = _digit_starts(True).match
    first = _digit_first().match  # (most places: the first digit of a number)
    match = _digit_scan().match
    taken = 0  # where the last match ended: the search goes on from there
    while True:
        position = marks.find("0", taken)
        if position < 0:
            return
        if position > taken and ord(text[position - 1]) == 46:
            position -= 1  # ".5": the place before the digit comes first
        if not _may_start_digits(text, position):
            taken = position + 1
            continue
        start = first(text, position) if 48 <= ord(text[position]) <= 57 else starts(text, position)
        if start is None:
            taken = position + 1
            continue
        kind = start.lastgroup
        if kind == "num":
            end = start.end()
            out.add(start, kind, position, end)
            taken = end
            continue
        found = match(text, position)
        if found is None:
            taken = position + 1  # (the start's own match is one character)
            continue
        end = found.end()
        out.add(found, found.lastgroup, position, end)
        taken = end


def scan(text: str) -> list[re.Match[str]]:
    """Numeric cores and blocked look-alikes of ``text``, in order of start."""
    return scan_spans(text).matches


def scan_spans(text: str) -> Scanned:
    """:func:`scan`, with the kind and span of each match."""
    out = Scanned()
    _scan_digits(text, out)
    lowered = lower_case(text)
    if len(lowered) != len(text):  # rare Unicode case changes length
        lowered = text.translate(_ASCII_LOWER)
    words = _word_matches(lowered, True)  # (both ways of lowering leave no "A"-"Z")
    if not words:
        return out
    # Merge the two lists, each in order of start: a digit match opens with a digit,
    # ".", "+" or "(", a word match with a letter, so no two share a start and the
    # merge is the order of a (stable) sort by start.
    digits = out
    out = Scanned()
    i = 0
    count = len(digits.matches)
    for word in words:
        word_start = word.start()
        while i < count and digits.starts[i] < word_start:
            out.add(digits.matches[i], digits.kinds[i], digits.starts[i], digits.ends[i])
            i += 1
        out.add(word, word.lastgroup, word_start, word.end())
    while i < count:
        out.add(digits.matches[i], digits.kinds[i], digits.starts[i], digits.ends[i])
        i += 1
    return out
