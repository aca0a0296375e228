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
    "MAX_PROBLEMS",
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


#: At most this many problems are kept and listed in one error; the rest are counted.
MAX_PROBLEMS = 100


class InvalidDocumentError(LawSummaryError, ValueError):
    """A document (or a record built in code) breaks the format or the model's rules.

    ``problems`` lists the problems found, each with its path, in document order: every
    one of them, up to :data:`MAX_PROBLEMS`; ``omitted`` counts those beyond it.
    """

    def __init__(
        self, problems: Iterable[Problem], *, source: str | None = None, omitted: int = 0
    ) -> None:
        kept: list[Problem] = []
        for problem in problems:
            if len(kept) < MAX_PROBLEMS:
                kept.append(problem)
            else:
                omitted += 1
        self.problems: tuple[Problem, ...] = tuple(kept)
        self.omitted = omitted
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = f" in {self.source}" if self.source else ""
        count = len(self.problems) + self.omitted
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        tail = [f"  ... and {self.omitted} more, not listed"] if self.omitted else []
        return "\n".join([head, *(f"  {p}" for p in self.problems), *tail])

    def with_source(self, source: str) -> InvalidDocumentError:
        """Return the same error naming the file or stream it came from."""
        return InvalidDocumentError(self.problems, source=source, omitted=self.omitted)

    def rooted(self, prefix: str) -> InvalidDocumentError:
        """Return the same error with every path placed under ``prefix``."""
        return InvalidDocumentError(
            (Problem(prefix + p.path[1:], p.message) for p in self.problems),
            source=self.source,
            omitted=self.omitted,
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
