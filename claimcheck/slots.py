"""The slot setters of an attrs record, for building it field by field.

Compiled by mypyc, a module still runs an attrs class's generated ``__init__`` as
interpreted code. The compiled hot paths that build records by the thousand
(:mod:`claimcheck.extract.records`, :func:`claimcheck.store.codec.decode_claim`, the
``make_*`` functions of :mod:`claimcheck.findings`) instead create the instance with
``object.__new__`` and store each field through its slot descriptor's ``__set__``,
which gives the instance ``__init__`` would build as long as the record has no
validators, converters, factories or post-init hook (their tests check that). This
module is looked up once, at import; it is not compiled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

__all__ = ["Setter", "slot_setters"]

Setter = Callable[[Any, Any], None]
"""A slot descriptor's ``__set__``: ``setter(instance, value)``."""


def slot_setters(cls: type, names: Sequence[str] | None = None) -> tuple[Setter, ...]:
    """The ``__set__`` of the slot descriptor of each field of the attrs class ``cls``, in
    field order, or in the order of ``names``."""
    fields = [field.name for field in attrs.fields(cls)] if names is None else names
    return tuple(vars(cls)[name].__set__ for name in fields)
