"""The exceptions srdi_plan raises. The native module raises these very classes, each built
from the core's error report, so ``code`` and the other fields are the same on every surface
(the ``srdi`` command prints the report with ``--json``; JavaScript errors carry it too)."""

from __future__ import annotations

TYPE_CHECKING = False  # as `typing.TYPE_CHECKING`, without importing `typing` at run time

if TYPE_CHECKING:  # `typing` at run time would double the package's import time.
    from typing import Any, Mapping, Optional, Sequence

    from ._native import Issue
    from .codes import Code

__all__ = [
    "PlanError",
    "PlanLimitError",
    "PlanSyntaxError",
    "PlanValidationError",
    "InputError",
    "InvalidArgumentError",
    "QueryError",
    "UnknownNameError",
]


class PlanError(Exception):
    """Base class of every error srdi_plan raises. ``code`` is stable and machine-readable;
    ``to_dict()`` is the error as ``srdi --json`` prints it. An error of ``load_dir`` also has
    ``filename`` and ``failures``, every bad file's error (this one first)."""

    code: Code
    message: str

    def __init__(self, report: Mapping[str, Any], issues: Sequence[Issue] = ()) -> None:
        super().__init__(report["message"])
        self._report = dict(report)
        self.code = report["code"]
        self.message = report["message"]

    def to_dict(self) -> dict[str, Any]:
        return dict(self._report)

    def __str__(self) -> str:
        return self.message


class _LoadError(PlanError):
    """A plan that could not be loaded; ``issues`` lists every problem found."""

    issues: list[Issue]

    def __init__(self, report: Mapping[str, Any], issues: Sequence[Issue] = ()) -> None:
        super().__init__(report, issues)
        self.issues = list(issues)


class PlanLimitError(_LoadError, ValueError):
    """The input is over a limit (``too_large``, ``too_deep``) and was not read."""


class PlanSyntaxError(_LoadError, ValueError):
    """The plan is not UTF-8 (``invalid_encoding``) or not JSON (``syntax_error``); ``line``
    and ``column`` say where (1-based), and ``offset`` (0-based, in bytes) for an encoding."""

    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]

    def __init__(self, report: Mapping[str, Any], issues: Sequence[Issue] = ()) -> None:
        super().__init__(report, issues)
        self.line = report.get("line")
        self.column = report.get("column")
        self.offset = report.get("offset")


class PlanValidationError(_LoadError, ValueError):
    """The plan is JSON but not a valid plan (``invalid_plan``); ``issues`` lists every problem."""


class UnknownNameError(PlanError, KeyError):
    """A unit, tier, instrument, task, … that the plan does not have (``unknown_name``).

    ``kind`` says what was looked for, ``value`` is the name given and ``suggestions`` the
    closest valid names, best first (or the valid range of numbers).
    """

    kind: str
    value: str
    suggestions: list[str]

    def __init__(self, report: Mapping[str, Any], issues: Sequence[Issue] = ()) -> None:
        super().__init__(report, issues)
        self.kind = report["kind"]
        self.value = report["value"]
        self.suggestions = list(report["suggestions"])


class QueryError(PlanError, ValueError):
    """A question that cannot be asked: a search for nothing (``empty_search``) or a value a
    method does not take (``invalid_argument``: ``table("laws")``, ``language="fr"``); an
    argument of the wrong type is the subclass ``InvalidArgumentError``."""


class InvalidArgumentError(QueryError, TypeError):
    """An argument of the wrong type or form (``invalid_argument``): a ``str`` where a number
    belongs, a list for a profile, a date that is not ``YYYY-MM-DD``. Both a ``QueryError``
    and a ``TypeError``, as JavaScript throws a ``TypeError`` with the same code. From Python
    3.11, a note names the argument (``while processing 'unit'``) where its type is wrong."""


class InputError(_LoadError, ValueError):
    """A profile, scenario or set of observations that is not valid for the plan
    (``invalid_input``): an unknown key (with the closest valid one), a tier, group, fact or
    target the plan does not have, a value of the wrong kind. ``issues`` lists every problem,
    each with its JSON Pointer (and, for CSV, its line and column)."""
