"""UI strings for generated pages, loaded from strings.yml (all four languages each)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_DATA: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "strings.yml").read_text("utf-8"))
LABELS: dict[str, dict[str, str]] = _DATA["labels"]
KINDS: dict[str, dict[str, dict[str, str]]] = _DATA["kinds"]
ACTORS: dict[str, dict[str, str]] = _DATA["actors"]


def label(key: str, lang: str) -> str:
    """The label `key` in `lang`; a missing one is a bug the tests catch, so fail loudly."""
    return LABELS[key][lang]
