"""The unit, currency, scale and qualifier lexicon, loaded from ``rules/units.toml``.

The data lives in TOML so that it can be reviewed and extended without
touching code; this module turns it into lookup tables and compiled,
bounded regular expressions for :mod:`claimcheck.extract.quantities`.
It imports neither pint nor quantulum3: it is on the extraction hot path.

Lookups are case-insensitive unless a surface is listed as ``cased`` (short
symbols such as "t", "m", "W" whose meaning depends on case) or is a
currency prefix (``"RM"``, ``"Rs"``, ``"USD"`` are matched as written).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from claimcheck.rulepacks import read_toml

__all__ = [
    "IRREGULAR_PLURALS",
    "METRE_CONTEXT",
    "NOT_NOUN",
    "REFS",
    "SENTENCE_OPENERS",
    "YEAR_PREPOSITIONS",
    "Lexicon",
    "Patterns",
    "UnitEntry",
    "alternation",
    "lexicon",
    "patterns",
    "rules_path",
    "trie_alternation",
    "trie_regex",
]


def rules_path(name: str) -> Path:
    """Return the path of rule file ``name``, in the wheel or in the source tree."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_rules" / name, here.parent / "rules" / name):
        if candidate.is_file():
            return candidate
    msg = f"rule file {name!r} not found next to the claimcheck package"
    raise FileNotFoundError(msg)


@attrs.frozen(slots=True)
class UnitEntry:
    """A physical unit: its pint name, multiplier to that unit and long name."""

    pint: str
    factor: float
    name: str
    dim: str


def alternation(surfaces: Iterable[str]) -> str:
    """A regex alternation of ``surfaces``, longest first, each escaped."""
    unique = sorted(set(surfaces), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) for s in unique)


def trie_alternation(surfaces: Iterable[str], *, ignore_case: bool = False) -> str:
    """:func:`alternation` grouped by first character ("k(?:m/h|g|m)|t(?:onnes|...)").

    Wherever nothing but look-aheads follows it in a pattern, it matches what the
    plain alternation matches: the longest surface for which the look-aheads hold.
    The engine picks the group of the first character at once instead of trying
    every surface in turn. ``ignore_case``: for use inside ``(?i:...)``; the first
    character is written in one form of its case class ("μ" for "µ", "μ", "Μ"), so
    that no two groups can match the same character.
    """
    groups: dict[str, set[str]] = {}
    for surface in set(surfaces):
        if surface:
            first = _caseless(surface[0]) if ignore_case else surface[0]
            groups.setdefault(first, set()).add(surface[1:])
    if not groups:
        return "(?!)"
    branches = []
    for first, rests in sorted(groups.items()):
        tails = [r for r in rests if r]
        body = alternation(tails)
        if not tails:
            branches.append(re.escape(first))
        elif "" in rests:
            branches.append(f"{re.escape(first)}(?:{body})?")
        elif len(tails) == 1:
            branches.append(re.escape(first) + body)
        else:
            branches.append(f"{re.escape(first)}(?:{body})")
    return "|".join(branches)


def _caseless_alternation(surfaces: Iterable[str]) -> str:
    """:func:`trie_alternation` for use inside ``(?i:...)``."""
    return trie_alternation(surfaces, ignore_case=True)


def _caseless(char: str) -> str:
    """One character standing for all those a case-insensitive pattern matches with it."""
    upper = char.upper()
    if len(upper) != 1:
        return char
    lower = upper.lower()
    return lower if len(lower) == 1 else char


_ESCAPED: dict[str, str] = {}
"""``re.escape`` of each character met so far (it is interpreted Python; tries have
thousands of nodes)."""


def _escaped(char: str) -> str:
    escaped = _ESCAPED.get(char)
    if escaped is None:
        escaped = re.escape(char)
        _ESCAPED[char] = escaped
    return escaped


