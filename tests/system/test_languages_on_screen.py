"""The installed app in German and in French on a real X server, as such a desktop starts it.

``LANG`` is all a German or French desktop session sets; the app is driven by
keyboard (its shortcuts are the same in every language), the Add Hero
dialog is found by its translated title, and Ctrl+Q exits with status 0. Set
HERO_DESKTOP_README_SCREENSHOTS to a folder to also save the window there as
``screenshot-de.png`` and ``screenshot-fr.png`` (README's screenshots).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from polling import wait_until

from .support import HeroDesktop, read_heroes, seed
from .test_smoke import TUTORIAL_HEROES

pytestmark = pytest.mark.xvfb

ADD_DIALOG = {"de": "^Held hinzufügen$", "fr": "^Ajouter un héros$"}


@pytest.mark.parametrize("language", ["de", "fr"])
def test_add_a_hero_in_the_desktop_s_language(
    hero_desktop: HeroDesktop, tmp_path: Path, language: str
) -> None:
    app = hero_desktop
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        app.env.pop(variable, None)
    app.env["LANG"] = f"{language}_{language.upper()}.UTF-8"
    seed(app.database, TUTORIAL_HEROES)
    app.start()
    app.wait_for_window()

    app.focus()
    app.key("ctrl+n")
    dialog = wait_until(lambda: app.find_window(ADD_DIALOG[language]), 10, "the Add Hero dialog")
    app.focus(dialog)
    app.fill_and_save("Night Owl", "Nadia Okafor", "27")
    wait_until(
        lambda: "Night Owl" in {name for name, _, _ in read_heroes(app.database).values()},
        10,
        "the new hero in the file",
    )
    wait_until(lambda: not app.find_window(ADD_DIALOG[language]), 10, "the dialog to close")

    folder = os.environ.get("HERO_DESKTOP_README_SCREENSHOTS")
    if folder:
        window = app.x.screenshot(tmp_path / "window.png", app.window)
        shutil.copyfile(window, Path(folder) / f"screenshot-{language}.png")

    app.focus()
    app.key("ctrl+q")
    assert app.wait_for_exit() == 0, app.output
