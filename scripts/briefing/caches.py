"""Every cache the package keeps, each made here with the lifetime of what it reads.

A cache is either keyed on everything it reads (a pure function of its arguments, or a
value stored with the text it was made from and checked against it): it may live as long as
the process, since no change of the input files can make it wrong. Or it reads the input
files through something other than its key (strings.yml's labels, say): it lives as long as
one set of input files, and `inputs_changed` empties it. The build's owner of state (the
adapter's `Session`) calls `inputs_changed` whenever the inputs' stamp changes, and `clear`
when a process starts a new run, so no cache outlives what it reads. `tests/test_caches.py`
holds every module to making its caches here.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
K = TypeVar("K")
V = TypeVar("V")


class Lifetime(Enum):
    PROCESS = "keyed on all it reads"
    INPUTS = "reads the input files"


_CLEARS: dict[Lifetime, list[Callable[[], None]]] = {lifetime: [] for lifetime in Lifetime}
NAMES: dict[str, Lifetime] = {}  # "module.name" -> its lifetime, for the tests and readers


def _register(name: str, lifetime: Lifetime, clear: Callable[[], None]) -> None:
    NAMES[name] = lifetime
    _CLEARS[lifetime].append(clear)


def memo(lifetime: Lifetime, maxsize: int | None = 65536) -> Callable[[F], F]:
    """`functools.lru_cache`, registered with its lifetime."""

    def decorate(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _register(f"{function.__module__}.{function.__qualname__}", lifetime, cached.cache_clear)
        return cached  # type: ignore[return-value]  # the same signature, cached

    return decorate


def table(name: str, lifetime: Lifetime) -> dict[Any, Any]:
    """A dictionary cache, registered with its lifetime under `name` ("module.name")."""
    found: dict[Any, Any] = {}
    _register(name, lifetime, found.clear)
    return found


def inputs_changed() -> None:
    """Empty every cache that reads the input files (they changed)."""
    for clear in _CLEARS[Lifetime.INPUTS]:
        clear()


def clear() -> None:
    """Empty every cache (a new run of the process)."""
    for lifetime in Lifetime:
        for clear_one in _CLEARS[lifetime]:
            clear_one()
