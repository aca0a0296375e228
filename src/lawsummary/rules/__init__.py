"""Jurisdictions as plug-ins: everything the core needs to know about one country's law.

The core (records, explain, render, compare) knows no country. What differs from one
legal system to another is declared once, in a :class:`Jurisdiction`, and registered
here under its ISO 3166-1 code:

- its crime-category system (:class:`CategorySystem`): the categories from the least
  to the most serious, their words (catalog messages), and the rule that derives an
  offence's category from the dataset's category table;
- the severity of its penalty kinds (used to tell whether a new alternative is
  harsher or more lenient);
- the words for the subjects of its exams, its currency, and how its citations are
  written (:class:`CitationStyle`, per locale);
- catalog messages of its own (``messages``), for words the package's catalogs do not
  hold.

Russia is one such plug-in (:mod:`lawsummary.rules.ru`); Kazakhstan another
(:mod:`lawsummary.rules.kz`, with no crime-category system until its Art. 11 is in the
fact base). A third-party package
registers its own in one of two ways:

- an explicit call, ``lawsummary.rules.register(Jurisdiction(code="XA", ...))``, made
  when the plug-in's module is imported (see ``tests/examples/exampleland.py``);
- an entry point in the group ``lawsummary.jurisdictions`` whose object is a
  :class:`Jurisdiction` (or a function returning one); entry points are read the first
  time a code is looked up that no plug-in has registered.

A jurisdiction nobody registered gets no category sentence, no derived category and
the generic citation style: never another country's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from lawsummary._classes import shared_methods
from lawsummary.errors import LawSummaryError
from lawsummary.records.common import Unknown
from lawsummary.records.provisions import CrimeCategories, Offence

if TYPE_CHECKING:
    from lawsummary.records.acts import Version
    from lawsummary.records.dataset import Dataset

__all__ = [
    "CITATION_SHAPES",
    "ENTRY_POINT_GROUP",
    "CategoryDeriver",
    "CategorySystem",
    "CategoryWords",
    "CitationStyle",
    "Jurisdiction",
    "JurisdictionError",
    "category_deriver",
    "derive_category",
    "jurisdiction",
    "kz",
    "register",
    "registered",
    "ru",
    "unregister",
]

#: The entry-point group third-party packages declare their jurisdictions in.
ENTRY_POINT_GROUP = "lawsummary.jurisdictions"

#: Derives an offence's category (a category id) from a category table: ``None`` for an
#: offence the system does not categorise, ``UNKNOWN`` when the data cannot decide.
CategoryDeriver = Callable[[Offence, CrimeCategories], "str | Unknown | None"]


class JurisdictionError(LawSummaryError, ValueError):
    """A jurisdiction plug-in that cannot be registered as it is."""


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class CategoryWords:
    """One crime category: its id in documents and its words (catalog message keys).

    ``name`` is a noun phrase ("a grave crime"); ``rank`` says where it stands among the
    system's categories ("the third of the four categories of crimes in ..."), stated
    the first time a summary names the category; ``None`` states the name only.
    """

    id: str
    name: str
    rank: str | None = None


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class CategorySystem:
    """A jurisdiction's crime categories, from the least to the most serious.

    ``derive`` gives an offence's category from the dataset's category table; ``None``
    when categories are only ever stated by sources. ``explained`` is the sentence a
    summary of the category table starts with (a catalog message key).
    """

    categories: tuple[CategoryWords, ...]
    derive: CategoryDeriver | None = None
    explained: str | None = None
    _by_id: dict[str, tuple[int, CategoryWords]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.categories:
            raise JurisdictionError("a category system needs at least one category")
        by_id = {c.id: (i, c) for i, c in enumerate(self.categories)}
        if len(by_id) != len(self.categories):
            raise JurisdictionError("a category system lists the same category id twice")
        object.__setattr__(self, "_by_id", by_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def words(self, category: str) -> CategoryWords | None:
        found = self._by_id.get(category)
        return None if found is None else found[1]

    def rank(self, category: str) -> int | None:
        """The category's place from the least serious (0), or ``None`` if it is not one."""
        found = self._by_id.get(category)
        return None if found is None else found[0]


