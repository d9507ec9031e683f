"""Text for menus and actions: what a user typed, shown as typed, and an entry as read."""

from __future__ import annotations

import re


def literal(text: str) -> str:
    """The user's ``text`` for an action or a label: every & shown, none a shortcut mark."""
    return text.replace("&", "&&")


def without_mnemonic(text: str) -> str:
    """An action's text as shown: "&&" is one "&", a lone "&" marks the next letter."""
    return re.sub("&(.)", r"\1", text)