def trie_regex(node: dict[str, Any]) -> str:
    """The regex of a prefix trie (``{char: subtrie}``, ``""`` marking a word's end)."""
    ends = "" in node
    branches = [_escaped(char) + trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@attrs.frozen(slots=True)
class Lexicon:
    """Lookup tables built from ``rules/units.toml``.

    ``currency_prefix``/``currency_suffix`` map a surface to an ISO 4217
    code; ``units`` maps a lower-case surface to a :class:`UnitEntry`
    (``cased_units`` the case-sensitive ones); ``percent`` maps a lower-case
    surface to ``percent``, ``percentage_point`` or ``basis_point``;
    ``qualifiers`` maps a lower-case phrase to a ``Qualifier`` literal.
    """

    scales: Mapping[str, float]
    number_words: Mapping[str, int]
    multipliers: Mapping[str, float]
    fractions: Mapping[str, int]
    currency_prefix: Mapping[str, str]
    currency_suffix: Mapping[str, str]
    currency_names: Mapping[str, str]
    cent_names: Mapping[str, str]
    percent: Mapping[str, str]
    units: Mapping[str, UnitEntry]
    cased_units: Mapping[str, UnitEntry]
    unit_names: Mapping[str, str]
    denominators: Mapping[str, str]
    qualifiers: Mapping[str, str]
    count_abbreviations: Mapping[str, str] = attrs.field(factory=dict)

    def unit(self, surface: str) -> UnitEntry | None:
        """The unit a surface names, trying the exact case first."""
        return self.cased_units.get(surface) or self.units.get(surface.lower())


def _build(data: Mapping[str, Any]) -> Lexicon:
    currency_prefix: dict[str, str] = {}
    currency_suffix: dict[str, str] = {}
    currency_names: dict[str, str] = {}
    cent_names: dict[str, str] = {}
    for code, entry in data["currencies"].items():
        currency_names[code] = entry["name"]
        if "cent" in entry:
            cent_names[code] = entry["cent"]
        for surface in entry.get("prefixes", ()):
            currency_prefix.setdefault(surface, code)
        for surface in entry.get("suffixes", ()):
            key = surface if surface.isupper() else surface.lower()
            currency_suffix.setdefault(key, code)
    percent: dict[str, str] = {}
    for unit, surfaces in data["percent"].items():
        for surface in surfaces:
            percent.setdefault(surface.lower(), unit)
    units: dict[str, UnitEntry] = {}
    cased: dict[str, UnitEntry] = {}
    unit_names: dict[str, str] = {}
    for key, entry in data["units"].items():
        unit = UnitEntry(
            pint=entry.get("pint", key),
            factor=float(entry.get("factor", 1.0)),
            name=entry["name"],
            dim=entry["dim"],
        )
        unit_names.setdefault(unit.pint, unit.name)
        for surface in entry.get("surfaces", ()):
            units.setdefault(surface.lower(), unit)
        for surface in entry.get("cased", ()):
            cased.setdefault(surface, unit)
    qualifiers: dict[str, str] = {}
    for qualifier, phrases in data["qualifiers"].items():
        for phrase in phrases:
            qualifiers.setdefault(phrase.lower(), qualifier)
    return Lexicon(
        scales={k.lower(): float(v) for k, v in data["scales"].items()},
        number_words={k: int(v) for k, v in data["number_words"].items()},
        multipliers={k: float(v) for k, v in data["number_words_multipliers"].items()},
        fractions={k: int(v) for k, v in data["fractions"].items()},
        currency_prefix=currency_prefix,
        currency_suffix=currency_suffix,
        currency_names=currency_names,
        cent_names=cent_names,
        percent=percent,
        units=units,
        cased_units=cased,
        unit_names=unit_names,
        denominators={k.lower(): v for k, v in data["denominators"].items()},
        qualifiers=qualifiers,
        count_abbreviations=dict(data.get("count_abbreviations", {})),
    )


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon of ``rules/units.toml``, parsed once per process."""
    return _build(read_toml(rules_path("units.toml")))


# ---------------------------------------------------------------- word lists

REFS = frozenset(
    """
    Section Sections Row Rows No. Nos. No Number Article Articles Art. Chapter Page
    Paragraph Para. Clause Item Table Figure Fig. Room Flight Route Highway Interstate
    Gate Platform Seat Resolution Level Grade Phase Stage Round Game Week Episode Season
    Volume Vol. Issue Part Version Model Block Building Floor Suite Lot Plot Case Line
    Region District Zone Rule Sec. Ch. Exhibit Annex Appendix Step Day Act Title Category
    Unit Apt. Apartment Box Division section row article chapter page paragraph clause
    item no. nos. room flight gate platform seat version model pp. p. category number
    """.split()  # noqa: SIM905
)
"""Words after which a number is a label, not a quantity ("Section 427", "Row 21")."""

NOT_NOUN = frozenset(
    """
    a an the this that these those its his her their our your my of in on at to for from
    by with and or but nor so yet as than then per via into onto over under about around
    after before between during since until till up down out off is was are were be been
    being has have had will would can could may might must should shall do does did not no
    yes also only just more less most least much many few fewer each every all both either
    neither some any such own same other another last next first second third here there
    where when while which who whom whose what why how if because though although whereas
    unless whether year years month months week weeks day days hour hours minute minutes
    second seconds times time fold percent per-cent pct bps vs versus plus minus against
    they we you he she it i them him me one ones thanks including excluding compared
    according amid among across above below under within without toward towards through
    throughout upon worth rose fell rises falls rising falling grew grows increased
    decreased dropped jumped climbed declined gained lost added says said reported remains
    remained stands stood reached reaches totaled totalled totals amounted amounts
    compares compares equals means shows seems comes goes makes gets takes gives becomes
    looks is isn't wasn't aren't weren't has hasn't have haven't always perhaps thus news
    series species whereas towards besides sometimes us yes plus bus gas its this his has
    was
    """.split()  # noqa: SIM905
)
IRREGULAR_PLURALS = frozenset(
    """
    people children men women staff personnel police cattle sheep fish deer aircraft crew
    livestock poultry swine offspring teeth mice geese spacecraft
    """.split()  # noqa: SIM905
)
SENTENCE_OPENERS = frozenset(
    """
    about around some over nearly almost only just all roughly approximately another
    exactly total totally overall here there now today yesterday still even at least
    """.split()  # noqa: SIM905
)
YEAR_PREPOSITIONS = frozenset(
    """
    in since by of from until till to for during before after between and through year
    early late mid end start beginning fiscal spring summer autumn fall winter the around
    circa than or vs versus
    """.split()  # noqa: SIM905
)

METRE_CONTEXT = frozenset(
    """
    tall high long wide deep away above below from sprint hurdles race freestyle dash run
    relay backstroke breaststroke butterfly medley x by depth altitude radius diameter
    """.split()  # noqa: SIM905
)


# ---------------------------------------------------------------- context patterns


class Patterns:
    """Compiled, anchored context regexes derived from the lexicon.

    :mod:`claimcheck.extract.quantities` matches them at the end of a numeric
    core (scale, percent, age, currency, unit, noun, denominator).
    """

    def __init__(self, lex: Lexicon) -> None:
        scales_long = [s for s in lex.scales if len(s) > 1]
        self.scale_attached = re.compile(
            rf"(?P<s>(?i:{_caseless_alternation(scales_long)})|[kKmMbB])(?![A-Za-z0-9])"
        )
        self.scale_spaced = re.compile(
            r"(?:[ \u00a0]|-|[ \u00a0]-[ \u00a0])"
            rf"(?P<s>(?i:{_caseless_alternation([*scales_long, 'hundred'])}))"
            r"(?![A-Za-z0-9])"
        )
        self.half = re.compile(r"(?i:[ \u00a0]and\s{1,3}a\s{1,3}half\b)")
        self.percent = re.compile(
            rf"(?:[ \u00a0]?(?P<sym>%(?:[ \u00a0](?i:points?|pts?)\b)?)"
            r"|(?:[ \u00a0-]|)"
            rf"(?i:(?P<word>{_caseless_alternation([w for w in lex.percent if w[0].isalpha()])}))"
            r"(?![A-Za-z]))"
        )
        self.age = re.compile(
            r"(?i:[ \u00a0]?-?[ \u00a0]?(?P<u>year|yr|month|week|day)s?"
            r"(?:[ \u00a0]|-){1,2}old(?:s)?\b)"
        )
        word_suffixes = [s for s in lex.currency_suffix if not s.isupper() and s[0].isalpha()]
        code_suffixes = [s for s in lex.currency_suffix if s.isupper() or not s[0].isalpha()]
        self.currency_words = re.compile(
            rf"[ \u00a0-](?i:(?P<c>{_caseless_alternation(word_suffixes)}))(?![A-Za-z])"
        )
        self.currency_codes = re.compile(
            rf"[ \u00a0]?(?P<c>{trie_alternation(code_suffixes)})(?![A-Za-z])"
        )
        self.cents = re.compile(
            r"(?:[ \u00a0-]?(?i:(?P<c>euro[ \u00a0]cents?|cents?|sen|pence|kopecks?|kopeks?))"
            r"(?![A-Za-z0-9])|[ \u00a0]?(?P<c2>p)(?![A-Za-z0-9'’]|\.[A-Za-z0-9]))"
        )
        unit_words = [s for s in lex.units if s[0].isalpha() or s[0] in "µμ"]
        unit_symbols = [s for s in lex.units if not (s[0].isalpha() or s[0] in "µμ")]
        self.unit_ci = re.compile(
            rf"(?:[ \u00a0]|-|)(?i:(?P<u>{_caseless_alternation(unit_words)}))(?![A-Za-z0-9²³])"
            rf"|[ \u00a0]?(?P<sym>{trie_alternation(unit_symbols)})(?![A-Za-z0-9])"
        )
        self.unit_cs = re.compile(
            rf"(?:[ \u00a0]|)(?P<u>{trie_alternation(lex.cased_units)})(?![A-Za-z0-9²³])"
        )
        self.denominator = re.compile(
            rf"(?:[ \u00a0]?/[ \u00a0]?|[ \u00a0-](?:per|a|an|each|every)[ \u00a0-])"
            rf"(?i:(?P<d>{_caseless_alternation(lex.denominators)}))(?![A-Za-z])"
            r"(?![ \u00a0](?:earlier|ago|before|later|after|back|on|in which|when)\b)"
        )
        self.noun = re.compile(
            r"[ \u00a0](?P<w1>[A-Za-z][A-Za-z'’-]{0,30})"
            r"(?:[ \u00a0](?P<w2>[A-Za-z][A-Za-z'’-]{1,30}))?"
            r"(?:[ \u00a0](?P<w3>[A-Za-z][A-Za-z'’-]{1,30}))?"
        )
        self.hyphen_noun = re.compile(r"-(?P<n>[a-z]{3,20})(?![\w-])")
        self.noun_per = re.compile(r"[ \u00a0]per[ \u00a0](?P<d>[a-z]{2,20})\b")
        self.count_abbreviation = re.compile(
            rf"[ \u00a0](?P<a>{trie_alternation(lex.count_abbreviations)})(?![A-Za-z0-9])"
        )
        self.count_abbreviation_firsts = frozenset(a[0] for a in lex.count_abbreviations)
        self.post_qualifier = re.compile(r"(?i:[ \u00a0]or[ \u00a0](?P<q>more|less|fewer|so))\b")
        self.multiplier = re.compile(r"(?i:[ \u00a0-]?(?:times|fold)\b|x\b)")
        # One anchored match for all the non-unit readings, in priority order.
        self.post = re.compile(
            "|".join(
                (
                    f"(?P<pct>{self.percent.pattern})",
                    f"(?P<age>{self.age.pattern})",
                    f"(?P<cent>{self.cents.pattern.replace('(?P<c>', '(?P<centw>')})",
                    f"(?P<cur>{self.currency_words.pattern.replace('(?P<c>', '(?P<curw>')})",
                    f"(?P<code>{self.currency_codes.pattern.replace('(?P<c>', '(?P<codew>')})",
                    f"(?P<mult>{self.multiplier.pattern})",
                )
            )
        )
        self.yuan = re.compile(r"(?i:yuan|\bRMB\b|renminbi)")
        prefixes = sorted(lex.currency_prefix, key=len, reverse=True)
        self.prefixes_by_last: dict[str, list[str]] = {}
        for prefix in prefixes:
            self.prefixes_by_last.setdefault(prefix[-1], []).append(prefix)
        # Every tail of a prefix ("S $" of "US $"), with the prefixes that are themselves
        # tails of it, longest first: the prefixes written before a position are those of
        # the longest tail of the text there that is a key (a longer prefix would have
        # made a longer tail a key). "$" ends 22 prefixes; one look-up per length finds
        # the few that match instead of trying them all.
        # (The tails of a tail that are prefixes: one set look-up per length, longest first.)
        self.prefix_tails: dict[str, tuple[str, ...]] = {}
        for prefix in prefixes:
            for k in range(1, len(prefix) + 1):
                tail = prefix[-k:]
                self.prefix_tails[tail] = tuple(
                    tail[i:] for i in range(len(tail)) if tail[i:] in lex.currency_prefix
                )
        self.prefix_max = max(len(p) for p in prefixes) + 1
        self.qualifier_last_words = frozenset(q.split()[-1] for q in lex.qualifiers)
        # Per last word, the word counts (4 at most, longest first) of the qualifier
        # phrases ending in it: what :func:`~claimcheck.extract.qualifiers.qualifier_before`
        # needs to try, instead of every count from 4 to 1.
        lengths: dict[str, set[int]] = {}
        for phrase in lex.qualifiers:
            words = phrase.split(" ")
            if len(words) <= 4:
                lengths.setdefault(words[-1], set()).add(len(words))
        self.qualifier_lengths = {
            last: tuple(sorted(counts, reverse=True)) for last, counts in lengths.items()
        }


@functools.cache
def patterns() -> Patterns:
    """The compiled context patterns, built once per process."""
    return Patterns(lexicon())