#: A citation's shape, as a :class:`CitationStyle` keys its messages: whether the
#: citation has a part and whether it has items ("article", "part", "items",
#: "part+items"); a citation of a whole instrument is always just its title.
CitationShape = str


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class CitationStyle:
    """How a jurisdiction's citations are written, where it has a rule of its own.

    ``keys`` maps a citation shape (``CitationShape``) to a message key of the plug-in's
    own, with the placeholders ``{instrument}``, ``{article}``, ``{part}`` and ``{items}``;
    the plug-in's ``messages`` give its text in the locales that have a rule, and every
    other locale writes it as the generic citation of that shape. ``instrument_case``
    names, per locale, the grammatical case the instrument's title stands in
    ("genitive" for Russian: "ч. 6 ст. 18.1 Закона № 115-ФЗ"), and ``inflect(title,
    locale, case)`` writes a title in it.
    """

    keys: Mapping[CitationShape, str]
    inflect: Callable[[str, str, str], str] | None = None
    instrument_case: Mapping[str, str] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        unknown = set(self.keys) - set(CITATION_SHAPES)
        if unknown:
            raise JurisdictionError(
                f"unknown citation shapes {sorted(unknown)}; use {', '.join(CITATION_SHAPES)}"
            )


#: Every citation shape a :class:`CitationStyle` can have a message for.
CITATION_SHAPES = ("article", "part", "items", "part+items")


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Jurisdiction:
    """Everything the core needs to know about one jurisdiction's law (see the module).

    ``severity`` ranks main penalty kinds by kind name, on the scale the penalty kinds'
    own defaults use (1 a fine ... 10 life imprisonment; see
    :func:`lawsummary.explain.penalties.penalty_behaviour`); a kind it does not list
    keeps its own default. ``subjects`` gives the words (catalog message keys) for the
    subjects of an exam rule, by subject value. ``messages`` holds catalog entries of the
    plug-in's own, by locale and message key, used where the package's catalogs have
    no translation.
    """

    code: str
    name: str
    currency: str | None = None
    categories: CategorySystem | None = None
    severity: Mapping[str, int] = attrs.field(factory=dict)
    subjects: Mapping[str, str] = attrs.field(factory=dict)
    citation: CitationStyle | None = None
    messages: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if not (len(self.code) == 2 and self.code.isascii() and self.code.isalpha()) or (
            not self.code.isupper()
        ):
            raise JurisdictionError(
                f"{self.code!r} is not an ISO 3166-1 alpha-2 code (two capital letters)"
            )


_REGISTRY: dict[str, Jurisdiction] = {}
_ENTRY_POINTS_READ = False

#: Counts the changes to the registry, so that what is derived from it (the citation
#: messages each jurisdiction uses) can tell when it must be derived again.
CHANGES = [0]


def register(plugin: Jurisdiction, *, replace: bool = False) -> Jurisdiction:
    """Register a jurisdiction plug-in under its code; returns it.

    Registering a code twice is an error unless ``replace`` is true. The plug-in's own
    catalog messages become available to every locale it names.
    """
    if not isinstance(plugin, Jurisdiction):
        raise JurisdictionError(
            f"register() takes a lawsummary.rules.Jurisdiction, not a {type(plugin).__name__}"
        )
    if plugin.code in _REGISTRY and not replace:
        raise JurisdictionError(
            f"jurisdiction {plugin.code!r} is already registered "
            f"({_REGISTRY[plugin.code].name}); pass replace=True to replace it"
        )
    if plugin.messages:
        from lawsummary.i18n import add_messages

        for locale, messages in plugin.messages.items():
            add_messages(locale, messages)
    _REGISTRY[plugin.code] = plugin
    CHANGES[0] += 1
    return plugin


