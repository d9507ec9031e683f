"""``@override`` for Qt method overrides, without loading typing_extensions at start-up.

mypy sees typing_extensions' decorator (and checks that each decorated method
overrides one); at run time it is ``typing.override`` from Python 3.12, and on
3.11 a decorator that only marks the method, as typing_extensions' does. It
saves a few milliseconds before the first page is painted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import override
elif sys.version_info >= (3, 12):
    from typing import override
else:
    _Method = TypeVar("_Method", bound=Callable[..., Any])

    def override(method: _Method) -> _Method:
        method.__override__ = True
        return method


__all__ = ["override"]
