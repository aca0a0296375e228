"""Paths the tests share: the fact base, and following an error's path (``$.a[0]["b.c"]``)
into a parsed document."""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path

#: The copy of the graded fact base the tests check the data against (tests/reference/README.md).
FACT_BASE = Path(__file__).parent / "reference" / "legal-facts.md"
#: The fact base itself, where the project's shared reference sits beside the checkout.
SHARED_FACT_BASE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "legal-facts.md"

_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]|\[("(?:[^"\\]|\\.)*")\]')


def parsed(raw: bytes, fmt: str) -> object:
    """The document as plain data, or ``None`` when it is not JSON or TOML at all."""
    try:
        text = raw.decode("utf-8")
        if fmt == "toml":
            return tomllib.loads(text, parse_float=Decimal)
        return json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except (ValueError, RecursionError):
        return None


def steps(path: str) -> list[str | int] | None:
    """The keys and indexes of ``path``, or ``None`` when it is not a well-formed path."""
    if not path.startswith("$"):
        return None
    found: list[str | int] = []
    position = 1
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None:
            return None
        name, index, quoted = match.groups()
        if name is not None:
            found.append(name)
        elif index is not None:
            found.append(int(index))
        else:
            found.append(json.loads(quoted))
        position = match.end()
    return found


def path_exists(document: object, path: str) -> bool:
    """Whether ``path`` leads to a value in ``document``, or to a key missing from an object.

    An unparsable document (``None``) has only the path ``$``.
    """
    found = steps(path)
    if found is None:
        return False
    if document is None:
        return not found
    value = document
    for position, step in enumerate(found):
        last = position == len(found) - 1
        if isinstance(step, int):
            if not isinstance(value, list) or step >= len(value):
                return False
            value = value[step]
        else:
            if not isinstance(value, dict):
                return False
            if step not in value:
                return last  # a required key that is missing
            value = value[step]
    return True