def unregister(code: str) -> None:
    """Forget the plug-in registered under ``code`` (for tests and reloading plug-ins)."""
    _REGISTRY.pop(code, None)
    CHANGES[0] += 1


def registered() -> tuple[str, ...]:
    """The codes of the jurisdictions registered so far (entry points included)."""
    _read_entry_points()
    return tuple(sorted(_REGISTRY))


def jurisdiction(code: str) -> Jurisdiction | None:
    """The plug-in for ``code``, or ``None`` if no plug-in declares that jurisdiction."""
    found = _REGISTRY.get(code)
    if found is None and not _ENTRY_POINTS_READ:
        _read_entry_points()
        found = _REGISTRY.get(code)
    return found


def _read_entry_points() -> None:
    global _ENTRY_POINTS_READ
    if _ENTRY_POINTS_READ:
        return
    _ENTRY_POINTS_READ = True
    from importlib.metadata import entry_points

    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = point.load()
            plugin = (
                loaded() if callable(loaded) and not isinstance(loaded, Jurisdiction) else loaded
            )
        except Exception as exc:  # a broken third-party plug-in: say which
            raise JurisdictionError(
                f"the jurisdiction entry point {point.name!r} ({point.value}) failed to load: {exc}"
            ) from exc
        if isinstance(plugin, Jurisdiction) and plugin.code in _REGISTRY:
            continue  # registered by an import already
        register(plugin)


def category_deriver(code: str) -> CategoryDeriver | None:
    """The crime-category logic for ``code`` (ISO 3166-1), or ``None`` if there is none."""
    found = jurisdiction(code)
    if found is None or found.categories is None:
        return None
    return found.categories.derive


def derive_category(
    dataset: Dataset, version: Version
) -> tuple[str | Unknown | None, CrimeCategories | None]:
    """The crime category the dataset's category table gives for an offence version, with
    the table; ``(None, None)`` when the version is not an offence, no table applies, or
    the jurisdiction derives no categories."""
    body = version.body
    if not isinstance(body, Offence):
        return None, None
    scheme = dataset.category_rules_for(version)
    if scheme is None:
        return None, None
    derive = category_deriver(body.citation.jurisdiction)
    return (None if derive is None else derive(body, scheme)), scheme


def _category_problems(dataset: Dataset) -> list[tuple[str, str]]:
    """The dataset check the records cannot make alone: a stated category is one of its
    jurisdiction's, and agrees with the category the dataset's rules derive."""
    problems: list[tuple[str, str]] = []
    for i, provision in enumerate(dataset.provisions):
        for j, version in enumerate(provision.versions):
            body = version.body
            if not isinstance(body, Offence) or body.category is None:
                continue
            path = f"$.provisions[{i}].versions[{j}].body.category"
            plugin = jurisdiction(body.citation.jurisdiction)
            system = plugin.categories if plugin is not None else None
            if system is not None and system.rank(body.category) is None:
                problems.append(
                    (
                        path,
                        f"{body.category!r} is not a crime category of "
                        f"{body.citation.jurisdiction} ({plugin.name if plugin else ''}); "
                        f"use one of: {', '.join(repr(c) for c in system.ids())}",
                    )
                )
                continue
            derived, _ = derive_category(dataset, version)
            if isinstance(derived, str) and derived != body.category:
                problems.append(
                    (
                        path,
                        f"states {body.category!r}, but the category rules in the dataset "
                        f"give {derived!r} for this sanction and form of guilt; correct the "
                        "category or leave it out",
                    )
                )
    return problems


def _install() -> None:
    """Give the records the checks and derivations that need the registry."""
    from lawsummary.records import dataset as records_dataset

    records_dataset.install_jurisdiction_logic(derive_category, _category_problems)


_install()

from lawsummary.rules import kz, ru  # noqa: E402  - the bundled plug-ins register themselves
