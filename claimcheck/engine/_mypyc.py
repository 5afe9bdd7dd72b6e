"""``mypyc_attr`` from mypy_extensions, or a no-op stand-in where it is not installed.

mypy_extensions comes with mypy, a build dependency, not a runtime one. mypyc reads
the decorator when it compiles a class (it is not called at run time then); an
interpreted class calls it, so a run without mypy_extensions needs the stand-in. This
module is never compiled (``exclude`` in ``pyproject.toml``): compiled, mypyc would
treat the fallback branch below as unreachable and raise there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

__all__ = ["mypyc_attr"]

if TYPE_CHECKING:
    from mypy_extensions import mypyc_attr
else:
    try:
        from mypy_extensions import mypyc_attr
    except ImportError:

        def mypyc_attr(*_args: Any, **_kwargs: Any) -> Callable[[type], type]:
            """No-op stand-in for :func:`mypy_extensions.mypyc_attr`."""
            return lambda cls: cls
