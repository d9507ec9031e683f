"""A method's calls recorded for a test, the method still doing its work."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pytest

T = TypeVar("T")


def recorded_calls(
    monkeypatch: pytest.MonkeyPatch,
    owner: type,
    name: str,
    noted: Callable[..., Iterable[T]],
) -> list[T]:
    """From now on each call of ``owner.name`` adds what ``noted`` gives for its arguments
    (those after ``self``) to the list returned, then runs the method."""
    seen: list[T] = []
    method = getattr(owner, name)

    def recorded(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen.extend(noted(*args, **kwargs))
        return method(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return seen
