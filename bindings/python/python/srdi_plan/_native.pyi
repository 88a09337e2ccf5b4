"""Type stubs of the native module. The public names are re-exported by ``srdi_plan``.

Every result object's ``to_dict()`` is the core's answer in its JSON shape — the same JSON
``srdi --json`` prints and the JavaScript package returns.
"""

from datetime import date
from os import PathLike
from typing import Any, Iterable, Literal, Mapping, Optional, Union, final, overload

from .codes import Code

__all__ = [
    "CODES",
    "Citation",
    "Corpus",
    "Entity",
    "Hit",
    "Issue",
    "Measure",
    "Mechanism",
    "Plan",
    "Target",
    "Task",
    "Text",
    "Unit",
    "corpus",
    "embedded",
    "embedded_ids",
    "load",
    "load_dir",
    "validate",
    "wulong",
]

CODES: list[Code]
"""Every stable code of issues and errors, in the core's order."""

@final
class Text:
    """A text as printed (``zh``, the source verbatim) and in our unofficial translation (``en``)."""

    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...
    def to_dict(self) -> dict[str, str]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Citation:
    """Where an item comes from: ``str(citation)`` is ``武隆府办发〔2022〕48号 二（五）28``."""

    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...
    @property
    def document(self) -> Optional[str]: ...
    @property
    def place(self) -> Optional[Text]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Plan:
    """An action plan: the document, its goals, sections, tasks, measures and mechanisms."""

    @staticmethod
    def from_json(text: Union[str, bytes]) -> Plan:
        """Loads and validates a plan from JSON: ``str``, or ``bytes`` of UTF-8.

        Raises ``PlanSyntaxError`` (with ``line`` and ``column``) for text that is not JSON or
        not UTF-8 (code ``invalid_encoding``, with the byte ``offset``), ``PlanLimitError`` for
        input over a limit (checked before the text is read) and ``PlanValidationError`` (with
        every issue) for JSON that is not a valid plan.
        """
    def to_json(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def number(self) -> Optional[str]:
        """The document number, if the plan has one."""
    @property
    def title(self) -> Text: ...
    @property
    def period(self) -> Optional[tuple[int, int]]:
        """The first and last year, if known."""
    @property
    def provenance(self) -> Optional[dict[str, Any]]:
        """Where the text comes from, how complete it is, and what is inferred."""
    @property
    def document(self) -> dict[str, Any]: ...
    @property
    def warnings(self) -> list[Issue]: ...
    def summary(self) -> dict[str, Any]:
        """The document, counts, goals and sections (with their tasks and units), and what a
        profile can give: ``tiers``, ``groups``, ``facts`` and ``events``."""
    def tasks(
        self,
        unit: Optional[str] = None,
        section: Optional[int] = None,
        instrument: Optional[str] = None,
        tier: Optional[str] = None,
        text: Optional[str] = None,
    ) -> list[Task]:
        """Tasks matching every filter given. A unit is named by id, printed name or English
        name; a tier by id or name (a defined term covers every tier it stands for). Raises
        ``UnknownNameError`` with suggestions for a name that matches nothing."""
    @overload
    def task(self, number: int, section: Optional[int] = None) -> Task:
        """One task by number; ``section`` too in a plan that numbers tasks per section (a
        number that only one section has needs none)."""
    @overload
    def task(self, number: str) -> Task:
        """One task by the id answers name it by: ``plan.task("task-28")``,
        ``plan.task(measure.task)``."""
    def search(self, text: str, language: Optional[Literal["zh", "en"]] = None) -> list[Hit]:
        """Every hit; with ``language="zh"`` or ``"en"`` the hits a reader of that language
        wants (items that matched only in the other language are kept)."""
    def units(self) -> list[Unit]: ...
    def unit(self, name: str) -> Unit: ...
    def goals(self) -> list[Target]: ...
    def goal(self, id: str) -> Target: ...
    def targets(self) -> list[Target]: ...
    def measures(self, tier: Optional[str] = None, instrument: Optional[str] = None) -> list[Measure]: ...
    def mechanisms(self) -> list[Mechanism]: ...
    def mechanism(self, number: int) -> Mechanism: ...
    def entities(self) -> list[Entity]: ...
    def entity(self, name: str) -> Entity: ...
    def documents(self) -> list[Entity]: ...
    def instruments(self) -> list[dict[str, Any]]:
        """Every instrument of the taxonomy with its OECD STIP type and the items that use it."""
    def tiers(self) -> list[dict[str, Any]]:
        """Every tier (by rank), group and defined term: ``kind``, ``id``, ``name``, ``rank``,
        ``definition``, ``stands_for``, ``within`` (the terms that stand for it) and the
        ``measures`` that reach it; the names ``tier=`` takes."""
    def matrix(self) -> dict[str, Any]:
        """``{"tasks": [...], "rows": [{"unit": {...}, "tasks": [...]}]}``."""
    def table(self, kind: str) -> dict[str, Any]:
        """``tasks``, ``measures``, ``targets`` or ``units`` as ``{"kind", "columns", "rows"}``;
        each column has a ``name`` and a ``kind`` (integer, decimal, text, bool, list).
        ``entitlements`` and ``progress`` give their columns without rows: their rows need
        profiles or observations (``entitlements_table``, ``progress_table``)."""
    def records(self, kind: str) -> list[dict[str, Any]]:
        """The rows of ``table(kind)`` as dicts, each naming its plan (``plan``) as ``srdi export``
        writes them, with Python values and ``None`` if missing."""
    def to_pandas(self, kind: str) -> Any:
        """``table(kind)`` as a pandas DataFrame with nullable dtypes; needs ``srdi-plan[pandas]``."""
    def entitlements(
        self, profile: Mapping[str, Any] | str | bytes, explain: bool = False, language: Literal["zh", "en"] = "zh"
    ) -> list[dict[str, Any]]:
        """What an enterprise can get: every measure with ``status`` (``applies``, ``may_apply``,
        ``does_not_apply``), ``amount``, ``citation``, ``missing``, ``failed`` and the ``trace``
        of each step. ``profile`` is ``{"tiers", "groups", "recognitions", "events", "facts"}``;
        a key left out is unknown, and so is a key set to ``None`` in a dict (as a data frame's
        empty cell is; JSON text and the other surfaces refuse ``null``). ``explain=True`` also prints the steps in words. Raises
        ``InputError`` for a profile the plan cannot read, naming every problem at once: of
        its shape and of the tiers, groups and facts it names."""
    def entitlement_total(self, profile: Mapping[str, Any] | str | bytes) -> list[dict[str, Any]]:
        """The sums of the amounts that apply, by currency: ``[{"currency", "value", "measures"}]``."""
    def entitlements_table(self, profiles: Iterable[Mapping[str, Any] | str | bytes] | Any) -> Any:
        """Many enterprises at once (a list of profiles, or a DataFrame with one row each): a
        DataFrame with one row per enterprise and measure; needs ``srdi-plan[pandas]``. Raises
        ``InputError`` with every problem of every profile, each path starting with the
        profile's position (``/1/tiers/0``)."""
    def progress(
        self,
        observations: Iterable[Mapping[str, Any]] | str | PathLike[str] | bytes | Any,
        as_of: date | str | None = None,
    ) -> list[dict[str, Any]]:
        """Did the plan deliver? Every goal and target as of ``as_of`` (today if left out), from
        observed values: a list of dicts ``{"target", "year" or "date", "value", "source", "unit"?,
        "note"?}``, a DataFrame of such rows, or the path of a CSV or JSON file. Each answer has
        ``status`` (``met``, ``missed``, ``on_track``, ``behind``, ``no_baseline`` when one value
        and no stated baseline draw no path, ``no_data``), ``latest``, ``start``, ``expected``,
        ``gap``, ``share`` and ``pace_needed``. Bad observations raise ``InputError`` with every
        issue."""
    def progress_table(
        self,
        observations: Iterable[Mapping[str, Any]] | str | PathLike[str] | bytes | Any,
        as_of: date | str | None = None,
    ) -> Any:
        """``progress(...)`` as a DataFrame, one row per goal and target; needs pandas."""
    def status(self, as_of: date | str | None = None) -> dict[str, Any]:
        """Whether the plan is in force on ``as_of`` (today if left out) — ``not_yet_in_force``,
        ``in_force``, ``ended`` — and the goals and targets ``due`` by then."""
    def cost(self, scenario: Mapping[str, Any] | str | bytes | None = None) -> dict[str, Any]:
        """What the one-time rewards tied to a recognition or an event cost, by year, for
        ``{"recognitions": [{"tier", "year", "count"}], "events": [{"kind", "year", "count"}]}``,
        or without one for the plan's own goals (an upper bound, its assumptions listed). In a
        dict, a key set to ``None`` is a key left out."""
    def __eq__(self, value: object, /) -> bool: ...

@final
class Task:
    """A numbered task of the plan."""

    @property
    def number(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def section(self) -> int: ...
    @property
    def citation(self) -> Optional[Citation]: ...
    @property
    def title(self) -> Optional[Text]: ...
    @property
    def text(self) -> Text: ...
    @property
    def responsible_units(self) -> list[str]: ...
    @property
    def leading_units(self) -> list[str]: ...
    @property
    def responsibility(self) -> Optional[dict[str, Any]]:
        """The task's own responsibility line and its units by role; else its section's applies."""
    @property
    def interpretation(self) -> Optional[str]: ...
    @property
    def aimed_at(self) -> list[str]: ...
    @property
    def sectors(self) -> Optional[dict[str, Any]]:
        """The sectors the task names: ``items`` (texts as printed) and ``open`` (the list ends in 等)."""
    @property
    def leads(self) -> list[dict[str, Any]]:
        """The units its text names to lead a clause."""
    @property
    def schedule(self) -> list[dict[str, Any]]:
        """When its text says things happen."""
    @property
    def instruments(self) -> list[str]: ...
    @property
    def measures(self) -> list[Measure]: ...
    @property
    def targets(self) -> list[Target]: ...
    @property
    def entities(self) -> list[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Measure:
    """A support measure: something an enterprise can get."""

    @property
    def id(self) -> str: ...
    @property
    def task(self) -> str:
        """The id of the task that offers it (``task-28``)."""
    @property
    def citation(self) -> Optional[Citation]: ...
    @property
    def instrument(self) -> str: ...
    @property
    def text(self) -> Text: ...
    @property
    def beneficiary(self) -> dict[str, Any]: ...
    @property
    def trigger(self) -> Optional[str]: ...
    @property
    def amount(self) -> Optional[dict[str, Any]]:
        """``{"value": …, "currency": …, "printed": …}`` when the text states a sum (``printed``:
        the sum as the text writes it, e.g. ``100 万元``)."""
    @property
    def one_time(self) -> bool: ...
    @property
    def approved_by(self) -> list[str]: ...
    @property
    def legal_basis(self) -> Optional[str]: ...
    @property
    def interpretation(self) -> Optional[str]: ...
    @property
    def years(self) -> Optional[dict[str, Any]]:
        """The years it applies in (``start``, ``end``); ``None`` for the plan's period."""
    @property
    def conditions(self) -> Optional[dict[str, Any]]:
        """The conditions an enterprise must meet, or ``None``."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Target:
    """A quantified target: a plan goal or a task-level target."""

    @property
    def id(self) -> str: ...
    @property
    def task(self) -> Optional[str]:
        """The id of the task that sets it; ``None`` for a plan goal."""
    @property
    def citation(self) -> Optional[Citation]: ...
    @property
    def indicator(self) -> Text: ...
    @property
    def text(self) -> Text: ...
    @property
    def value(self) -> Optional[Union[int, float]]:
        """The value in ``unit`` (2.5万家 is 25000), or ``None`` for full coverage."""
    @property
    def unit(self) -> Optional[str]: ...
    @property
    def quantity(self) -> Text:
        """The quantity as printed (``2.5万家``) and in English (``25,000``)."""
    @property
    def kind(self) -> str: ...
    @property
    def group(self) -> Optional[str]: ...
    @property
    def by_year(self) -> Optional[int]: ...
    @property
    def interpretation(self) -> Optional[str]: ...
    @property
    def printed(self) -> Optional[str]:
        """The quantity as printed when it differs from ``value`` and ``unit`` (``2.5万家``; for
        ``200家``, ``None``); ``quantity`` gives the printed form always."""
    @property
    def baseline(self) -> Optional[dict[str, Any]]: ...
    @property
    def milestones(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Unit:
    """An organisation the plan names, with what it answers for."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> Text: ...
    @property
    def kind(self) -> str: ...
    @property
    def interpretation(self) -> Optional[str]: ...
    @property
    def tasks(self) -> list[str]:
        """Ids of the tasks it is responsible for."""
    @property
    def mechanisms(self) -> list[int]: ...
    @property
    def lead_tasks(self) -> list[str]:
        """Ids of the tasks it leads."""
    @property
    def lead_mechanisms(self) -> list[int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Mechanism:
    """One of the plan's safeguard mechanisms."""

    @property
    def number(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def citation(self) -> Optional[Citation]: ...
    @property
    def title(self) -> Text: ...
    @property
    def text(self) -> Text: ...
    @property
    def responsibility(self) -> Optional[dict[str, Any]]: ...
    @property
    def responsible_units(self) -> list[str]: ...
    @property
    def leading_units(self) -> list[str]: ...
    @property
    def interpretation(self) -> Optional[str]: ...
    @property
    def leads(self) -> list[dict[str, Any]]:
        """The units its text names to lead a clause."""
    @property
    def schedule(self) -> list[dict[str, Any]]:
        """When its text says things happen."""
    @property
    def instruments(self) -> list[str]: ...
    @property
    def entities(self) -> list[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Entity:
    """A named platform, fund, programme, event or document, with where it is mentioned."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> Text: ...
    @property
    def interpretation(self) -> Optional[str]: ...
    @property
    def number(self) -> Optional[str]: ...
    @property
    def tasks(self) -> list[str]:
        """Ids of the tasks that mention it."""
    @property
    def mechanisms(self) -> list[int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Hit:
    """One place where a search phrase occurs."""

    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def citation(self) -> Optional[Citation]: ...
    @property
    def field(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def snippet(self) -> str: ...
    @property
    def task(self) -> Optional[str]:
        """The id of the task the item is or belongs to, if any."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Issue:
    """One problem found in a plan file."""

    @property
    def code(self) -> Code: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def offset(self) -> Optional[int]:
        """The 0-based byte offset of an ``invalid_encoding``."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

def wulong() -> Plan:
    """The shipped Wulong plan (baked into the module, shared)."""

@final
class Corpus:
    """Several plans side by side; every answer names the plan of each row.

        >>> corpus = srdi_plan.load_dir("policy-data")
        >>> [(g["plan"], g["value"]) for g in corpus.compare("goals") if g["id"] == "goal-2"]
        [('chongqing-2022-23', 2500), ('wulong-2022-48', 15)]
    """

    @property
    def plans(self) -> list[Plan]:
        """The plans, in order: a folder's, then the shipped ones none of them is."""
    @property
    def ids(self) -> list[str]:
        """The ids of the plans, in order."""
    def plan(self, id: str) -> Plan:
        """One plan by id; raises ``UnknownNameError`` with the closest ids."""
    def entries(self) -> list[dict[str, Any]]:
        """Each plan: ``plan`` (its id), ``number``, ``title``, ``period`` and ``based_on``
        (each document with the ``plan`` of the corpus it resolves to)."""
    def search(self, text: str, language: Optional[Literal["zh", "en"]] = None) -> list[dict[str, Any]]:
        """A phrase in every text of every plan; each hit names its ``plan``."""
    @overload
    def compare(self, what: Literal["goals"]) -> list[dict[str, Any]]:
        """Goals side by side by the tier they count; ``localises`` is the parent plan's goal
        (``plan``, ``goal``, ``kind``, ``value``, ``share``) or ``None``."""
    @overload
    def compare(self, what: Literal["measures"]) -> list[dict[str, Any]]:
        """Every measure that names an amount, by the group it reaches."""
    @overload
    def compare(self, what: Literal["instruments"]) -> list[dict[str, Any]]:
        """Each STIP instrument type (``code``, ``name``) and, per plan, its ``instruments``
        and how many ``tasks``, ``measures`` and ``mechanisms`` use them."""
    def __len__(self) -> int: ...

def load_dir(path: Union[str, PathLike[str]]) -> Corpus:
    """Every plan file under a folder (each ``*.json`` but JSON Schemas, in subfolders too),
    then each shipped plan none of them is. Raises the error of the first file that cannot be
    loaded, its ``filename`` naming it (``OSError``, with ``code`` ``unreadable``, for one
    that cannot be read), and its ``failures`` listing every such file's error, the first
    included."""

def corpus() -> Corpus:
    """The plans shipped with the package, side by side."""

def embedded(id: str) -> Plan:
    """A plan shipped with the package, by id; raises ``UnknownNameError`` naming the shipped ones."""

def embedded_ids() -> list[str]:
    """The ids of the plans shipped with the package."""

def validate(text: Union[str, bytes]) -> list[Issue]:
    """Every problem with a plan (``str``, or ``bytes`` of UTF-8): encoding, syntax, shape,
    unknown fields and rules; warnings included."""

def load(path: Union[str, PathLike[str]]) -> Plan:
    """Loads and validates a plan file; a file over the size limit is refused before it is
    read. Raises ``OSError`` (``FileNotFoundError``, …, with ``code`` ``unreadable``) for a
    file that cannot be read, else the errors of ``Plan.from_json``."""
