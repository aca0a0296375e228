"""The exceptions lawsummary raises.

Every error the library raises on purpose is a :class:`LawSummaryError`. Each
subclass also inherits the builtin that fits it, so ``except ValueError`` keeps
working for callers who do not know this library.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from lawsummary._classes import shared_repr

__all__ = [
    "InvalidDocumentError",
    "LawSummaryError",
    "MissingDataError",
    "Problem",
    "UnknownDatasetError",
    "UnsupportedFormatError",
]


class LawSummaryError(Exception):
    """The root of every error lawsummary raises on purpose."""


@shared_repr
@attrs.frozen(order=True, repr=False)
class Problem:
    """One thing wrong with a document: where it is and what is allowed there.

    ``path`` is a JSONPath-style location such as ``$.provisions[2].versions[0]``.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InvalidDocumentError(LawSummaryError, ValueError):
    """A document (or a record built in code) breaks the format or the model's rules.

    ``problems`` lists every problem found, each with its path, in document order.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = f" in {self.source}" if self.source else ""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])

    def with_source(self, source: str) -> InvalidDocumentError:
        """Return the same error naming the file or stream it came from."""
        return InvalidDocumentError(self.problems, source=source)

    def rooted(self, prefix: str) -> InvalidDocumentError:
        """Return the same error with every path placed under ``prefix``."""
        return InvalidDocumentError(
            (Problem(prefix + p.path[1:], p.message) for p in self.problems),
            source=self.source,
        )


class UnknownDatasetError(LawSummaryError, LookupError):
    """A bundled dataset name that does not exist."""

    def __init__(self, name: str, available: Iterable[str]) -> None:
        self.name = name
        self.available = tuple(sorted(available))
        super().__init__(
            f"No bundled dataset named {name!r}; available: {', '.join(self.available)}"
        )


class MissingDataError(LawSummaryError, LookupError):
    """A value the caller asked for is not in the data (for example a year's deflator)."""


class UnsupportedFormatError(LawSummaryError, ValueError):
    """A document or output format lawsummary does not read or write."""

    def __init__(self, fmt: object, allowed: Iterable[str]) -> None:
        self.format = fmt
        self.allowed = tuple(allowed)
        super().__init__(f"unsupported format {fmt!r}; use one of: {', '.join(self.allowed)}")
