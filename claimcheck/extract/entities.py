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

from claimcheck.extract.phrases import (
    Regions,
    Trie,
    ascii_runs,
    finditer_in,
    lower_case,
    phrase_alternation,
    phrase_regex,
    phrase_trie,
    run_shapes,
    separator_run,
    text_runs,
    word_end,
)
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
    tuples are several times cheaper to build, and plain ``start``/``end`` offsets
    spare a :class:`~claimcheck.model.Span` per mention.
    """

    start: int
    end: int
    entity: str
    form: EntityForm
    party: bool = True
    reason: str | None = None

    @property
    def span(self) -> Span:
        """Where the mention is, as a :class:`~claimcheck.model.Span` (built on request)."""
        return Span(self.start, self.end)


@attrs.frozen(slots=True)
class _Compiled:
    written: tuple[str, ...]
    """Every form as written in the gazetteer, for :attr:`bare`."""
    capitals: Trie
    """The ALL-CAPS copies of the forms ("CHINA", "BEIJING"), walked by
    :func:`_longest` from where :attr:`capital_starts` matches. Few texts have words
    in capitals: a Python walk there is cheaper than compiling the copies into
    :attr:`bare`, which would double it."""
    capital_starts: re.Pattern[str]
    """Where an ALL-CAPS copy can start: its first two characters, not after a
    letter, digit, ``_`` or ``.``."""
    forms: dict[str, tuple[str, EntityForm]]
    not_before: re.Pattern[str]
    world_terms: tuple[str, ...]
    every_form: tuple[str, ...]
    """The forms and their ALL-CAPS copies, for :func:`_one_pattern`."""

    @property
    def bare(self) -> re.Pattern[str]:
        """Every form as written in the gazetteer, not followed by a word character
        (compiled on first use: only :func:`_mentions` scans with it).
        :func:`_mentions` checks that it does not follow a letter, digit, ``_`` or ``.``
        either: that check, outside the pattern, lets the pattern start with the forms'
        first characters, which the regex engine skips to fast."""
        return _bare_pattern(self.written)

    @property
    def world(self) -> re.Pattern[str] | None:
        """Whole-world phrases, case-insensitive (compiled on first use)."""
        return _world_pattern(self.world_terms) if self.world_terms else None


@functools.cache
def _bare_pattern(written: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?:" + phrase_alternation(written) + r")(?!\w)")


@functools.cache
def _world_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"(?:" + phrase_regex((w.lower() for w in terms), r"\b") + r")\b", re.IGNORECASE
    )


@functools.cache
def _compiled() -> _Compiled:
    gaz = gazetteer()
    forms: dict[str, tuple[str, EntityForm]] = {}
    written: list[str] = []
    capitals: list[str] = []
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
                written.append(value)
                if len(value) > 3 and not value.isupper():
                    forms.setdefault(value.upper(), (entity.name, form_kind))
                    capitals.append(value.upper())
    capital_trie = phrase_trie(capitals)
    _check_walkable(capital_trie)
    not_before = re.compile(r"(?:\s+and\s+\w+)?\s+(?:" + phrase_regex(gaz.not_before) + r")\b")
    normalised = {re.sub(r"\s+", " ", k.replace("’", "'")): v for k, v in forms.items()}
    return _Compiled(
        tuple(written),
        capital_trie,
        _starts_pattern(capital_trie),
        normalised,
        not_before,
        tuple(gaz.world_terms),
        tuple(forms),
    )


@functools.cache
def _one_pattern() -> re.Pattern[str]:
    """Every form and ALL-CAPS copy in one pattern: slower to compile than
    :attr:`_Compiled.bare` and the walk, faster to scan with (see :func:`find_entities`)."""
    return re.compile(r"(?:" + phrase_alternation(_compiled().every_form) + r")(?!\w)")


@functools.cache
def _capitalised_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """:func:`_one_pattern` without the forms that start in lower case ("the Emirates",
    "rest of the world"), and a word each of those contains as written (its longest run
    without white space or apostrophe: the pattern makes the others ``\\s+`` and
    ``['’]``). Text holding none of those words has the same matches with this pattern,
    which starts at capital letters only: the regex engine runs the other at every
    "t" and "r"."""
    forms = _compiled().every_form
    lower = [form for form in forms if not form[:1].isupper()]
    pattern = r"(?:" + phrase_alternation([f for f in forms if f[:1].isupper()]) + r")(?!\w)"
    keys = tuple(max(re.split(r"[\s'’]+", form), key=len) for form in lower)
    return re.compile(pattern), keys


_QUICK_START_TEXTS = 1
"""Texts scanned with the pattern of the written forms (:attr:`_Compiled.bare`) and the
walk for copies in capitals before the one-pattern scan (the same mentions): a command
reading one article compiles only the written forms (a one-article ``check`` costs ~6%
fewer instructions than with the one-pattern scan); a process that will read many
(:func:`expect_texts`) compiles only the one-pattern scan (~70M instructions fewer than
compiling both)."""
_texts_scanned = [0]


def expect_texts(count: int) -> None:
    """Tell the scanner how many texts this process is about to read: with more than one,
    the quick start is skipped (see :data:`_QUICK_START_TEXTS`). The mentions are the
    same either way."""
    if count > 1:
        _texts_scanned[0] = max(_texts_scanned[0], _QUICK_START_TEXTS)


def _starts_pattern(trie: Trie) -> re.Pattern[str]:
    """Where a phrase of ``trie`` (of two characters or more) can start: one of the
    first characters, then one of the second ones, not after a letter, digit, ``_`` or
    ``.``. The pattern opens with a character class, which the regex engine skips to
    fast, and checks what comes before afterwards."""
    firsts = {c for c in trie if c}
    seconds = {c for child in trie.values() for c in child if c}
    if not firsts or not seconds or any("" in child for child in trie.values()):
        raise ValueError("ALL-CAPS gazetteer forms are longer than one character")
    first = "".join(sorted(_class_char(c) for c in firsts))
    second = "".join(sorted(_class_char(c) for c in seconds))
    return re.compile(rf"[{first}][{second}](?<![\w.][\s\S][\s\S])")


def _class_char(char: str) -> str:
    """A trie character inside a regex character class (as the trie pattern reads it)."""
    if char == " ":
        return r"\s"
    if char == "'":
        return "'’"
    return re.escape(char)


def _check_walkable(trie: Trie) -> None:
    """:func:`_longest` reads a space of a phrase as any run of white space (as the
    regex ``\\s+`` of the trie pattern does), so phrases may hold single spaces only,
    never at their ends; other white space would need the regex."""
    stack = [(trie, True)]
    while stack:
        node, at_start = stack.pop()
        for char, child in node.items():
            if (char and char.isspace()) and (
                char != " " or at_start or "" in child or " " in child
            ):
                raise ValueError(f"gazetteer form with unexpected white space: {char!r}")
            stack.append((child, False))


def _longest(trie: Trie, text: str, start: int, hi: int) -> int:
    r"""The end of the longest phrase of ``trie`` at ``start`` not followed by a word
    character, or -1.

    The same as matching the trie's regex (:func:`phrase_alternation`) followed by
    ``(?!\w)`` at ``start`` in ``text[:hi]``: a space matches any run of white space,
    an apostrophe both ``'`` and ``’``, other characters themselves; the longest
    phrase wins.
    """
    node = trie
    best = -1
    i = start
    while True:
        if "" in node and (i >= hi or not (text[i].isalnum() or text[i] == "_")):
            best = i
        if i >= hi:
            return best
        char = text[i]
        if char.isspace():
            child = node.get(" ")
            if child is None:
                return best
            i += 1
            while i < hi and text[i].isspace():
                i += 1
        else:
            child = node.get("'" if char == "’" else char)
            if child is None:
                return best
            i += 1
        node = child


@functools.cache
def fiscal_year_starts() -> dict[str, int]:
    """The month each gazetteer entity's fiscal year starts in, where it is not January."""
    return {e.name: e.fiscal_year_start for e in gazetteer().entities if e.fiscal_year_start != 1}


_CURRENCY_AFTER = re.compile(r"\s*(?:\$|\d|dollars?\b|Dollars?\b|DOLLARS?\b|cents?\b)")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|visit|visited|visiting|summit\s+in)\s+$", re.IGNORECASE
)


