"""The data layer is Qt-free: it imports, module by module, with PySide6 made unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCK_QT_AND_IMPORT_ALL = textwrap.dedent(
    """
    import importlib
    import pkgutil
    import sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
                raise ImportError(f"the data layer imported {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    import hero_desktop.data

    names = [info.name for info in pkgutil.walk_packages(
        hero_desktop.data.__path__, "hero_desktop.data.")]
    for name in names:
        importlib.import_module(name)
    loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
    assert not loaded, loaded
    print(len(names), *names)
    """
)


def test_every_data_module_imports_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_ALL],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    count, *modules = result.stdout.split()
    assert int(count) == len(modules)
    assert {
        "hero_desktop.data.models",
        "hero_desktop.data.sqlite.database",
        "hero_desktop.data.heroes",
        "hero_desktop.data.sqlite.paging",
    } <= set(modules)


def test_the_blocker_really_stops_pyside6() -> None:
    """The check above would pass vacuously if blocking did not work."""
    script = BLOCK_QT_AND_IMPORT_ALL.replace("import hero_desktop.data\n", "import PySide6\n", 1)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode != 0
    assert "the data layer imported PySide6" in result.stderr
