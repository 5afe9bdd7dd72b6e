"""Fast regular expressions for long lists of literal phrases.

Python's :mod:`re` tries the branches of an alternation one by one at every
position, so a pattern of several hundred phrases ("trade turnover",
"People's Republic of China", ...) is slow. :func:`phrase_regex` factors
the phrases into a trie ("tra(?:de(?:\\s+turnover)?)"), which the engine
rejects after a character or two, several times faster on article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

__all__ = [
    "STARTS_AFTER",
    "MultiScanner",
    "Regions",
    "Trie",
    "ascii_runs",
    "finditer_in",
    "lower_case",
    "phrase_alternation",
    "phrase_regex",
    "phrase_trie",
    "region_runs",
    "run_shapes",
    "separator_run",
    "text_runs",
    "word_end",
]

Regions = Sequence[tuple[int, int]]
"""Disjoint ``[start, end)`` ranges of a text, in order, to restrict a scan to."""


def finditer_in(
    pattern: re.Pattern[str], text: str, regions: Regions | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, only within ``regions`` when given."""
    if regions is None:
        yield from pattern.finditer(text)
        return
    for start, end in regions:
        yield from pattern.finditer(text, start, end)


_LAST_LOWERED: list[tuple[str, str]] = [("", "")]
"""The last text :func:`lower_case` lowered, with its lower-cased copy."""


def lower_case(text: str) -> str:
    """``text.lower()``, kept for the last text: the quantity scan, the period scan and
    the claims' term scan of one document all lower-case the same text."""
    last = _LAST_LOWERED[0]  # one read: another thread may replace it meanwhile
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LAST_LOWERED[0] = (text, low)
    return low


Trie = dict[str, "Trie"]
"""Phrases one character per level (``’`` stored as ``'``); ``""`` ends a phrase."""
_Trie = Trie

_SPECIAL = {" ": r"\s+", "'": "['’]", "’": "['’]"}


_ATOMS: dict[str, str] = dict(_SPECIAL)
""":func:`_atom` of each character met so far: ``re.escape`` is interpreted Python, and a
trie of a vocabulary has thousands of nodes (it was about a third of building one)."""


def _atom(char: str) -> str:
    atom = _ATOMS.get(char)
    if atom is None:
        atom = re.escape(char)
        _ATOMS[char] = atom
    return atom


def _class_atom(char: str) -> str:
    if char.isspace():
        return r"\s"
    if char == "'":
        return "'’"
    return re.escape(char)


def _build(node: _Trie) -> str:
    ends = "" in node
    branches = [_atom(char) + _build(node[char]) for char in sorted(k for k in node if k)]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def _trie(phrases: Iterable[str]) -> _Trie:
    trie: _Trie = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase.replace("’", "'"):
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def phrase_trie(phrases: Iterable[str]) -> Trie:
    """The trie :func:`phrase_regex` and :func:`phrase_alternation` compile."""
    return _trie(phrases)


def phrase_alternation(phrases: Iterable[str]) -> str:
    """The trie of ``phrases`` alone (see :func:`phrase_regex`), without the leading
    look-ahead: an alternation whose branches each start with a literal character,
    which lets the regex engine skip fast to the characters that can start a phrase
    when nothing else precedes it in the pattern."""
    trie = _trie(phrases)
    return _build(trie) if trie else "(?!)"


def phrase_regex(phrases: Iterable[str], before: str = "") -> str:
    """A regex (without anchors) matching any of ``phrases``, longest alternative first.

    A space in a phrase matches any run of white space and an apostrophe
    matches both ``'`` and ``’``. The trie is greedy: where one phrase is a
    prefix of another, the longer one wins when it matches. ``before`` (a
    look-behind such as ``(?<!\\w)``) is placed after the leading class of
    first characters, where it costs least.
    """
    trie = _trie(phrases)
    if not trie:
        return "(?!)"
    # A leading class of the possible first characters lets the engine skip ahead fast.
    first = "".join(sorted(_class_atom(c) for c in trie))
    return f"(?=[{first}]){before}{_build(trie)}"