def _currency_may_follow(text: str, end: int) -> bool:
    """Whether :data:`_CURRENCY_AFTER` may match at ``end``: after white space, the
    character its alternatives open with ("$", a digit, "d", "D", "c"). Few mentions
    are followed by one; the test costs a fraction of the regex call."""
    size = len(text)
    while end < size and text[end].isspace():
        end += 1
    following = text[end : end + 1]
    return following in _CURRENCY_OPENERS or following.isdecimal()


_CURRENCY_OPENERS = frozenset("$dDc")


_FORMS_OF: dict[str, tuple[str, EntityForm, bool]] = {}
""":func:`_form_of` of the surfaces met so far: the same names recur from text to text,
and one look-up costs a fraction of normalising the surface and looking that up."""
_FORMS_OF_MAX = 50_000
"""Surfaces kept at most (a form may be written with any run of white space)."""


def _form_of(
    forms: dict[str, tuple[str, EntityForm]], surface: str
) -> tuple[str, EntityForm, bool]:
    """The entity and form of a mention written ``surface`` (``’`` read as ``'``, each run
    of white space, a no-break or thin space too, as one space), and whether
    it is a dateline in capitals (more than three characters, all cased ones upper case);
    remembered per surface. Raises :class:`KeyError` for a surface of no form."""
    found = _FORMS_OF.get(surface)
    if found is None:
        # (a miss only, once per surface: the cost of splitting does not matter here)
        canonical = " ".join(surface.replace("’", "'").split())
        entity, form = forms[canonical]
        found = (entity, form, canonical.isupper() and len(canonical) > 3)
        if len(_FORMS_OF) < _FORMS_OF_MAX:
            _FORMS_OF[surface] = found
    return found


