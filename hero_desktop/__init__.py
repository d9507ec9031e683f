"""Hero Desktop: a keyboard-first desktop roster of heroes."""

__version__ = "0.1.0"