def _canonical(surface: str) -> str:
    """A matched phrase as written in a vocabulary: ``'`` apostrophes, single spaces."""
    phrase = surface.replace("’", "'")
    return phrase if phrase.isalpha() else " ".join(phrase.split())


_CANONICAL: dict[str, str] = {}
""":func:`_canonical` of the surfaces met so far: a vocabulary's phrases recur from
text to text, and one look-up costs a fraction of the replace, test and split."""
_CANONICAL_MAX = 50_000
"""Surfaces kept at most (a phrase may be written with any run of white space)."""


def _canonical_cached(surface: str) -> str:
    """:func:`_canonical`, remembered per surface."""
    phrase = _CANONICAL.get(surface)
    if phrase is None:
        phrase = _canonical(surface)
        if len(_CANONICAL) < _CANONICAL_MAX:
            _CANONICAL[surface] = phrase
    return phrase


_BEFORE = {False: r"(?<!\w)", True: r"(?<![\w-])"}


def _bounded(body: str, hyphen: bool) -> str:
    return "(?:" + body + (r")(?![\w-])" if hyphen else r")(?!\w)")


STARTS_AFTER = 10_000
"""Characters scanned before a scan compiles its pattern of starts (:func:`_phrase_starts_pattern`,
:func:`~claimcheck.extract.numbers._word_matches`). Compiling both costs about 30M
instructions, which scanning with them saves back over some 200 KB of text: one
article (a CLI cold start) does without; a run over many documents compiles them
early on."""


def _phrase_starts_pattern(trie: _Trie) -> re.Pattern[str]:
    """Where a phrase of ``trie`` (first characters all word characters) can start after
    the first position of a scan: a character that is not an ASCII word character (on
    lower-cased text, every non-word character is one), before the first character of
    a phrase; the match ends there, and group 1 (in a look-ahead) is the phrase, with a
    word boundary after it: what the scan's own pattern matches there (the same trie,
    the same boundary), unless the character before is a non-ASCII word character.

    A scan for ``(?<!\\w)`` + the phrases + ``(?!\\w)`` opens with look-arounds, which
    the regex engine tries at every position; this opens with a character class, which
    it skips to in one C loop. A phrase it misses would start at a position a match
    of it covers: that position follows a word character, so no phrase starts there.
    """
    if not trie or not all(c.isalnum() or c == "_" for c in trie if c):
        return re.compile("(?!)")
    # Not an ASCII word character: a fast class, wider than ``\W`` (a letter such as "é"
    # passes it; the caller then rejects the position). Then a class of the characters a
    # phrase starts with: one test rejects a position before a digit, a space or a mark,
    # where the trie's alternation would try each of its first characters in turn.
    first = "".join(sorted(_class_atom(char) for char in trie if char))
    return re.compile(r"[^0-9a-z_](?=[" + first + r"])(?=(" + _build(trie) + r")(?!\w))")


_NON_WORD = re.compile(r"\W")


def _first_chars(phrases: list[str]) -> frozenset[str] | None:
    """The first characters of ``phrases`` when all are letters or digits (each then
    matches only itself in :func:`phrase_regex`, whose leading class holds exactly
    these): a match of the vocabulary's pattern at ``p`` needs ``low[p]`` among them.
    ``None`` (no test) where a phrase opens with anything else (a space matches any
    white space, an apostrophe two characters)."""
    firsts = frozenset(phrase[0] for phrase in phrases)
    return firsts if all(c.isalnum() for c in firsts) else None


_SPACE_RUN = re.compile(r"\s+")
_TOKENS = re.compile(r"\w+|\W+")


def _word_char(char: str) -> bool:
    """Whether ``char`` is a regex ``\\w`` character (``isalnum()`` or ``_``)."""
    return char.isalnum() or char == "_"


def word_end(text: str, start: int, hi: int) -> int:
    """The end of the run of word characters (``\\w``) from ``start``, at most ``hi``: the
    word scans' cut of text that is not all ASCII (ASCII text is cut by :func:`ascii_runs`)."""
    end = start
    while end < hi:
        char = text[end]
        if not (char.isalnum() or char == "_"):
            break
        end += 1
    return end