def find_entities(text: str, regions: Regions | None = None) -> tuple[EntityMention, ...]:
    """Every gazetteer mention in ``text``, in text order."""
    compiled = _compiled()
    out: list[EntityMention] = []
    new = tuple.__new__  # (a named tuple's ``__new__`` is Python code: ~60% of its cost)
    if _texts_scanned[0] < _QUICK_START_TEXTS:
        _texts_scanned[0] += 1
        spans = list(_mentions(compiled, text, regions))
    else:
        root = _word_root()
        if root is not None:
            spans = _word_mentions(root, text, regions)
        else:
            capitalised, keys = _capitalised_pattern()
            # Without the key words of the forms in lower case, only the others can match.
            full = any(key in text for key in keys)
            spans = _one_pattern_mentions(_one_pattern() if full else capitalised, text, regions)
    for start, end in spans:
        entity, form, dateline = _form_of(compiled.forms, text[start:end])
        reason: str | None = None
        if _currency_may_follow(text, end) and _CURRENCY_AFTER.match(text, end):
            reason = "currency"  # "US$ 40 bln", "99.84 billion U.S. dollars", "US 69.38 billion"
        elif form == "capital":
            before = text[max(0, start - 20) : start]
            if dateline or _PLACE_BEFORE.search(before) is not None:
                reason = "place"
        elif form == "demonym" and compiled.not_before.match(text, end):
            reason = "describes"
        # Every field, in order: ``tuple.__new__`` skips the named tuple's own ``__new__``.
        out.append(new(EntityMention, (start, end, entity, form, reason is None, reason)))
    return tuple(out)


