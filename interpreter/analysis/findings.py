"""Findings: what the analysis reports about a module (diagnostics before any protocol sees them)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ['SEVERITIES', 'TAGS', 'Finding']

SEVERITIES = ('error', 'warning', 'information', 'hint')
TAGS = frozenset({'unnecessary', 'deprecated'})


@dataclass(frozen=True, slots=True)
class Finding:
    """One diagnostic: a stable `code` (M001...), a message and a range.

    `lineno`/`end_lineno` are 1-based, `col`/`end_col` 0-based *character* columns (the server
    converts them to the client's encoding). `data` carries what a code action needs (for
    example the binding's name for "remove unused import").
    """

    code: str
    message: str
    severity: str
    lineno: int
    col: int
    end_lineno: int
    end_col: int
    tags: frozenset[str] = field(default=frozenset())
    data: dict | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f'unknown severity {self.severity!r}')
        if not self.tags <= TAGS:
            raise ValueError(f'unknown tags {sorted(self.tags - TAGS)}')

    @property
    def range(self) -> tuple[int, int, int, int]:
        """(lineno, col, end_lineno, end_col)."""
        return self.lineno, self.col, self.end_lineno, self.end_col
