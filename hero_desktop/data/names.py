"""Names as people read them: the one matching rule and the one ordering rule.

Both rules come from the Unicode Collation Algorithm (UCA) with its default
table (DUCET), as implemented by the pure-Python library ``pyuca``:

* **Matching**: a name matches a search text when the text occurs in the name
  at the UCA *primary* level, i.e. with case and accents set aside, in every
  script: "zoe" finds Zoë and ZOË, "muller" Müller, "strasse" Straße, "lukasz"
  Łukasz, "oystein" Øystein, "Δημ" δημήτρης. Plain NFKD plus casefold is not
  enough: it leaves Ł, Ø, Æ, Đ and ß alone, which DUCET makes primary-equal
  to l, o, ae, d and ss. ``fold`` encodes the primary weights of a text as a
  string (one character per weight), so containment is plain substring
  search, which SQL (``instr``) and an FTS5 trigram index can do.
* **Ordering**: names sort by the full UCA sort key (primary, then
  secondary, then tertiary weights: "adam" before "Zed", Łukasz between Lucy
  and Luke, Latin before Greek), with the hero id as the tiebreaker.
  ``sort_key`` packs the key into bytes (``pack_key``) so that comparing the
  bytes (SQLite's BLOB order, memcmp) is the same as comparing the tuples.

Why pyuca and not PyICU: ICU's collation is the reference, but PyICU's wheels
carry their own ICU (about 40 MB) beside the one inside Qt, which would break
the standalone bundle's size budget. pyuca is small, pure Python and passes
the UCA conformance tests for its table.

Speed: pyuca's ``sort_key`` costs about 25 µs per name. Most characters map
to a fixed list of collation elements (no contraction starts with them), so
``name_keys`` caches those per character and only hands names with the other
characters to pyuca (a test checks both paths agree). The table (allkeys.txt)
is loaded once, on first use, not when the module is imported.

``rule_version()`` names the table and the encoding (pyuca's UCA version and
``FOLD_VERSION``): a file whose stored name structures were computed under
another version is rebuilt.

Why one file of this length: both rules, their fast path and the packing of
sort keys share one cache of collation elements; a test compares the fast
path with pyuca's own keys, which needs them side by side.
"""

from __future__ import annotations

import struct
import threading
import unicodedata
from functools import lru_cache
from typing import Any

FOLD_VERSION = 2
"""Changes whenever fold() or the packing of sort keys changes (the file is then rebuilt)."""
_lock = threading.Lock()
_state: dict[str, Any] = {}


def _collator() -> Any:
    """The pyuca Collator, loaded once (it parses allkeys.txt, about 0.1-0.3 s)."""
    found = _state.get("collator")
    if found is None:
        with _lock:
            found = _state.get("collator")
            if found is None:
                import pyuca  # type: ignore[import-untyped]  # on first use

                found = pyuca.Collator()
                _state["collator"] = found
    return found


def warm_up() -> None:
    """Load the collation table in a background thread (the first search then needs no wait)."""
    if "collator" not in _state:
        threading.Thread(target=_collator, name="hero-collator", daemon=True).start()


def uca_version() -> str:
    """The UCA table version pyuca's default collator uses (e.g. 10.0.0)."""
    from pyuca.collator import Collator  # type: ignore[import-untyped]

    return str(Collator.UCA_VERSION)


def rule_version() -> str:
    """A string that changes whenever either rule could give another answer."""
    return f"pyuca-uca-{uca_version()}/fold-{FOLD_VERSION}"


def _fold_codes() -> dict[int, str]:
    """Primary weight -> its character in a fold.

    Any one-to-one map would do (only equality matters); this one gives each
    printable ASCII character's weight that character, lower-cased, so an
    ASCII name folds to one byte per letter ("Zoë" -> "zoe") and the file's
    folds and trigram index stay small. Other weights (513..0xFFFF) move
    above ASCII, skipping the surrogate block no str may hold.
    """
    codes = _state.get("codes")
    if codes is None:
        codes = {}
        for code in range(0x20, 0x7F):
            char = chr(code)
            key = _key_tuple(char.lower())
            if key.index(0) == 1:
                codes.setdefault(key[0], char.lower())
        _state["codes"] = codes
    return codes