def separator_run(run: str) -> str:
    """A run of non-word characters as a phrase writes it: each run of white space one
    space, ``’`` as ``'`` (what the atoms ``\\s+`` and ``['’]`` of :func:`phrase_regex`
    accept; a phrase's own runs are written so, see :func:`_word_phrase`)."""
    return _SPACE_RUN.sub(" ", run.replace("’", "'"))


def _word_phrase(phrase: str) -> bool:
    """Whether :meth:`MultiScanner._word_scan` finds ``phrase`` where its regex matches:
    it opens and ends with a word character, and holds no white space but single spaces
    (a run of non-word characters of the text then matches the phrase's run between
    two words exactly when :func:`separator_run` writes it as the phrase does)."""
    return (
        _word_char(phrase[:1] or " ")
        and _word_char(phrase[-1:] or " ")
        and "  " not in phrase
        and all(char == " " or not char.isspace() for char in phrase)
    )


_ASCII_RUNS = bytes(
    [c if chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(128)] + [0] * 128
)
"""A ``bytes.translate`` table: each ASCII non-word character to a space. An ASCII text
so translated and split at each space gives its runs of word characters, each run after
one more part than the non-word characters before it (the others are empty): runs and
offsets in a few C loops, where a loop over the characters costs some 150 instructions
each in compiled code."""


def ascii_runs(text: str, lo: int, hi: int) -> list[bytes]:
    """``text[lo:hi]`` (ASCII) split at each non-word character (see :data:`_ASCII_RUNS`)."""
    return text[lo:hi].encode("ascii").translate(_ASCII_RUNS).split(b" ")


_LAST_RUNS: list[tuple[str, list[bytes], bytes]] = [("", [b""], b"")]
"""The last text :func:`text_runs` split, its runs, and the text translated
(:data:`_ASCII_RUNS`, a space at each non-word character) for :func:`region_runs`."""


def text_runs(text: str) -> list[bytes]:
    """``ascii_runs(text, 0, len(text))`` for an ASCII text, kept for the last text: the
    number-word scan and the term scan split the same lower-cased text
    (:func:`lower_case` keeps one copy), the term scan in regions (:func:`region_runs`)."""
    last = _LAST_RUNS[0]  # one read: another thread may replace it meanwhile
    if last[0] is text:
        return last[1]
    spaced = text.encode("ascii").translate(_ASCII_RUNS)
    runs = spaced.split(b" ")
    _LAST_RUNS[0] = (text, runs, spaced)
    return runs


def region_runs(text: str, lo: int, hi: int) -> list[bytes]:
    """``ascii_runs(text, lo, hi)``, cut from the runs :func:`text_runs` kept when it split
    ``text`` last (else split anew): the run holding ``lo`` from ``lo`` on, then each run
    starting after ``lo`` up to ``hi`` (a part starts after each non-word character), the
    last cut at ``hi``. A run's index is the number of non-word characters before it, its
    start one past the last of them (C loops over the translated text); a full slice of
    a run is the run itself: no copy."""
    last = _LAST_RUNS[0]
    if last[0] is not text:
        return ascii_runs(text, lo, hi)
    runs, spaced = last[1], last[2]
    first = spaced.count(b" ", 0, lo)  # the run holding ``lo`` (or ending there)
    begin = spaced.rfind(b" ", 0, lo) + 1  # where it starts
    out = [runs[first][lo - begin : hi - begin]]
    stop = spaced.count(b" ", 0, hi)  # the last run starting up to ``hi``
    if stop > first:
        out += runs[first + 1 : stop + 1]
        at = spaced.rfind(b" ", 0, hi) + 1  # where it starts
        if at + len(runs[stop]) > hi:
            out[-1] = runs[stop][: hi - at]
    return out