def _mentions(compiled: _Compiled, text: str, regions: Regions | None) -> Iterator[tuple[int, int]]:
    r"""``(start, end)`` of each mention: what ``finditer_in`` would give for one pattern
    of every form and ALL-CAPS copy, preceded by ``(?<![\w.])``, followed by ``(?!\w)``.

    At each start that pattern matches the longer of the written form (``bare``)
    and the ALL-CAPS copy (the walk) found there; the leftmost start comes first, and
    the search goes on from the end of each mention.
    """
    bare, capitals = compiled.bare, compiled.capitals
    for lo, hi in regions if regions is not None else ((0, len(text)),):
        ups = [m.start() for m in compiled.capital_starts.finditer(text, lo, hi)]
        u, count = 0, len(ups)
        pos = lo  # the end of the last mention
        search = lo  # where the search for written forms goes on
        while True:
            again = -1
            # ``finditer`` goes on from the end of each match, as a new search would:
            # a rejected start, or a copy in capitals that wins, needs a new search.
            for match in bare.finditer(text, search, hi):
                start = match.start()
                before = text[start - 1] if start > 0 else " "
                if before.isalnum() or before in "_.":
                    again = start + 1
                    break
                found = -1
                while u < count and ups[u] < start:  # copies starting before it
                    up = ups[u]
                    u += 1
                    if up >= pos:
                        found = _longest(capitals, text, up, hi)
                        if found >= 0:
                            yield up, found
                            break
                if found >= 0:
                    again = pos = found
                    break
                end = match.end()
                if u < count and ups[u] == start:
                    u += 1
                    longer = _longest(capitals, text, start, hi)
                    if longer > end:
                        yield start, longer
                        again = pos = longer
                        break
                yield start, end
                pos = end
            if again < 0:
                break
            search = again
        for up in ups[u:]:  # copies after the last written form
            if up >= pos:
                found = _longest(capitals, text, up, hi)
                if found >= 0:
                    yield up, found
                    pos = found


def _one_pattern_mentions(
    pattern: re.Pattern[str], text: str, regions: Regions | None
) -> list[tuple[int, int]]:
    r"""The matches ``finditer_in`` would give for ``pattern`` preceded by ``(?<![\w.])``.

    The leftmost match of that pattern is the leftmost match of ``pattern`` whose
    start passes the check: search and, where the check fails, search again from
    the next character (the check outside the pattern lets it start with the forms'
    first characters, which the regex engine skips to fast). A list, not a
    generator: a compiled generator costs more than the list.
    """
    out: list[tuple[int, int]] = []
    for lo, hi in regions if regions is not None else ((0, len(text)),):
        pos: int | None = lo
        while pos is not None:
            resume, pos = pos, None
            for match in pattern.finditer(text, resume, hi):
                start = match.start()
                before = text[start - 1] if start > 0 else " "
                if before.isalnum() or before in "_.":
                    pos = start + 1
                    break
                out.append((start, match.end()))
    return out


_TOKENS = re.compile(r"\w+|\W+")


class _Form:
    """A node of the word trie of the forms (:func:`_word_root`): below a word, the
    runs of non-word characters that go on a form; below such a run, the words."""

    __slots__ = ("ends", "next", "runs", "tails")

    def __init__(self) -> None:
        self.next: dict[str, _Form] = {}
        self.runs: dict[bytes, _Form] = {}
        """:attr:`next` (words) by their UTF-8 bytes (see :func:`_ascii_mentions`)."""
        self.ends = False
        """Whether a form ends with this word."""
        self.tails: tuple[str, ...] = ()
        """The non-word characters some forms end with after this word ("." of "U.S.")."""


def _word_form(form: str) -> bool:
    """Whether :func:`_word_mentions` finds ``form`` where the trie pattern does: it opens
    with a word character, holds no white space but single spaces between words, and
    the non-word characters it may end with are neither white space nor apostrophes
    (the trie pattern reads those as ``\\s+`` and ``['’]``; these, literally)."""
    tokens = _TOKENS.findall(form.replace("’", "'"))
    if not tokens or not (tokens[0][0].isalnum() or tokens[0][0] == "_"):
        return False
    if "  " in form or any(char != " " and char.isspace() for char in form):
        return False
    last = tokens[-1]
    return last[0].isalnum() or last[0] == "_" or not any(c in " '" for c in last)