def _weight_char(weight: int, codes: dict[int, str]) -> str:
    found = codes.get(weight)
    if found is not None:
        return found
    code = 0x80 + weight
    return chr(code if code < 0xD800 else code + 0x800)


_Char = tuple[tuple[tuple[int, ...], ...] | None, frozenset[int]]


def _char_entry(char: str) -> _Char:
    """(collation elements of ``char`` alone or None, code points that extend it)."""
    cache: dict[str, _Char] = _state.setdefault("chars", {})
    try:
        return cache[char]
    except KeyError:
        pass
    node = _collator().table.root.children.get(ord(char))
    found: _Char = (None, frozenset())
    if node is not None and node.value:
        found = (
            tuple(tuple(element) for element in node.value),
            frozenset(node.children or ()),
        )
    cache[char] = found
    return found


def _key_tuple(text: str) -> tuple[int, ...]:
    """pyuca's sort key of ``text``, computed per character when that is exact.

    A character's own collation elements are used unless the table has a
    contraction of it with what follows (the next character, or a combining
    mark after it); then, and for characters without table entries, pyuca
    computes the whole key.
    """
    normalized = unicodedata.normalize("NFD", text)
    elements: list[tuple[int, ...]] = []
    size = len(normalized)
    for position, char in enumerate(normalized):
        own, extended_by = _char_entry(char)
        if own is None:
            return reference_sort_key(text)
        if extended_by:
            following = position + 1
            while following < size:
                if ord(normalized[following]) in extended_by:
                    return reference_sort_key(text)
                if not unicodedata.combining(normalized[following]):
                    break
                following += 1
        elements.extend(own)
    key: list[int] = []
    for level in range(4):
        if level:
            key.append(0)
        for element in elements:
            if len(element) > level and element[level]:
                key.append(element[level])
    return tuple(key)


_Fast = tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...], frozenset[int]] | None


def _fast_entry(char: str) -> _Fast:
    """(fold, primary, secondary, tertiary weights, extenders) of ``char``, or None."""
    cache: dict[str, _Fast] = _state.setdefault("fast", {})
    if char in cache:
        return cache[char]
    own, extended_by = _char_entry(char)
    found: _Fast = None
    if own is not None:
        codes = _fold_codes()
        primary = tuple(element[0] for element in own if element[0])
        found = (
            "".join(_weight_char(weight, codes) for weight in primary),
            primary,
            tuple(element[1] for element in own if len(element) > 1 and element[1]),
            tuple(element[2] for element in own if len(element) > 2 and element[2]),
            extended_by,
        )
    cache[char] = found
    return found


def _split(key: tuple[int, ...]) -> list[list[int]]:
    levels: list[list[int]] = [[]]
    for weight in key:
        if weight:
            levels[-1].append(weight)
        else:
            levels.append([])
    return [*levels, [], [], []][:3]


MAX_KEYED_CHARACTERS = 100_000
"""Longer texts (only another program could store one) are keyed by their start."""


@lru_cache(maxsize=65536)
def name_keys(text: str) -> tuple[str, bytes]:
    """(fold, sort_key) of a name, in one pass (memoised: rosters repeat names).

    The same as ``_key_tuple`` level by level (a test checks), per character.
    """
    text = text[:MAX_KEYED_CHARACTERS]
    normalized = unicodedata.normalize("NFD", text)
    fast: dict[str, _Fast] = _state.get("fast") or {}
    folds: list[str] = []
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    size = len(normalized)
    for position, char in enumerate(normalized):
        entry = fast[char] if char in fast else _fast_entry(char)
        if entry is None:
            return _from_key(reference_sort_key(text))
        folded, own_primary, own_secondary, own_tertiary, extended_by = entry
        if extended_by:
            following = position + 1
            while following < size:
                if ord(normalized[following]) in extended_by:
                    return _from_key(reference_sort_key(text))
                if not unicodedata.combining(normalized[following]):
                    break
                following += 1
        folds.append(folded)
        primary += own_primary
        secondary += own_secondary
        tertiary += own_tertiary
    return "".join(folds), _pack(primary, secondary, tertiary)