def run_shapes(words: Iterable[bytes]) -> bytes:
    """A table of the shapes of ``words``: at ``first * 128 + last`` (their first and last
    bytes, ASCII), bit ``min(length, 8) - 1`` set for each length. A run of an ASCII
    text (:func:`ascii_runs`) whose bit is clear is none of ``words``: a test of a few
    instructions, where a dictionary look-up hashes the run (some 130 instructions).
    Words with a byte past ASCII are left out (no ASCII run is one of them)."""
    table = bytearray(128 * 128)
    for word in words:
        if word and word[0] < 128 and word[-1] < 128:
            table[word[0] * 128 + word[-1]] |= 1 << (min(len(word), 8) - 1)
    return bytes(table)


class _Node:
    """A node of the scanner's word trie: below a word, the runs of non-word characters
    that go on a phrase; below such a run, the words (by :attr:`runs` too)."""

    __slots__ = ("next", "owners", "phrase", "runs")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.runs: dict[bytes, _Node] = {}
        """:attr:`next` (words) by their UTF-8 bytes (see :func:`ascii_runs`)."""
        self.phrase = ""
        """The canonical phrase ending with this word ("" for none)."""
        self.owners: tuple[int, ...] = ()
        """The indices of the vocabularies holding :attr:`phrase`."""


def _add_word(words: dict[str, _Node], runs: dict[bytes, _Node], word: str) -> _Node:
    """``words[word]`` (a new node if missing), also as ``runs[word as bytes]``."""
    node = words.setdefault(word, _Node())
    runs[word.encode("utf-8")] = node
    return node