def _word_root() -> dict[str, _Form] | None:
    """Every form and ALL-CAPS copy (:attr:`_Compiled.every_form`), word by word;
    ``None`` where one is not a :func:`_word_form`."""
    return _word_roots()[0]


def _add_word(words: dict[str, _Form], runs: dict[bytes, _Form], word: str) -> _Form:
    """``words[word]`` (a new node if missing), also as ``runs[word as bytes]``."""
    node = words.setdefault(word, _Form())
    runs[word.encode("utf-8")] = node
    return node


@functools.cache
def _word_roots() -> tuple[dict[str, _Form] | None, dict[bytes, _Form], bytes]:
    """:func:`_word_root`, its words by their UTF-8 bytes and the first bytes of those
    (:func:`~claimcheck.extract.phrases.run_shapes`: a run of another shape is no word
    of a form)."""
    root: dict[str, _Form] = {}
    runs: dict[bytes, _Form] = {}
    for form in _compiled().every_form:
        if not _word_form(form):
            return None, {}, bytes(256)
        tokens = _TOKENS.findall(form.replace("’", "'"))
        tail = "" if tokens[-1][0].isalnum() or tokens[-1][0] == "_" else tokens.pop()
        node = _add_word(root, runs, tokens[0])
        for i, token in enumerate(tokens[1:]):
            if i % 2:  # a word below a run of non-word characters
                node = _add_word(node.next, node.runs, token)
            else:
                node = node.next.setdefault(token, _Form())
        if tail:
            node.tails = tuple(sorted({*node.tails, tail}, key=len))
        else:
            node.ends = True
    return root, runs, run_shapes(runs)


def _word_mentions(
    root: dict[str, _Form], text: str, regions: Regions | None
) -> list[tuple[int, int]]:
    r"""The matches ``_one_pattern_mentions(_one_pattern(), text, regions)`` gives, word
    by word, without regex.

    The pattern is the trie of the forms, then ``(?!\w)``, not after a word character
    or ``.``: a form (opening with a word character) starts where a run of word
    characters starts, after no ``.``; it is whole runs of word characters and the
    runs between them as the form writes them (:func:`~claimcheck.extract.phrases.
    separator_run`), then maybe the start of the next run of non-word characters (its
    tail, "." of "U.S."): the whole run at the end of the text or region, less than the
    run before a word character. At each start the longest form wins (the trie pattern
    is greedy; its atoms at one node never accept the same character), and the scan
    goes on from its end.
    """
    out: list[tuple[int, int]] = []
    ascii = text.isascii()
    for lo, hi in regions if regions is not None else ((0, len(text)),):
        if ascii:
            _ascii_mentions(text, lo, hi, out)
            continue
        i = lo
        while i < hi:
            char = text[i]
            if not (char.isalnum() or char == "_"):
                i += 1
                continue
            j = word_end(text, i + 1, hi)
            before = text[i - 1] if i > 0 else " "
            if not (before.isalnum() or before in "_."):
                node = root.get(text[i:j])
                if node is not None:
                    end = _form_end(text, j, hi, node)
                    if end >= 0:
                        out.append((i, end))
                        if end > j:
                            i = end  # (the search goes on from the end of the mention)
                            continue
            i = j
    return out


@functools.cache
def _lower_shapes() -> bytes:
    """The shapes (:func:`~claimcheck.extract.phrases.run_shapes`) of the words of
    :func:`_word_roots` lower-cased: a run of a lower-cased ASCII text whose shape is
    not among them is no word of a form in the text (ASCII ``lower`` keeps each run's
    place and length and lowers its first and last bytes as the words')."""
    return run_shapes([run.lower() for run in _word_roots()[1]])


