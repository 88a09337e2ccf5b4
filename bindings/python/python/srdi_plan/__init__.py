"""The Wulong District SRDI (专精特新) action plan, 武隆府办发〔2022〕48号, as typed,
validated, queryable data.

    >>> import srdi_plan
    >>> plan = srdi_plan.wulong()
    >>> [t.number for t in plan.tasks(unit="区财政局")][:3]
    [11, 12, 13]

Chinese texts (``.zh``) are the source verbatim; English texts (``.en``) are our own,
unofficial translation. Every answer carries its id and citation.
"""

from ._native import (
    CODES,
    Citation,
    Corpus,
    Entity,
    Hit,
    Issue,
    Measure,
    Mechanism,
    Plan,
    Target,
    Task,
    Text,
    Unit,
    corpus,
    embedded,
    embedded_ids,
    load,
    load_dir,
    validate,
    wulong,
)
TYPE_CHECKING = False  # as `typing.TYPE_CHECKING`, without importing `typing` at run time

from .errors import (
    PlanError,
    PlanLimitError,
    PlanSyntaxError,
    PlanValidationError,
    InputError,
    InvalidArgumentError,
    QueryError,
    UnknownNameError,
)

__all__ = [
    "CODES",
    "Citation",
    "Code",
    "Corpus",
    "Entity",
    "Hit",
    "Issue",
    "Measure",
    "Mechanism",
    "Plan",
    "PlanError",
    "PlanLimitError",
    "PlanSyntaxError",
    "PlanValidationError",
    "InputError",
    "InvalidArgumentError",
    "QueryError",
    "Target",
    "Task",
    "Text",
    "Unit",
    "UnknownNameError",
    "corpus",
    "embedded",
    "embedded_ids",
    "load",
    "load_dir",
    "validate",
    "wulong",
]

if TYPE_CHECKING:
    from .codes import Code


def __getattr__(name: str) -> object:
    """``Code`` on first use: it is a ``typing.Literal``, and ``typing`` is slow to import."""
    if name == "Code":
        from .codes import Code

        return Code
    raise AttributeError(f"module 'srdi_plan' has no attribute {name!r}")
