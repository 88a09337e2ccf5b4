"""The exceptions srdi_plan raises. The native module raises these very classes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

if TYPE_CHECKING:
    from ._native import Issue

__all__ = ["PlanError", "PlanSyntaxError", "PlanValidationError", "UnknownNameError", "QueryError"]


class PlanError(Exception):
    """Base class of every error srdi_plan raises. ``code`` is stable and machine-readable."""

    code: str
    message: str

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


class PlanSyntaxError(PlanError, ValueError):
    """The plan text is not well-formed JSON; ``line`` and ``column`` say where (1-based)."""

    line: Optional[int]
    column: Optional[int]
    issues: list[Issue]

    def __init__(self, message: str, line: Optional[int], column: Optional[int], issues: Sequence[Issue]) -> None:
        super().__init__(message, "syntax_error")
        self.line = line
        self.column = column
        self.issues = list(issues)


class PlanValidationError(PlanError, ValueError):
    """The plan is JSON but not a valid plan; ``issues`` lists every problem found."""

    issues: list[Issue]

    def __init__(self, message: str, issues: Sequence[Issue]) -> None:
        super().__init__(message, "invalid_plan")
        self.issues = list(issues)


class UnknownNameError(PlanError, KeyError):
    """A unit, tier, instrument, task, … that the plan does not have.

    ``kind`` says what was looked for, ``name`` is the name given and ``suggestions`` the
    closest valid names, best first.
    """

    kind: str
    name: str
    suggestions: list[str]

    def __init__(self, message: str, kind: str, name: str, suggestions: Sequence[str]) -> None:
        super().__init__(message, "unknown_name")
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)


class QueryError(PlanError, ValueError):
    """A question that cannot be asked, such as a search for nothing."""
