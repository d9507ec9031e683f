"""Data files shipped as the ``hero_desktop.resources`` package.

pyproject.toml maps this top-level folder into the package, so the icon and the
desktop entry are found through ``importlib.resources`` both from a checkout and
from an installed wheel. Use ``hero_desktop.desktop_entry.resource_path``.
"""