def _ascii_mentions(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    """:func:`_word_mentions` in the region ``[lo, hi)`` of an ASCII text, from its runs
    of word characters (:func:`~claimcheck.extract.phrases.ascii_runs`).

    For the whole text, the runs are those of the lower-cased text, which the number
    scan split already (:func:`~claimcheck.extract.phrases.text_runs` keeps them): the
    same places and lengths (ASCII ``lower`` changes only letters' case), tested
    against the lower-cased shapes (:func:`_lower_shapes`); a run passing that is
    looked up as written (a slice of the text's bytes), as are the next words of a
    form (:func:`_ascii_form_end`). A second split of the text cost more than both."""
    _, roots, shapes = _word_roots()
    if lo == 0 and hi == len(text):
        runs = text_runs(lower_case(text))
        shapes = _lower_shapes()
    else:
        runs = ascii_runs(text, lo, hi)
    raw = text.encode("ascii")
    count = len(runs)
    pos = lo  # where ``runs[x]`` starts
    x = 0
    after = lo  # the end of the last mention
    while x < count:
        run = runs[x]
        size = len(run)
        if (
            size
            and pos >= after
            and (shapes[run[0] * 128 + run[-1]] >> ((size if size < 8 else 8) - 1)) & 1
        ):
            node = roots.get(raw[pos : pos + size])
            before = text[pos - 1] if pos > 0 else " "
            if node is not None and not (before.isalnum() or before in "_."):
                end = _ascii_form_end(text, raw, runs, x, pos + size, hi, node)
                if end >= 0:
                    out.append((pos, end))
                    after = end
        pos += size + 1
        x += 1


def _ascii_form_end(  # noqa: PLR0917 (the walk's state)
    text: str, raw: bytes, runs: list[bytes], x: int, end: int, hi: int, node: _Form
) -> int:
    """:func:`_form_end` from ``runs[x]`` (ending at ``end``), reading the next words
    from ``runs`` (their places and lengths; the words as written from ``raw``, the
    text's bytes)."""
    best = -1
    count = len(runs)
    while True:
        if node.ends:
            best = end
        if not node.tails and not node.next:
            return best
        y = x + 1
        while y < count and not runs[y]:
            y += 1
        k = end + y - x if y < count else hi  # the next word (a non-word character a part)
        for tail in node.tails:
            if text.startswith(tail, end, k) and (end + len(tail) < k or k >= hi):
                best = end + len(tail)
        if y >= count or not node.next:
            return best
        run = text[end:k]
        between = node.next.get(run if run == " " else separator_run(run))
        if between is None:
            return best
        stop = k + len(runs[y])
        word = between.runs.get(raw[k:stop])
        if word is None:
            return best
        node, x, end = word, y, stop


def _form_end(text: str, end: int, hi: int, node: _Form) -> int:
    """The end of the longest form starting with the word before ``end`` (``node``), or
    -1 (see :func:`_word_mentions`)."""
    best = -1
    while True:
        if node.ends:
            best = end
        if not node.tails and not node.next:
            return best
        k = end  # the run of non-word characters after the word
        while k < hi:
            char = text[k]
            if char.isalnum() or char == "_":
                break
            k += 1
        for tail in node.tails:
            if text.startswith(tail, end, k) and (end + len(tail) < k or k >= hi):
                best = end + len(tail)
        if k >= hi or not node.next:
            return best
        run = text[end:k]
        between = node.next.get(run if run == " " else separator_run(run))
        if between is None:
            return best
        m = k + 1
        while m < hi:
            char = text[m]
            if not (char.isalnum() or char == "_"):
                break
            m += 1
        word = between.next.get(text[k:m])
        if word is None:
            return best
        node, end = word, m


def find_world_terms(text: str, regions: Regions | None = None) -> tuple[Span, ...]:
    """Spans of phrases meaning trade with the whole world ("foreign trade")."""
    world = _compiled().world
    if world is None:
        return ()
    return tuple(Span(m.start(), m.end()) for m in finditer_in(world, text, regions))
