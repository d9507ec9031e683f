"""Figures, medians and the printed table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

PEERS = ("Hero Desktop", "tutorial style", "QSqlTableModel", "raw sqlite3")


@dataclass
class Figure:
    """One line of the table: a value per peer (None: not applicable), in ``unit``."""

    name: str
    unit: str
    values: dict[str, float | None]
    target: str = ""
    met: bool | None = None
    ratios: str = ""
    notes: list[str] = field(default_factory=list)

    def cell(self, peer: str) -> str:
        value = self.values.get(peer)
        return "—" if value is None else format_value(value, self.unit)


def format_value(value: float, unit: str) -> str:
    if unit == "ms":
        text = f"{value:.2f}" if value < 10 else f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
    elif unit == "s":
        text = f"{value:.2f}"
    elif unit in ("MB", "%"):
        text = f"{value:+.1f}" if unit == "MB" else f"{value:.2f}"
    else:
        text = f"{value:g}"
    return f"{text} {unit}"


def ratio(slow: float | None, fast: float | None) -> float | None:
    if slow is None or fast is None or fast <= 0:
        return None
    return slow / fast


def times(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:.2f}x" if value < 10 else f"{value:,.0f}x"


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def timed(work: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    """Milliseconds ``work(*args, **kwargs)`` took, and what it returned."""
    started = time.perf_counter()
    result = work(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, result


def print_table(figures: list[Figure], peers: tuple[str, ...] = PEERS) -> None:
    headers = ("figure", *peers, "ratio(s)", "target", "met?")
    rows = [
        (
            f.name,
            *(f.cell(peer) for peer in peers),
            f.ratios,
            f.target,
            "—" if f.met is None else "yes" if f.met else "NO",
        )
        for f in figures
    ]
    print_markdown(headers, rows)
    notes = [(f.name, note) for f in figures for note in f.notes]
    if notes:
        print()
        for name, note in notes:
            print(f"- {name}: {note}")


def print_markdown(headers: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """``rows`` under ``headers`` as a Markdown table, columns padded to line up."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: tuple[Any, ...]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    print(line(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