def _from_key(key: tuple[int, ...]) -> tuple[str, bytes]:
    primary, secondary, tertiary = _split(key)
    codes = _fold_codes()
    folded = "".join(_weight_char(weight, codes) for weight in primary)
    return folded, _pack(primary, secondary, tertiary)


SECONDARY_COMMON = 0x20
TERTIARY_COMMON = 0x02
"""The smallest (and by far the most frequent) weight of each level: no accent, lower case."""


def _pack(primary: list[int], secondary: list[int], tertiary: list[int]) -> bytes:
    return b"".join(
        (
            struct.pack(f">{len(primary)}H", *primary),
            b"\0",
            pack_level(secondary, SECONDARY_COMMON),
            b"\0",
            pack_level(tertiary, TERTIARY_COMMON),
        )
    )


SHORT_RUN = 0x3E
"""Runs of commons up to this long take one byte; longer ones four."""


def pack_level(weights: list[int], common: int) -> bytes:
    """One secondary or tertiary level as bytes in the same order, runs of ``common`` shrunk.

    Almost every weight of these levels is ``common``, the level's smallest
    weight, so each run of k commons becomes a code: an *ending* code when
    the level ends after the run, a *higher* code when a larger weight
    follows (then that weight less ``common``, as one byte). A level that
    ends sooner sorts first and a larger weight sorts last, so ending codes
    grow with k, higher codes shrink with k, and every ending code is below
    every higher code:

    * ending: ``0x01 + k`` (k <= 62), else ``0x40`` and k in three bytes;
    * higher: ``0xFF - k`` (k <= 62), else ``0xC0`` and 0xFFFFFF - k.

    Runs stay below 0x7FFFFF (``MAX_KEYED_CHARACTERS`` keeps them so).
    """
    out = bytearray()
    run = 0
    for weight in weights:
        if weight == common:
            run += 1
            continue
        if run <= SHORT_RUN:
            out.append(0xFF - run)
        else:
            out.append(0xC0)
            out += (0xFFFFFF - run).to_bytes(3, "big")
        out.append(weight - common)
        run = 0
    if run <= SHORT_RUN:
        out.append(0x01 + run)
    else:
        out.append(0x40)
        out += run.to_bytes(3, "big")
    return bytes(out)


def pack_key(key: tuple[int, ...]) -> bytes:
    """A UCA key (levels split by 0) as bytes that sort the same way, compactly.

    Primary weights (513..0xFFFF) take two bytes each; the secondary and
    tertiary levels are packed by ``pack_level``; each level ends with one 0
    byte, which sorts below any primary's first byte; the fourth, always
    empty level is left out.
    """
    primary, secondary, tertiary = _split(key)
    return _pack(primary, secondary, tertiary)


def fold(text: str) -> str:
    """``text`` with case and accents set aside: its UCA primary weights, one character each."""
    return name_keys(text)[0]


def sort_key(text: str) -> bytes:
    """The UCA sort key of ``text`` as bytes whose order is the names' order."""
    return name_keys(text)[1]


def reference_sort_key(text: str) -> tuple[int, ...]:
    """pyuca's own sort key, for checking the fast path."""
    return tuple(_collator().sort_key(text))


def matches(name: object, needle: object) -> bool:
    """The search rule: ``needle`` occurs in ``name`` with case and accents set aside."""
    if not isinstance(name, str) or not isinstance(needle, str):
        return False
    return fold(needle) in fold(name)
