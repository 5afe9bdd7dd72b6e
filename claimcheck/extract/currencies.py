"""Currency prefixes written before a number ("$", "US$", "HK$", "RM", "USD ").

The surfaces come from ``rules/units.toml``. Disambiguation rules
(:func:`currency_before`):

* "$" alone is USD; "¥" is JPY unless "yuan", "RMB" or "renminbi" is
  written within 200 characters (then CNY);
* ASCII transliteration: text passed through a Unicode-to-ASCII step
  (unidecode and the like, common in scraped news feeds) writes "£" as "PS"
  and "¥" as "Y=". Either, glued to an amount and not part of a longer
  word, is read as the symbol when the amount cannot be a model name: it
  has a separator, a decimal point, two or more digits or a scale suffix
  ("PS2.7m", "PS6m", "PS21,700", "Y=28,030"; not "PS4", "PS5", the game
  consoles, nor "Y=5" in a formula). "PS" is read as "£" only in a text
  with no "£" at all.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from claimcheck.extract.lexicon import Lexicon, Patterns

__all__ = ["currency_before", "is_letter", "prefix_currency"]


def is_letter(char: str) -> bool:
    """``char.isalpha()`` for one character: compiled, ``isalpha`` is a method call, and
    an ASCII character is a letter exactly when it is one of "a"-"z" or "A"-"Z"."""
    code = ord(char)
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90
    return char.isalpha()


def prefix_currency(text: str, start: int, ctx: Patterns, lex: Lexicon) -> tuple[int, str] | None:
    """A currency written right before ``start``: ``(prefix start, ISO code)``."""
    if start == 0:
        return None
    end = start
    spaced = text[start - 1] in " \u00a0"
    if spaced:
        end -= 1
        if end == 0:
            return None
    if text[end - 1] not in ctx.prefixes_by_last:
        return None
    # The prefixes written right before ``end``, longest first (see ``Patterns``): those
    # of the longest tail of the text there that is a key. Every tail of a key is a key
    # (the keys are all the tails of the prefixes), so the keys there are the tails up
    # to the first length that is not one: growing the tail from one character stops
    # after two or three look-ups ("$", " $", "f $"), where shrinking it from the
    # longest prefix length tried every length above the key.
    # (Walked in the reversed trie of the keys, one character at a time: a character
    # of the text is a cached string with its hash, a tail a new string to hash.)
    node = _tail_trie(ctx)
    written: tuple[str, ...] = ()
    longest = min(ctx.prefix_max - 1, end)
    k = 1
    while k <= longest:
        child = node.children.get(text[end - k])
        if child is None:
            break
        node = child
        written = child.written
        k += 1
    for prefix in written:
        pos = end - len(prefix)
        if is_letter(prefix[0]):
            if pos > 0 and text[pos - 1].isalnum():
                continue
            if spaced and prefix in _ATTACHED_ONLY:
                continue
        return pos, lex.currency_prefix[prefix]
    return None


class _TailNode:
    """A node of the reversed trie of the keys of ``Patterns.prefix_tails``: the node
    reached from the root by the characters of a key, last first, holds its value."""

    __slots__ = ("children", "written")

    def __init__(self) -> None:
        self.children: dict[str, _TailNode] = {}
        self.written: tuple[str, ...] = ()


_TRIES: Final[list[tuple[Patterns, _TailNode]]] = []
"""The trie of the one :class:`Patterns` in use (built once)."""


def _tail_trie(ctx: Patterns) -> _TailNode:
    """The reversed trie of ``ctx.prefix_tails``. Every tail of a key is a key, so the
    path of a string's last ``k`` characters is in the trie exactly when that tail of
    the string is a key."""
    if _TRIES and _TRIES[0][0] is ctx:
        return _TRIES[0][1]
    root = _TailNode()
    for key, written in ctx.prefix_tails.items():
        node = root
        for char in reversed(key):
            child = node.children.get(char)
            if child is None:
                child = _TailNode()
                node.children[char] = child
            node = child
        node.written = written
    _TRIES[:] = [(ctx, root)]
    return root


_ATTACHED_ONLY: Final = frozenset({"TL", "SR", "LE", "Dh", "Dhs", "Rp"})


_TRANSLITERATED_AMOUNT: Final = re.compile(
    r"(?:\d[\d,.]*\d|\d(?:[.,]\d)?[ \u00a0]?(?:bn|m|k|mn|million|billion)\b)"
)


def _transliterated(text: str, start: int) -> tuple[int, str] | None:
    """ "Y=" or "PS" glued to the number at ``start``: ``(prefix start, symbol)``."""
    if start < 2:
        return None
    pair = text[start - 2 : start]
    if start > 2 and text[start - 3].isalnum():
        return None
    if not _TRANSLITERATED_AMOUNT.match(text, start):
        return None
    if pair == "Y=":
        return start - 2, "¥"
    if pair == "PS" and not _has_pound_sign(text):
        return start - 2, "£"
    return None


@functools.lru_cache(maxsize=1)
def _has_pound_sign(text: str) -> bool:
    """Whether ``text`` has a "£" anywhere: looked up once per text, not per amount
    (a long text of "PS" amounts would otherwise take quadratic time)."""
    return "£" in text


def currency_before(text: str, start: int, ctx: Patterns, lex: Lexicon) -> tuple[int, str] | None:
    """The currency written before the number at ``start``: ``(prefix start, ISO code)``.

    Applies the disambiguation rules of the module docstring.
    """
    found = prefix_currency(text, start, ctx, lex)
    symbol = text[found[0]] if found is not None else ""
    if found is None:
        if start < 2 or text[start - 1] not in "S=":
            return None
        mangled = _transliterated(text, start)
        if mangled is None:
            return None
        pos, symbol = mangled
        found = pos, lex.currency_prefix[symbol]
    pos, code = found
    if code == "JPY" and symbol in "¥￥":
        window = text[max(0, pos - 200) : pos + 200]
        if ctx.yuan.search(window):
            code = "CNY"
    return pos, code
