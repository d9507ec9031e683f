"""The log a user can send: it rotates, and it holds Qt's warnings and errors in threads."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from hero_desktop.__main__ import (
    LOG_BACKUPS,
    LOG_MAX_BYTES,
    capture_qt_messages,
    log,
    log_thread_exceptions,
    log_to_file,
)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "hero-desktop.log"
    handler = log_to_file(path)
    yield path
    log.removeHandler(handler)
    handler.close()


def test_the_log_rotates_and_never_holds_more_than_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "hero-desktop.log"
    handler = log_to_file(path, max_bytes=1000, backups=2)
    try:
        for number in range(200):
            log.info("committed change number %03d, with some words to fill the line", number)
    finally:
        log.removeHandler(handler)
        handler.close()

    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["hero-desktop.log", "hero-desktop.log.1", "hero-desktop.log.2"]
    assert all((tmp_path / name).stat().st_size <= 1000 for name in files)
    assert "number 199" in path.read_text(encoding="utf-8")  # the newest lines are kept


def test_the_default_log_is_bounded_to_a_few_megabytes() -> None:
    assert 1_000_000 <= LOG_MAX_BYTES <= 10_000_000
    assert 1 <= LOG_BACKUPS <= 5


def test_qt_warnings_are_written_to_the_log(log_file: Path) -> None:
    previous = capture_qt_messages()
    try:
        qWarning("QSomething::odd: a warning from Qt itself")
    finally:
        qInstallMessageHandler(previous)  # type: ignore[arg-type]

    text = log_file.read_text(encoding="utf-8")
    assert "WARNING hero_desktop.qt: QSomething::odd: a warning from Qt itself" in text


def test_an_exception_that_ends_a_thread_is_written_to_the_log(
    log_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail() -> None:
        raise RuntimeError("the background work broke")

    # Over Python's own hook (pytest's would turn the error into a test failure).
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    log_thread_exceptions()
    try:
        thread = threading.Thread(target=fail, name="hero-background")
        thread.start()
        thread.join()
    finally:
        monkeypatch.undo()

    text = log_file.read_text(encoding="utf-8")
    assert "ERROR hero_desktop: unexpected error in thread hero-background" in text
    assert "RuntimeError: the background work broke" in text
    assert "Traceback" in text
    assert "the background work broke" in capsys.readouterr().err  # stderr still says it