class MultiScanner:
    """Several phrase vocabularies found in one regex pass over lower-cased text.

    One trie-compiled pattern of every phrase of every vocabulary runs over
    the text; each match is then attributed to the vocabularies that hold it.
    Where a matched phrase overlaps phrases of other vocabularies -- it holds
    one ("economic growth" holds the cue "growth") or one starts inside it and
    runs on ("global trade balance": the world term "global trade", the metric
    "trade balance") -- those vocabularies' own patterns are run from the start
    of the match. Per vocabulary, matches never overlap, as in its own scan:
    each vocabulary gets exactly the matches its own pattern would find.
    """

    __slots__ = (
        "_chars",
        "_firsts",
        "_names",
        "_owners",
        "_patterns",
        "_reach",
        "_root",
        "_run_firsts",
        "_runs",
        "_scanned",
        "_starts",
        "_strict",
        "_tangled",
        "_trie",
        "_word_firsts",
        "pattern",
    )

    def __init__(
        self,
        vocabularies: dict[str, Iterable[str]],
        hyphen_bounded: Iterable[str] = (),
    ) -> None:
        """``hyphen_bounded`` names the vocabularies whose phrases may not touch a hyphen
        ("free-trade" holds no cue "trade"); the others only need word boundaries."""
        owners: dict[str, list[str]] = {}
        phrases: dict[str, list[str]] = {}
        for name, words in vocabularies.items():
            phrases[name] = sorted({w.lower() for w in words if w})
            for phrase in phrases[name]:
                owners.setdefault(_canonical(phrase), []).append(name)
        strict = frozenset(hyphen_bounded)
        self._patterns = {
            name: re.compile(_bounded(phrase_regex(words, _BEFORE[name in strict]), name in strict))
            for name, words in phrases.items()
        }
        self._firsts = {name: _first_chars(words) for name, words in phrases.items()}
        # The loosest boundaries; a match touching a hyphen is checked per vocabulary.
        self.pattern = re.compile(_bounded(phrase_regex(owners, _BEFORE[False]), False))
        self._trie = _trie(owners)
        self._starts: re.Pattern[str] | None = None  # compiled once enough text is scanned
        self._scanned = 0
        self._owners = {phrase: tuple(names) for phrase, names in owners.items()}
        self._chars = frozenset("".join(owners))
        # Generous: phrases may match with longer white space than written.
        self._reach = 2 * max((len(phrase) for phrase in owners), default=0)
        # (not "_complex": mypyc names the C struct field "__complex", a GCC keyword)
        # Each phrase up to and including one of its spaces: a run of later words plus a
        # space ("trade balance ") that a phrase starts with is one of these (one set
        # look-up instead of a ``startswith`` over every phrase).
        heads = frozenset(
            [other[: i + 1] for other in owners for i, char in enumerate(other) if char == " "]
        )
        self._tangled = frozenset([p for p in owners if self._overlaps_others(p, owners, heads)])
        self._names = list(phrases)
        self._strict = [name in strict for name in self._names]
        self._runs: dict[bytes, _Node] = {}
        self._root: dict[str, _Node] | None = self._word_trie(phrases, self._runs)
        self._word_firsts = frozenset([word[0] for word in self._root or ()])
        self._run_firsts = run_shapes(self._runs)
        """The shapes of :attr:`_runs` (:func:`run_shapes`: a run of another shape is no
        first word of a phrase; one test spares the dictionary look-up)."""

    def _word_trie(
        self, phrases: dict[str, list[str]], runs: dict[bytes, _Node]
    ) -> dict[str, _Node] | None:
        """The phrases word by word (see :meth:`_word_scan`), their first words also in
        ``runs`` by their bytes; ``None`` where one is not a :func:`_word_phrase`."""
        root: dict[str, _Node] = {}
        for index, words in enumerate(phrases.values()):
            for phrase in words:
                if not _word_phrase(phrase):
                    return None
                canonical = _canonical(phrase)
                tokens = _TOKENS.findall(canonical)
                node = _add_word(root, runs, tokens[0])
                for i, token in enumerate(tokens[1:]):
                    if i % 2:  # a word below a run of non-word characters
                        node = _add_word(node.next, node.runs, token)
                    else:
                        node = node.next.setdefault(token, _Node())
                node.phrase = canonical
                if index not in node.owners:
                    node.owners = (*node.owners, index)
        return root

    def holds(self, char: str) -> bool:
        """Whether some phrase holds ``char`` (lower-cased, as scanned; a space stands for
        any white space and an apostrophe for both ``'`` and ``’``)."""
        return char in self._chars

    def _overlaps_others(
        self, phrase: str, owners: dict[str, list[str]], heads: frozenset[str]
    ) -> bool:
        """Whether some vocabulary finds in ``phrase`` anything but ``phrase`` itself, or
        has a phrase starting on one of its later words and running past its end (a
        phrase starts with the words and a space: that prefix is one of ``heads``)."""
        for name, pattern in self._patterns.items():
            expected = [(0, len(phrase))] if name in owners[phrase] else []
            if [m.span() for m in pattern.finditer(phrase)] != expected:
                return True
        words = phrase.split(" ")
        return any(" ".join(words[i:]) + " " in heads for i in range(1, len(words)))

    def _matches(self, low: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans of ``self.pattern.finditer(low, lo, hi)``; once :data:`STARTS_AFTER`
        characters have been scanned, trying the pattern only at ``lo`` and reading the
        others from :func:`_phrase_starts_pattern` (a match never starts elsewhere).
        A list, not a generator: a compiled generator costs more than the list."""
        starts = self._starts
        if starts is None:
            self._scanned += hi - lo
            if self._scanned > STARTS_AFTER:
                self._starts = _phrase_starts_pattern(self._trie)
            return [found.span() for found in self.pattern.finditer(low, lo, hi)]
        out: list[tuple[int, int]] = []
        taken = lo  # ``finditer`` goes on from the end of the last match (never empty)
        first = self.pattern.match(low, lo, hi)
        if first is not None:
            out.append(first.span())
            taken = first.end()
        for start in starts.finditer(low, lo, hi):
            position = start.end()
            # The class before the phrase is ASCII: a non-ASCII word character passes it,
            # where the pattern's ``(?<!\w)`` fails (``\w`` is ``isalnum()`` or "_").
            if position < taken or low[position - 1].isalnum():
                continue
            taken = start.end(1)
            out.append((position, taken))
        return out

    def scan(
        self, low: str, regions: Regions | None = None
    ) -> dict[str, list[tuple[int, int, str]]]:
        """``{vocabulary: [(start, end, phrase), ...]}`` in text order, for lower-cased ``low``.

        ``phrase`` is the canonical form (``'`` apostrophes, single spaces).
        """
        if self._root is not None:
            return self._word_scan(self._root, low, regions)
        found: dict[str, list[tuple[int, int, str]]] = {name: [] for name in self._patterns}
        taken = dict.fromkeys(self._patterns, -1)  # per vocabulary, the end of its last match
        owners, complex_ = self._owners, self._tangled
        for lo, hi in regions if regions is not None else ((0, len(low)),):
            for start, end in self._matches(low, lo, hi):
                phrase = _canonical_cached(low[start:end])
                hyphen = (start > 0 and low[start - 1] == "-") or (
                    end < len(low) and low[end] == "-"
                )
                if phrase not in complex_ and not hyphen:
                    for name in owners[phrase]:
                        if start >= taken[name]:
                            found[name].append((start, end, phrase))
                            taken[name] = end
                    continue
                # Each vocabulary's pattern starts with ``(?<!\w)``: only the starts in the
                # match that follow a non-word character can begin one of its phrases.
                # Trying the pattern there, left to right and skipping what a match covers,
                # finds what ``finditer`` would from ``taken``, without scanning past
                # ``end`` (matches starting there are the main scan's).
                # (``\W`` is exactly "not ``isalnum()`` and not ``_``".)
                starts = [start] if start == 0 or _NON_WORD.match(low, start - 1) else []
                starts += [m.end() for m in _NON_WORD.finditer(low, start, end - 1)]
                limit = min(hi, end + self._reach)
                for name, pattern in self._patterns.items():
                    heads = self._firsts[name]
                    for p in starts:
                        if p < taken[name] or (heads is not None and low[p] not in heads):
                            continue  # (no phrase of the vocabulary starts with low[p])
                        inner = pattern.match(low, p, limit)
                        if inner is not None:
                            found[name].append((p, inner.end(), _canonical(inner.group())))
                            taken[name] = inner.end()
        return found

    def _word_scan(
        self, root: dict[str, _Node], low: str, regions: Regions | None
    ) -> dict[str, list[tuple[int, int, str]]]:
        """:meth:`scan` word by word, without regex: what each vocabulary's pattern finds.

        A phrase opens and ends with a word character (:func:`_word_phrase`), and each
        vocabulary's pattern has it not follow a word character and not be followed by
        one: it starts where a run of word characters starts and is a sequence of whole
        runs. At each run start, the walk down the word trie (:meth:`_walk`) meets every
        phrase matching there; the pattern of a vocabulary matches the longest of its
        phrases whose boundaries hold (a trie pattern is greedy; its atoms at one node
        never accept the same character), and goes on from its end.
        """
        found: list[list[tuple[int, int, str]]] = [[] for _ in self._names]
        taken = [-1] * len(self._names)  # per vocabulary, the end of its last match
        firsts = self._word_firsts
        ascii = low.isascii()
        for lo, hi in regions if regions is not None else ((0, len(low)),):
            if ascii:
                self._ascii_scan(low, lo, hi, found, taken)
                continue
            i = lo
            while i < hi:
                char = low[i]
                if not (char.isalnum() or char == "_"):
                    i += 1
                    continue
                j = word_end(low, i + 1, hi)
                # (A run at ``lo`` may go on one before it: the look-behind sees that.)
                if char in firsts and (i > lo or i == 0 or not _word_char(low[i - 1])):
                    node = root.get(low[i:j])
                    if node is not None:
                        self._walk(low, i, j, hi, node, found, taken)
                i = j
        return {name: found[index] for index, name in enumerate(self._names)}

    def _ascii_scan(
        self,
        low: str,
        lo: int,
        hi: int,
        found: list[list[tuple[int, int, str]]],
        taken: list[int],
    ) -> None:
        """:meth:`_word_scan` of the region ``[lo, hi)`` of an ASCII text, from its runs
        of word characters (:func:`ascii_runs`)."""
        runs = region_runs(low, lo, hi)
        roots = self._runs
        firsts = self._run_firsts
        count = len(runs)
        pos = lo  # where ``runs[x]`` starts
        # (A run at ``lo`` may go on one before it: the look-behind sees that.)
        x = 1 if lo > 0 and _word_char(low[lo - 1]) else 0
        if x:
            pos += len(runs[0]) + 1
        while x < count:
            run = runs[x]
            size = len(run)
            if size and (firsts[run[0] * 128 + run[-1]] >> ((size if size < 8 else 8) - 1)) & 1:
                node = roots.get(run)
                if node is not None:
                    self._ascii_walk(low, runs, x, pos, hi, node, found, taken)
            pos += size + 1
            x += 1

    def _ascii_walk(  # noqa: PLR0917 (the scan's state, passed on)
        self,
        low: str,
        runs: list[bytes],
        x: int,
        start: int,
        hi: int,
        node: _Node,
        found: list[list[tuple[int, int, str]]],
        taken: list[int],
    ) -> None:
        """:meth:`_walk` from ``runs[x]`` (at ``start``, ``node``), reading the next
        words from ``runs``."""
        hits: list[tuple[int, _Node]] = []
        count = len(runs)
        end = start + len(runs[x])
        while True:
            if node.phrase:
                hits.append((end, node))
            if not node.next:
                break
            y = x + 1
            while y < count and not runs[y]:
                y += 1
            if y >= count:
                break
            k = end + y - x  # the next word: a non-word character per part from ``x``
            text = low[end:k]
            between = node.next.get(text if text == " " else separator_run(text))
            if between is None:
                break
            word = between.runs.get(runs[y])
            if word is None:
                break
            node, x, end = word, y, k + len(runs[y])
        self._settle(low, start, hi, hits, found, taken)

    def _walk(  # noqa: PLR0917 (the scan's state, passed on)
        self,
        low: str,
        start: int,
        end: int,
        hi: int,
        node: _Node,
        found: list[list[tuple[int, int, str]]],
        taken: list[int],
    ) -> None:
        """The phrases starting with the word ``low[start:end]`` (``node``): each
        vocabulary not past ``start`` takes the longest of its own whose boundaries hold
        (the strict ones, :data:`_BEFORE` and :func:`_bounded`, touch no hyphen)."""
        hits: list[tuple[int, _Node]] = []
        while True:
            if node.phrase:
                hits.append((end, node))
            if not node.next:
                break
            k = end  # the run of non-word characters after the word
            while k < hi:
                char = low[k]
                if char.isalnum() or char == "_":
                    break
                k += 1
            if k >= hi:
                break
            run = low[end:k]
            between = node.next.get(run if run == " " else separator_run(run))
            if between is None:
                break
            m = k + 1
            while m < hi:
                char = low[m]
                if not (char.isalnum() or char == "_"):
                    break
                m += 1
            word = between.next.get(low[k:m])
            if word is None:
                break
            node, end = word, m
        self._settle(low, start, hi, hits, found, taken)

    def _settle(  # noqa: PLR0917 (the scan's state, passed on)
        self,
        low: str,
        start: int,
        hi: int,
        hits: list[tuple[int, _Node]],
        found: list[list[tuple[int, int, str]]],
        taken: list[int],
    ) -> None:
        """Each vocabulary not past ``start`` takes the longest of its phrases among
        ``hits`` (``(end, node)``, shortest first) whose boundaries hold."""
        hyphen_before = start > 0 and low[start - 1] == "-"
        done = 0  # a bit per vocabulary settled
        for h in range(len(hits) - 1, -1, -1):
            end, node = hits[h]
            for index in node.owners:
                bit = 1 << index
                if done & bit:
                    continue
                if start < taken[index]:
                    done |= bit
                    continue
                if self._strict[index]:
                    if hyphen_before:
                        done |= bit
                        continue
                    if end < hi and low[end] == "-":
                        continue  # a shorter phrase may end elsewhere
                found[index].append((start, end, node.phrase))
                taken[index] = end
                done |= bit
