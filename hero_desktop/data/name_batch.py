"""Name keys in bulk: ``names.name_keys`` for many names at once.

The rules stay in ``names.py``; this module computes the same (fold, sort
key) pairs faster (a test compares them with pyuca's own keys):

* **Tables, not loops.** Each character's fold, primary, secondary and
  tertiary weights are four ``str.translate`` tables, built from the
  collation elements ``names`` caches once per machine and kept in its cache
  folder (``_read_or_build``). A name's primary level is
  its translation with one character per weight, encoded as UTF-16-BE (two
  big-endian bytes per weight, as ``names.pack_key`` writes them); its other
  levels are packed by ``names.pack_level``, memoised per level (most names
  share a few shapes: all accents common, a capital or two).
* **Exact or not at all.** A character's own weights are the answer unless
  the table has no entry for it (pyuca computes those) or it may start a
  contraction with what follows; one regular expression finds both, and such
  names go through ``names.name_keys``. Printable ASCII needs no check:
  each of its characters has an entry and one weight per level, and none
  is contracted with another, so a batch's printable ASCII names are keyed
  together: joined into one text, through ``bytes.translate`` and
  ``codecs.charmap_decode`` once, then cut name by name.
* **Each name once, each word once.** A batch keys its distinct names once.
  Other names are keyed word by word (a space is a starter that no
  contraction holds, so a name's levels are its words' joined by the
  space's), and words are remembered across batches.

``name_keyer.NameKeyer`` runs ``keys_in_process`` on every core for big batches.
A scan needs only the folds (``folds_in_process``): a batch is folded as one
text, and the few names holding more than printable ASCII again one by one.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import re
import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import hero_desktop
from hero_desktop.data import names
from hero_desktop.data.cache_folder import cache_folder

Keys = tuple[str, bytes]


class _Tables(NamedTuple):
    fold: dict[int, str]
    primary: dict[int, str]
    secondary: dict[int, str]
    tertiary: dict[int, str]
    inexact: re.Pattern[str]
    ascii: _Ascii | None
    space: _Word
    """The space's keys, or None if names cannot be keyed word by word."""


class _Ascii(NamedTuple):
    """Printable ASCII, one byte per character: its fold, its primary weight as a
    character (for ``codecs.charmap_decode``) and its tertiary weight."""

    fold: bytes
    primary: str
    tertiary: bytes


_lock = threading.Lock()
_built: list[_Tables] = []


