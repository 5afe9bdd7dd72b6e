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

__all__ = ["MultiScanner", "Regions", "finditer_in", "phrase_regex"]

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


_Trie = dict[str, "_Trie"]

_SPECIAL = {" ": r"\s+", "'": "['’]", "’": "['’]"}


def _atom(char: str) -> str:
    return _SPECIAL.get(char, re.escape(char))


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


def phrase_regex(phrases: Iterable[str], before: str = "") -> str:
    """A regex (without anchors) matching any of ``phrases``, longest alternative first.

    A space in a phrase matches any run of white space and an apostrophe
    matches both ``'`` and ``’``. The trie is greedy: where one phrase is a
    prefix of another, the longer one wins when it matches. ``before`` (a
    look-behind such as ``(?<!\\w)``) is placed after the leading class of
    first characters, where it costs least.
    """
    trie: _Trie = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase.replace("’", "'"):
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    # A leading class of the possible first characters lets the engine skip ahead fast.
    first = "".join(sorted(_class_atom(c) for c in trie))
    return f"(?=[{first}]){before}{_build(trie)}"


def _canonical(surface: str) -> str:
    """A matched phrase as written in a vocabulary: ``'`` apostrophes, single spaces."""
    phrase = surface.replace("’", "'")
    return phrase if phrase.isalpha() else " ".join(phrase.split())


class MultiScanner:
    """Several phrase vocabularies found in one regex pass over lower-cased text.

    One trie-compiled pattern of every phrase of every vocabulary runs over
    the text; each match is then attributed to the vocabularies that hold
    it. Where a matched phrase contains phrases of other vocabularies ("economic
    growth" holds the cue "growth"), those vocabularies' own patterns are run
    over the matched span, so that each vocabulary gets the matches its own
    scan would find (short of a phrase that starts inside a longer phrase of
    another vocabulary and runs past its end, which no vocabulary here has).
    """

    __slots__ = ("_complex", "_owners", "_patterns", "pattern")

    def __init__(
        self,
        vocabularies: dict[str, Iterable[str]],
        before: str = r"(?<![\w-])",
        after: str = r"(?![\w-])",
    ) -> None:
        owners: dict[str, list[str]] = {}
        phrases: dict[str, list[str]] = {}
        for name, words in vocabularies.items():
            phrases[name] = sorted({w.lower() for w in words if w})
            for phrase in phrases[name]:
                owners.setdefault(_canonical(phrase), []).append(name)
        self._patterns = {
            name: re.compile(f"(?:{phrase_regex(words, before)}){after}")
            for name, words in phrases.items()
        }
        self.pattern = re.compile(f"(?:{phrase_regex(owners, before)}){after}")
        self._owners = {phrase: tuple(names) for phrase, names in owners.items()}
        # Phrases in which some vocabulary finds anything but the whole phrase itself.
        self._complex = frozenset(
            phrase
            for phrase in owners
            if any(
                [m.span() for m in pattern.finditer(phrase)]
                != ([(0, len(phrase))] if name in self._owners[phrase] else [])
                for name, pattern in self._patterns.items()
            )
        )

    def scan(
        self, low: str, regions: Regions | None = None
    ) -> dict[str, list[tuple[int, int, str]]]:
        """``{vocabulary: [(start, end, phrase), ...]}`` in text order, for lower-cased ``low``.

        ``phrase`` is the canonical form (``'`` apostrophes, single spaces).
        """
        found: dict[str, list[tuple[int, int, str]]] = {name: [] for name in self._patterns}
        owners, complex_ = self._owners, self._complex
        for match in finditer_in(self.pattern, low, regions):
            phrase = _canonical(match.group())
            if phrase not in complex_:
                start, end = match.span()
                for name in owners[phrase]:
                    found[name].append((start, end, phrase))
                continue
            for name, pattern in self._patterns.items():
                found[name].extend(
                    (inner.start(), inner.end(), _canonical(inner.group()))
                    for inner in pattern.finditer(low, match.start(), match.end())
                )
        return found
