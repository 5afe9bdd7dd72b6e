"""Country and region mentions, read with the gazetteer ``rules/entities.toml``.

:func:`find_entities` scans a text once with one compiled pattern of every
name, alias, demonym and capital (longest first, case-sensitive, plus the
ALL-CAPS form of each) and returns :class:`EntityMention` records in text
order. A mention is a *party* unless it only describes a person or body
("Russian President", "Chinese partners"), names a currency ("US$",
"U.S. dollars"), or is a capital used as a place
(datelines such as "BEIJING, October 28", "a meeting in Bishkek").
:func:`find_world_terms` finds phrases meaning trade with the whole world.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

import attrs

from claimcheck.extract.phrases import Regions, finditer_in, phrase_alternation, phrase_regex
from claimcheck.model import Span
from claimcheck.rulepacks import gazetteer

__all__ = ["EntityMention", "find_entities", "find_world_terms", "fiscal_year_starts"]

EntityForm = Literal["name", "alias", "demonym", "capital"]


class EntityMention(NamedTuple):
    """One mention of a gazetteer entity.

    ``party`` is false when the mention is no trade party; ``reason`` then
    says why: "describes" (a person or body: "Russian President"),
    "currency" ("US$") or "place" (a dateline or "in Bishkek"). A named
    tuple rather than an attrs class: a text has hundreds of mentions, and named
    tuples are several times cheaper to build.
    """

    span: Span
    entity: str
    form: EntityForm
    party: bool = True
    reason: str | None = None


@attrs.frozen(slots=True)
class _Compiled:
    bare: re.Pattern[str]
    """Every form, not followed by a word character. :func:`_mentions` checks that it
    does not follow a letter, digit, ``_`` or ``.`` either: that check, outside the
    pattern, lets the pattern start with the forms' first characters, which the regex
    engine skips to fast."""
    forms: dict[str, tuple[str, EntityForm]]
    not_before: re.Pattern[str]
    world: re.Pattern[str] | None


@functools.cache
def _compiled() -> _Compiled:
    gaz = gazetteer()
    forms: dict[str, tuple[str, EntityForm]] = {}
    for entity in gaz.entities:
        groups: tuple[tuple[EntityForm, tuple[str, ...]], ...] = (
            ("name", (entity.name,)),
            ("alias", entity.aliases),
            ("demonym", entity.demonyms),
            ("capital", entity.capitals),
        )
        for form_kind, values in groups:
            for value in values:
                forms.setdefault(value, (entity.name, form_kind))
                if len(value) > 3 and not value.isupper():
                    forms.setdefault(value.upper(), (entity.name, form_kind))
    bare = re.compile(r"(?:" + phrase_alternation(forms) + r")(?!\w)")
    not_before = re.compile(r"(?:\s+and\s+\w+)?\s+(?:" + phrase_regex(gaz.not_before) + r")\b")
    world = (
        re.compile(
            r"(?:" + phrase_regex((w.lower() for w in gaz.world_terms), r"\b") + r")\b",
            re.IGNORECASE,
        )
        if gaz.world_terms
        else None
    )
    normalised = {re.sub(r"\s+", " ", k.replace("’", "'")): v for k, v in forms.items()}
    return _Compiled(bare, normalised, not_before, world)


@functools.cache
def fiscal_year_starts() -> dict[str, int]:
    """The month each gazetteer entity's fiscal year starts in, where it is not January."""
    return {e.name: e.fiscal_year_start for e in gazetteer().entities if e.fiscal_year_start != 1}


_CURRENCY_AFTER = re.compile(r"\s*(?:\$|\d|dollars?\b|Dollars?\b|DOLLARS?\b|cents?\b)")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|visit|visited|visiting|summit\s+in)\s+$", re.IGNORECASE
)


def find_entities(text: str, regions: Regions | None = None) -> tuple[EntityMention, ...]:
    """Every gazetteer mention in ``text``, in text order."""
    compiled = _compiled()
    out: list[EntityMention] = []
    for match in _mentions(compiled.bare, text, regions):
        surface = match.group().replace("’", "'")
        if " " in surface or "\n" in surface or "\t" in surface:
            surface = " ".join(surface.split())
        entity, form = compiled.forms[surface]
        reason: str | None = None
        if _CURRENCY_AFTER.match(text, match.end()):
            reason = "currency"  # "US$ 40 bln", "99.84 billion U.S. dollars", "US 69.38 billion"
        elif form == "capital":
            before = text[max(0, match.start() - 20) : match.start()]
            dateline = surface.isupper() and len(surface) > 3
            if dateline or _PLACE_BEFORE.search(before) is not None:
                reason = "place"
        elif form == "demonym" and compiled.not_before.match(text, match.end()):
            reason = "describes"
        out.append(
            EntityMention(Span(match.start(), match.end()), entity, form, reason is None, reason)
        )
    return tuple(out)


def _mentions(bare: re.Pattern[str], text: str, regions: Regions | None) -> Iterator[re.Match[str]]:
    r"""The matches ``finditer_in`` would give for ``bare`` preceded by ``(?<![\w.])``.

    The leftmost match of that pattern is the leftmost match of ``bare`` whose start
    passes the check: search ``bare`` and, where the check fails, search again from
    the next character.
    """
    # ``finditer`` goes on from the end of each match, as a new search would: only a
    # rejected start needs a new scan, from the next character.
    for lo, hi in regions if regions is not None else ((0, len(text)),):
        pos: int | None = lo
        while pos is not None:
            resume, pos = pos, None
            for match in bare.finditer(text, resume, hi):
                start = match.start()
                before = text[start - 1] if start > 0 else " "
                if before.isalnum() or before in "_.":
                    pos = start + 1
                    break
                yield match


def find_world_terms(text: str, regions: Regions | None = None) -> tuple[Span, ...]:
    """Spans of phrases meaning trade with the whole world ("foreign trade")."""
    world = _compiled().world
    if world is None:
        return ()
    return tuple(Span(m.start(), m.end()) for m in finditer_in(world, text, regions))