def _ranges(codes: Sequence[int]) -> str:
    """A regular-expression character class body holding exactly ``codes``."""
    parts: list[str] = []
    ordered = sorted(codes)
    start = previous = ordered[0]
    for code in [*ordered[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(
            f"\\U{start:08x}" if start == previous else f"\\U{start:08x}-\\U{previous:08x}"
        )
        start = previous = code
    return "".join(parts)


def _ascii(tables: _Tables) -> _Ascii | None:
    """Byte tables for printable ASCII, if each such character has one weight per level
    and none starts a contraction with another (true of DUCET: only l·, L·)."""
    printable = range(0x20, 0x7F)
    fold, tertiary = bytearray(range(256)), bytearray(range(256))
    primaries = ["\0"] * 256
    for code in printable:
        folded, primary = tables.fold[code], tables.primary[code]
        entry = names._fast_entry(chr(code))
        if entry is None or not entry[4].isdisjoint(printable):
            return None
        if not (
            len(folded) == len(primary) == len(tables.tertiary[code]) == 1
            and folded.isascii()
            and ord(primary) < 0x10000  # (two bytes of UTF-16: ``_ascii_keys`` slices by that)
            and tables.secondary[code] == chr(names.SECONDARY_COMMON)
        ):
            return None
        fold[code] = ord(folded)
        primaries[code] = primary
        tertiary[code] = ord(tables.tertiary[code])
    return _Ascii(bytes(fold), "".join(primaries), bytes(tertiary))


def _build() -> _Tables:
    root = names._collator().table.root
    fold: dict[int, str] = {}
    primary: dict[int, str] = {}
    secondary: dict[int, str] = {}
    tertiary: dict[int, str] = {}
    starters: list[int] = []
    extenders: set[int] = set()
    combining: list[int] = []
    for code in root.children:
        entry = names._fast_entry(chr(code))
        if entry is None:
            continue
        folded, own_primary, own_secondary, own_tertiary, extended_by = entry
        fold[code] = folded
        primary[code] = "".join(map(chr, own_primary))
        secondary[code] = "".join(map(chr, own_secondary))
        tertiary[code] = "".join(map(chr, own_tertiary))
        if extended_by:
            starters.append(code)
            extenders |= extended_by
        if unicodedata.combining(chr(code)):
            combining.append(code)
    # A character without an entry, or a contraction's start followed (past
    # any combining marks) by a character that extends some contraction:
    # names.name_keys then decides (it also tells which start the extender
    # belongs to). A combining mark without an entry is caught by the first
    # branch, so only marks with entries need to be skipped.
    inexact = re.compile(
        f"[^{_ranges(list(fold))}]|[{_ranges(starters)}][{_ranges(combining)}]*"
        f"[{_ranges(sorted(extenders))}]"
    )
    tables = _Tables(fold, primary, secondary, tertiary, inexact, None, None)
    space = None if 0x20 in extenders or 0x20 in starters else _word(" ", tables)
    return tables._replace(ascii=_ascii(tables), space=space)


TABLES_FORMAT = "1"
"""The tables' file layout (``_saved``); a new one makes a new file."""


def _tables_file() -> Path:
    """Where this machine keeps the tables: named by everything they are made from (the
    rules' version, Unicode's, the layout, and the code that builds them, when its
    source is there to read: a change to it makes a new file)."""
    made_from = hashlib.sha256(
        f"{TABLES_FORMAT}/{names.rule_version()}/{unicodedata.unidata_version}/"
        f"{hero_desktop.__version__}".encode()
    )
    for module in (names.__file__, __file__):
        with contextlib.suppress(OSError, TypeError):
            made_from.update(Path(str(module)).read_bytes())
    return cache_folder() / "name-tables" / f"{made_from.hexdigest()[:16]}.json"


def _saved(tables: _Tables) -> dict[str, object]:
    ascii_tables = tables.ascii
    return {
        "fold": tables.fold,
        "primary": tables.primary,
        "secondary": tables.secondary,
        "tertiary": tables.tertiary,
        "inexact": tables.inexact.pattern,
        "ascii": None
        if ascii_tables is None
        else [ascii_tables.fold.hex(), ascii_tables.primary, ascii_tables.tertiary.hex()],
        "space": None
        if tables.space is None
        else [tables.space[0], tables.space[1].hex(), tables.space[2], tables.space[3]],
    }


def _loaded(data: dict[str, Any]) -> _Tables:
    def table(name: str) -> dict[int, str]:
        return {int(code): str(text) for code, text in data[name].items()}

    ascii_data, space_data = data["ascii"], data["space"]
    ascii_tables = space = None
    if ascii_data is not None:
        fold, primary, tertiary = ascii_data
        ascii_tables = _Ascii(bytes.fromhex(fold), str(primary), bytes.fromhex(tertiary))
    if space_data is not None:
        folded, packed, secondary, tertiary = space_data
        space = (str(folded), bytes.fromhex(packed), str(secondary), str(tertiary))
    return _Tables(
        table("fold"),
        table("primary"),
        table("secondary"),
        table("tertiary"),
        re.compile(str(data["inexact"])),
        ascii_tables,
        space,
    )


def _read_or_build() -> _Tables:
    """The tables from this machine's file (0.04 s), or built (0.35 s: pyuca's table is
    read, then every character's entry) and written there for the next process (a
    CSV import's worker, the next start). A file that cannot be read is made again."""
    path = _tables_file()
    try:
        return _loaded(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError, re.error):
        pass
    tables = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(_saved(tables)), encoding="utf-8")
        partial.replace(path)  # whole or not at all, whoever writes it at the same time
    except OSError:
        pass  # (a read-only home: built in each process)
    return tables


def tables_built() -> bool:
    """Whether the tables are ready in this process (``_tables`` reads or builds them once)."""
    return bool(_built)


def release() -> None:
    """Let go of the tables and the words remembered (about 45 MB), after a big job that a
    window's process will not repeat soon; a later batch reads the tables again (0.04 s).
    A batch keying meanwhile keeps the tables it holds."""
    with _lock:
        _built.clear()
    _words.clear()


def _tables() -> _Tables:
    with _lock:  # (``release`` may empty the list from another thread)
        if not _built:
            _built.append(_read_or_build())
        return _built[0]


@lru_cache(maxsize=256)
def _common_secondary(count: int) -> bytes:
    return names.pack_level([names.SECONDARY_COMMON] * count, names.SECONDARY_COMMON)


@lru_cache(maxsize=16384)
def _secondary(level: str) -> bytes:
    return names.pack_level(list(map(ord, level)), names.SECONDARY_COMMON)


@lru_cache(maxsize=16384)
def _tertiary(level: str | bytes) -> bytes:
    weights = list(level) if isinstance(level, bytes) else list(map(ord, level))
    return names.pack_level(weights, names.TERTIARY_COMMON)


def _ascii_keys(texts: list[str], tables: _Ascii) -> list[Keys]:
    """The keys of printable ASCII texts, each table applied once to them all (joined by a
    separator, then sliced: each character is one byte of the fold and tertiary
    weights and two of the primary weights)."""
    raw = "\n".join(texts).encode("ascii")
    folded = raw.translate(tables.fold).decode("ascii")
    primary = codecs.charmap_decode(raw, "strict", tables.primary)[0]
    weights = primary.encode("utf-16-be", "surrogatepass")
    tertiary = raw.translate(tables.tertiary)
    found: list[Keys] = []
    start = 0
    for text in texts:
        end = start + len(text)
        packed = (
            weights[2 * start : 2 * end],
            b"\0",
            _common_secondary(len(text)),
            b"\0",
            _tertiary(tertiary[start:end]),
        )
        found.append((folded[start:end], b"".join(packed)))
        start = end + 1
    return found


_Word = tuple[str, bytes, str, str] | None
"""A word's fold, packed primary weights, secondary and tertiary weights; None: not exact."""
_words: dict[str, _Word] = {}
WORDS_KEPT = 100_000
"""Words remembered across batches (names share first names, surnames, titles)."""


def _word(word: str, tables: _Tables) -> _Word:
    nfd = unicodedata.normalize("NFD", word)
    if tables.inexact.search(nfd):
        return None
    return (
        nfd.translate(tables.fold),
        nfd.translate(tables.primary).encode("utf-16-be", "surrogatepass"),
        nfd.translate(tables.secondary),
        nfd.translate(tables.tertiary),
    )


def _word_parts(text: str, tables: _Tables) -> list[tuple[str, bytes, str, str]] | None:
    """The keys of ``text``'s words (remembered), or None if one is not exact.

    A space is a starter that no contraction holds, so a name's NFD and
    collation elements are its words' joined by the space's.
    """
    parts = []
    for word in text.split(" ") if tables.space is not None else (text,):
        try:
            entry = _words[word]
        except KeyError:
            if len(_words) >= WORDS_KEPT:
                _words.clear()
            entry = _words[word] = _word(word, tables)
        if entry is None:
            return None
        parts.append(entry)
    return parts


def _general_fold(text: str, tables: _Tables) -> str:
    """``_general_keys``' fold alone."""
    parts = _word_parts(text, tables)
    if parts is None:
        return names.name_keys(text)[0]
    if len(parts) == 1:
        return parts[0][0]
    assert tables.space is not None
    return tables.space[0].join([part[0] for part in parts])


def _general_keys(text: str, tables: _Tables) -> Keys:
    """Keys from the words' keys (``_word_parts``)."""
    parts = _word_parts(text, tables)
    if parts is None:
        return names.name_keys(text)
    if len(parts) == 1:
        folded, primary, secondary, tertiary = parts[0]
    else:
        space = tables.space
        assert space is not None
        folds, primaries, secondaries, tertiaries = zip(*parts, strict=True)
        folded, primary = space[0].join(folds), space[1].join(primaries)
        secondary, tertiary = space[2].join(secondaries), space[3].join(tertiaries)
    packed = (primary, b"\0", _secondary(secondary), b"\0", _tertiary(tertiary))
    return folded, b"".join(packed)


def _sorted_out(texts: Sequence[str], tables: _Tables) -> tuple[list[str], list[str], list[str]]:
    """The distinct texts: (those printable ASCII as keyed, as found and cut to
    ``MAX_KEYED_CHARACTERS``; the others, as found)."""
    plain: list[str] = []
    plain_kept: list[str] = []
    others: list[str] = []
    for text in dict.fromkeys(texts):
        kept = text[: names.MAX_KEYED_CHARACTERS]
        if tables.ascii is not None and kept.isascii() and kept.isprintable():
            plain.append(text)
            plain_kept.append(kept)
        else:
            others.append(text)
    return plain, plain_kept, others


def keys_in_process(texts: Sequence[str]) -> list[Keys]:
    """``names.name_keys`` of each text, computed here (what a worker runs)."""
    tables = _tables()
    plain, plain_kept, others = _sorted_out(texts, tables)
    found: dict[str, Keys] = {
        text: _general_keys(text[: names.MAX_KEYED_CHARACTERS], tables) for text in others
    }
    if plain:
        assert tables.ascii is not None
        found.update(zip(plain, _ascii_keys(plain_kept, tables.ascii), strict=True))
    return [found[text] for text in texts]


_NOT_PLAIN = re.compile(r"[^\x20-\x7e\n]")
"""A character other than printable ASCII or ``folds_in_process``' separator."""


def folds_in_process(texts: Sequence[str]) -> list[str]:
    """``names.fold`` of each text, computed here: what a scan needs to match names.

    The texts are folded as one, joined by a separator: printable ASCII
    through the byte table (anything else turned into "?"), then split. The
    texts holding anything else (a few in a batch: an accent, another
    script) are folded again one by one. A batch with a text holding the
    separator, or longer than ``MAX_KEYED_CHARACTERS``, is folded one by one.
    """
    tables = _tables()
    ascii_tables = tables.ascii
    joined = "\n".join(texts)
    if (
        ascii_tables is None
        or joined.count("\n") != len(texts) - 1  # (a text holds the separator)
        or max(map(len, texts), default=0) > names.MAX_KEYED_CHARACTERS
    ):
        return [_general_fold(text[: names.MAX_KEYED_CHARACTERS], tables) for text in texts]
    raw = joined.encode("ascii", "replace")
    folds = raw.translate(ascii_tables.fold).decode("ascii").split("\n")
    others: dict[str, str] = {}  # (a batch's repeated names are folded once)
    index = counted = 0  # ``index`` separators stand before ``counted``
    while (found := _NOT_PLAIN.search(joined, counted)) is not None:
        index += joined.count("\n", counted, found.start())
        text = texts[index]
        try:
            folds[index] = others[text]
        except KeyError:
            folds[index] = others[text] = _general_fold(text, tables)
        counted = joined.find("\n", found.start()) + 1  # the next text
        if not counted:
            break  # (the last text)
        index += 1
    return folds


def name_text(value: object) -> str:
    """What a stored name value is keyed as (another program may store a number or NULL)."""
    return value if isinstance(value, str) else str(value or "")
