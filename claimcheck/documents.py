"""Loading articles from files, directories, JSON, JSONL and stdin.

:func:`load_documents` streams one :data:`LoadResult` per document: either a
:class:`~claimcheck.model.Document` or a :class:`LoadFailure` naming the
input (and line) and saying in one line what is wrong. One bad input never
stops the others, and no input is dropped silently.

Formats
-------
``.txt`` / ``.md``
    Plain text, optionally starting with front matter between two ``---``
    lines: ``key: value`` lines with the keys ``published`` (ISO date),
    ``source``, ``url``, ``title`` and ``id``; values may be quoted; blank
    lines and ``# comments`` are allowed; empty values, ``null`` and ``~``
    mean "not given"; other keys are ignored. Malformed
    front matter is an error naming the file and line. ``Document.text`` is
    the text after the front matter, so offsets are into the body.
``.json``
    An object or a list of objects with ``text`` (required) and optionally
    ``id``, ``published``, ``source``, ``url``, ``title``; other keys are
    ignored. A bad object in a list fails alone.
``.jsonl``
    One such object per line; a malformed line is reported with its line
    number and the other lines are kept. Blank lines are skipped.
directories
    Searched recursively in sorted order for ``.txt``, ``.md``, ``.json``
    and ``.jsonl`` files; hidden files and directories (``.name``) are
    skipped, and so are JSON sidecars of an article (``name.*.json`` beside
    ``name.md`` or ``name.txt``: expected results, annotations; see
    :func:`is_sidecar`). A directory without any document is an error.
``-``
    Standard input, read as plain text (no front matter).
other files
    Read as plain text (no front matter).

Document ids
------------
The ``id`` from front matter or JSON; otherwise the file's path relative to
the directory argument it was found under, or the path as given for a file
argument (POSIX separators); ``path[i]`` for the i-th object of a JSON list
and ``path:line`` for a JSONL line; ``stdin`` for ``-``. When an id repeats,
the later document falls back to its full path; an input given twice fails.

Publication dates
-----------------
From front matter / JSON ``published`` (``published_from="front_matter"``),
else the ``published`` argument (``"option"``), else a full date the text
itself states at its beginning (``"text"``, see :func:`date_from_text`),
else ``None``. Dates are never guessed.

Encodings and limits
--------------------
Files must be UTF-8; a UTF-8 byte-order mark is removed, and text with a
UTF-16 byte-order mark is decoded as UTF-16. Invalid UTF-8 is an error (no
lossy fallback: offsets would no longer match the file). Files with NUL
bytes are rejected as binary; empty (or blank) documents and files above
``max_bytes`` (10 MB by default) are errors.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import functools
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from claimcheck.errors import DocumentError
from claimcheck.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "KNOWN_SUFFIXES",
    "LoadFailure",
    "LoadResult",
    "date_from_text",
    "documents_from_bytes",
    "is_sidecar",
    "load_documents",
    "make_document",
    "parse_date",
    "parse_size",
    "sniff_binary",
]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Largest input file (or stdin) accepted, in bytes."""

KNOWN_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
"""File name endings collected from directories."""

FRONT_MATTER_KEYS = ("id", "published", "source", "url", "title")

TEXT_DATE_WINDOW = 400
"""How many leading characters :func:`date_from_text` looks at."""


@attrs.frozen(slots=True)
class LoadFailure:
    """An input (or one document inside it) that was not loaded, and why.

    ``skipped`` tells the two outcomes apart: a *skipped* input is not a
    document claimcheck reads (binary, empty, not UTF-8, above the size
    limit, not a document type); a *failed* one was meant to be a document
    but is broken (malformed front matter or JSON, a missing path, ...).
    Both are reported; only failures make the run exit 2 (skips too with
    ``--strict``).
    """

    path: str
    reason: str
    line: int | None = None
    skipped: bool = False

    @property
    def status(self) -> str:
        """``"skipped"`` or ``"failed"``."""
        return "skipped" if self.skipped else "failed"

    @property
    def message(self) -> str:
        """``path:line: reason``, one line."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


LoadResult = Document | LoadFailure
"""What :func:`load_documents` yields for each document."""


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{g}>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
_DMY = r"(?P<dd>\d{1,2})\s+" + _MONTH.format(g="dm") + r",?\s+(?P<dy>\d{4})"
_MDY = _MONTH.format(g="mm") + r"\s+(?P<md>\d{1,2}),?\s+(?P<my>\d{4})"
_FULL_DATE = rf"(?:{_ISO}|{_DMY}|{_MDY})"
_TIME = (
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|UTC|GMT|[A-Z]{3,4}))?)?"
)
_WEEKDAY = r"(?i:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"


@functools.cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    """The three date shapes of :func:`date_from_text`, compiled on first use."""
    # A labelled date at the start of a line: "date 2023-11-08", "Published: 8 Nov 2023".
    labelled = re.compile(
        rf"^[ \t]*(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?)"
        rf"[ \t]*:?[ \t]*{_WEEKDAY}{_FULL_DATE}\b",
        re.IGNORECASE | re.MULTILINE,
    )
    # A line holding nothing but a date (and maybe a weekday and time).
    date_line = re.compile(
        rf"^[ \t]*{_WEEKDAY}{_FULL_DATE}{_TIME}[ \t]*\r?$", re.IGNORECASE | re.MULTILINE
    )
    # A dateline: "MOSCOW, November 8, 2023 /TASS/." (capitalised place, comma, full date).
    dateline = re.compile(
        rf"^[ \t]*[A-Z][A-Z .'-]{{1,40}},[ \t]*{_WEEKDAY}{_FULL_DATE}\b", re.MULTILINE
    )
    return labelled, date_line, dateline


def _match_date(match: re.Match[str]) -> _dt.date | None:
    groups = match.groupdict()
    try:
        if groups.get("iy"):
            return _dt.date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
        if groups.get("dy"):
            month = _MONTHS[groups["dm"].lower()]
            return _dt.date(int(groups["dy"]), month, int(groups["dd"]))
        month = _MONTHS[groups["mm"].lower()]
        return _dt.date(int(groups["my"]), month, int(groups["md"]))
    except ValueError:
        return None


def date_from_text(text: str) -> _dt.date | None:
    """Return the publication date an article states at its very beginning.

    Only the first :data:`TEXT_DATE_WINDOW` characters are read, and only
    three unambiguous shapes count, each at the start of a line:

    * a labelled date: ``date 2023-11-08``, ``Published: 8 November 2023``,
      ``Updated on Nov 8, 2023`` (labels: date, dated, published, posted,
      updated);
    * a line that is only a date: ``Wednesday, 8 November 2023 14:05``;
    * a dateline: ``MOSCOW, November 8, 2023 /TASS/.``

    Dates must be full (day, month and year: ISO ``YYYY-MM-DD``, ``8 November
    2023`` or ``November 8, 2023``; month names may be abbreviated). A
    dateline without a year ("MOSCOW, February 4") or a date inside a
    sentence does not count. When the window holds two different such
    dates, the result is ``None``: the date is never guessed.
    """
    head = text[:TEXT_DATE_WINDOW]
    # Every pattern opens with ``^`` (multi-line): trying them only at line starts finds
    # what ``finditer`` finds, without the regex engine trying (and rejecting) ``^`` at
    # every other position of the window.
    starts = [0]
    at = head.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = head.find("\n", at + 1)
    found: set[_dt.date] = set()
    for pattern in _date_patterns():
        taken = 0  # ``finditer`` goes on from the end of the last match (never empty)
        for start in starts:
            if start < taken:
                continue
            match = pattern.match(head, start)
            if match is None:
                continue
            taken = match.end()
            date = _match_date(match)
            if date is not None:
                found.add(date)
    return found.pop() if len(found) == 1 else None


_ISO_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_date(value: str) -> _dt.date:
    """Parse an ISO date ``YYYY-MM-DD``; raise :class:`ValueError` otherwise.

    An ISO date-time (``2023-11-08T14:05:00+03:00``) gives its date as
    written (no time-zone conversion).
    """
    value = value.strip()
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD")
    try:
        return _dt.date.fromisoformat(match[1])
    except ValueError as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from None


def make_document(
    text: str,
    *,
    id: str = "text",
    published: _dt.date | None = None,
    path: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Document:
    """Build a :class:`Document` from raw text with the publication-date rule.

    ``published`` wins (``published_from="option"``); otherwise a date the
    text states at its beginning (:func:`date_from_text`, ``"text"``);
    otherwise ``None``.
    """
    published_from: str | None = None
    if published is not None:
        published_from = "option"
    else:
        published = date_from_text(text)
        if published is not None:
            published_from = "text"
    return Document(
        id=id,
        text=text,
        path=path,
        published=published,
        published_from=published_from,
        source=source,
        url=url,
        title=title,
    )


# --------------------------------------------------------------------------- bytes


_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (0, b"PK\x05\x06", "ZIP archive (empty)"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"BZh", "bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"(\xb5/\xfd", "zstd archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (257, b"ustar", "tar archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Word or Excel)"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"\x7fELF", "ELF executable"),
)
"""Magic numbers of the binary files most often found among articles."""


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` is (``"PDF document"``), or ``None`` for text.

    Known formats are recognised by their magic number (PDF, images,
    archives, Office documents, databases, executables); anything else with a
    NUL byte is binary too (UTF-16 or UTF-32 text without a byte-order mark
    is named as such, since it cannot be told from binary reliably).
    """
    if data.startswith(_BOMS):
        return None
    for offset, magic, kind in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return kind
    if data[4:8] == b"WEBP" and data.startswith(b"RIFF"):
        return "WebP image"
    nul = data.find(b"\x00")
    if nul < 0:
        return None
    head = data[:512]
    odd, even = head[1::2], head[::2]
    if len(head) >= 4 and (odd.count(0) == len(odd) or even.count(0) == len(even)):
        return f"binary data (NUL byte at offset {nul}; UTF-16 text needs a byte-order mark)"
    return f"binary data (NUL byte at offset {nul})"


_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOMS = tuple(bom for bom, _ in _BOM_CODECS)


def _decode(data: bytes, path: str) -> str:
    """Decode file bytes to text, or raise :class:`DocumentError` (a skip).

    UTF-8, with or without a byte-order mark (removed); UTF-16 and UTF-32
    with a byte-order mark. Binary files and invalid UTF-8 are skipped: no
    lossy fallback, which would silently change figures.
    """
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path, f"not valid {codec.upper()} (byte offset {exc.start})", skipped=True
                ) from None
    kind = sniff_binary(data)
    if kind is not None:
        raise DocumentError(path, f"not a text document: {kind}", skipped=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DocumentError(
            path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert the file to UTF-8",
            line,
            skipped=True,
        ) from None
    return text.removeprefix("\ufeff")


def _read_limited(stream: BinaryIO, path: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentError(path, f"larger than the {_size(max_bytes)} size limit", skipped=True)
    return data


_SIZE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kmg]i?b?|b|bytes?)?", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """``"10 MB"`` -> 10485760: a size in bytes, or with ``KB``, ``MB``, ``GB`` (powers of 1024).

    Raises :class:`ValueError` with a readable reason for anything else or a
    size below one byte.
    """
    match = _SIZE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"invalid size {value!r}: expected bytes, or a number with KB, MB or GB")
    unit = (match["unit"] or "").lower()
    factor = _SIZE_UNITS.get(unit, _SIZE_UNITS.get(unit[:1], 1))
    size = int(float(match["number"]) * factor)
    if size < 1:
        raise ValueError(f"invalid size {value!r}: must be at least 1 byte")
    return size


def _size(n: int) -> str:
    if n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    if n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def _read_file(file: Path, path: str, max_bytes: int) -> bytes:
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                path,
                f"larger than the {_size(max_bytes)} size limit ({size} bytes; see --max-size)",
                skipped=True,
            )
        with file.open("rb") as stream:
            data = _read_limited(stream, path, max_bytes)
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from None
    return data


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _require_text(text: str, path: str, line: int | None = None) -> None:
    if not text.strip():
        raise DocumentError(path, "empty document (no text)", line, skipped=True)


def _failure(exc: DocumentError) -> LoadFailure:
    return LoadFailure(exc.path, exc.reason, exc.line, skipped=exc.skipped)


# --------------------------------------------------------------------------- front matter

_FRONT_MATTER_LINE = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?")


def _split_front_matter(text: str, path: str) -> tuple[dict[str, tuple[str, int]], str]:
    """Return the front matter fields (value, line) and the body after it."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return {}, text
    closing = next(
        (n for n in range(1, len(lines)) if lines[n].rstrip("\r\n").strip() == "---"), None
    )
    if closing is None:
        raise DocumentError(path, "front matter opened with '---' is never closed", 1)
    fields: dict[str, tuple[str, int]] = {}
    for number, raw in enumerate(lines[1:closing], start=2):
        line = raw.rstrip("\r\n").strip()
        if not line or line.startswith("#"):
            continue
        match = _FRONT_MATTER_LINE.fullmatch(line)
        if match is None:
            raise DocumentError(
                path, f"malformed front matter line {line[:40]!r}: expected 'key: value'", number
            )
        key = match["key"].lower()
        if key in fields:
            raise DocumentError(path, f"front matter key {key!r} given twice", number)
        fields[key] = (_unquote(match["value"] or "", path, number), number)
    return fields, "".join(lines[closing + 1 :])


def _none_if_null(value: str) -> str | None:
    """Empty values and YAML's ``null`` / ``~`` mean "not given"."""
    return None if value in ("", "null", "~") else value


def _unquote(value: str, path: str, line: int) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    if value[:1] in ("'", '"'):
        raise DocumentError(path, "unterminated quoted value in front matter", line)
    return value


def _text_document(
    text: str, *, path: str, default_id: str, published: _dt.date | None, front_matter: bool
) -> Document:
    meta: dict[str, tuple[str, int]] = {}
    body = text
    if front_matter:
        meta, body = _split_front_matter(text, path)
    _require_text(body, path)
    values: dict[str, str | None] = {
        key: _none_if_null(meta[key][0]) if key in meta else None for key in FRONT_MATTER_KEYS
    }
    date: _dt.date | None = None
    if values["published"] is not None:
        try:
            date = parse_date(values["published"])
        except ValueError as exc:
            raise DocumentError(
                path, f"front matter 'published': {exc}", meta["published"][1]
            ) from None
    return _dated_document(
        body,
        id=values["id"] or default_id,
        own_date=date,
        published=published,
        path=path,
        source=values["source"],
        url=values["url"],
        title=values["title"],
    )


def _dated_document(
    text: str,
    *,
    id: str,
    own_date: _dt.date | None,
    published: _dt.date | None,
    path: str,
    source: str | None,
    url: str | None,
    title: str | None,
) -> Document:
    """:func:`make_document`, except that the document's own date (front matter, JSON
    ``published``) wins, with ``published_from="front_matter"``."""
    if own_date is None:
        return make_document(
            text, id=id, published=published, path=path, source=source, url=url, title=title
        )
    return Document(
        id=id,
        text=text,
        path=path,
        published=own_date,
        published_from="front_matter",
        source=source,
        url=url,
        title=title,
    )


# --------------------------------------------------------------------------- JSON

_TOO_DEEP = "invalid JSON: nested too deeply"


def _require_unicode(value: str, key: str, path: str, line: int | None) -> None:
    """A JSON string with an unpaired surrogate escape (``\\ud800``) is not text."""
    if value.isascii():  # the common case, without encoding a copy
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DocumentError(
            path,
            f"{key!r} holds an unpaired surrogate (\\u{ord(value[exc.start]):04x} at "
            f"character {exc.start}): not valid Unicode",
            line,
        ) from None


def _json_field(obj: dict[str, Any], key: str, path: str, line: int | None) -> str | None:
    """``obj[key]`` as an optional string (``""`` is ``None``; an int ``id`` is its text)."""
    value = obj.get(key)
    if value is None:
        return None
    if type(value) is not str:
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        elif not isinstance(value, str):
            raise DocumentError(path, f"{key!r} must be a string, got {type(value).__name__}", line)
    if not value:
        return None
    if not value.isascii():
        _require_unicode(value, key, path, line)
    return value


def _json_document(
    obj: Any, *, path: str, default_id: str, published: _dt.date | None, line: int | None
) -> Document:
    # once per JSON(L) document: the common case (str fields, ASCII) without extra calls
    if not isinstance(obj, dict):
        raise DocumentError(path, f"expected a JSON object, got {type(obj).__name__}", line)
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        raise DocumentError(path, f"'text' is {what}", line)
    if not text.isascii():
        _require_unicode(text, "text", path, line)
    if not text or text.isspace():  # as _require_text, without copying the text
        raise DocumentError(path, "empty document (no text)", line, skipped=True)
    document_id = _json_field(obj, "id", path, line)
    published_text = _json_field(obj, "published", path, line)
    source = _json_field(obj, "source", path, line)
    url = _json_field(obj, "url", path, line)
    title = _json_field(obj, "title", path, line)
    if published_text is not None:
        try:
            date = parse_date(published_text)
        except ValueError as exc:
            raise DocumentError(path, f"'published': {exc}", line) from None
        return Document(
            document_id or default_id, text, path, date, "front_matter", source, url, title
        )
    return make_document(
        text,
        id=document_id or default_id,
        published=published,
        path=path,
        source=source,
        url=url,
        title=title,
    )


def _load_json(
    text: str, *, path: str, rel: str, published: _dt.date | None
) -> Iterator[LoadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield LoadFailure(path, f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno)
        return
    except RecursionError:
        yield LoadFailure(path, _TOO_DEEP)
        return
    if isinstance(data, list):
        if not data:
            yield LoadFailure(path, "empty JSON list (no documents)")
        for index, obj in enumerate(data):
            try:
                yield _json_document(
                    obj,
                    path=f"{path}[{index}]",
                    default_id=f"{rel}[{index}]",
                    published=published,
                    line=None,
                )
            except DocumentError as exc:
                yield _failure(exc)
        return
    try:
        yield _json_document(data, path=path, default_id=rel, published=published, line=None)
    except DocumentError as exc:
        yield _failure(exc)


def _load_jsonl(
    text: str, *, path: str, rel: str, published: _dt.date | None
) -> Iterator[LoadResult]:
    seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LoadFailure(path, f"invalid JSON: {exc.msg} (column {exc.colno})", number)
            continue
        except RecursionError:
            yield LoadFailure(path, _TOO_DEEP, number)
            continue
        try:
            yield _json_document(
                obj, path=path, default_id=f"{rel}:{number}", published=published, line=number
            )
        except DocumentError as exc:
            yield _failure(exc)
    if not seen:
        yield LoadFailure(path, "empty JSONL file (no documents)")


# --------------------------------------------------------------------------- files


def documents_from_bytes(
    data: bytes,
    *,
    path: str,
    suffix: str = ".txt",
    rel: str | None = None,
    published: _dt.date | None = None,
) -> Iterator[LoadResult]:
    """The documents of one file's bytes, read as a file ending in ``suffix``.

    What :func:`load_documents` does with each file once read: decode,
    then parse as JSON (``.json``), JSON lines (``.jsonl``), text with front
    matter (``.txt``, ``.md``) or plain text (anything else). ``path`` names
    the input in failures and ``rel`` gives the default document id (``path``
    when omitted). Never raises on any input: problems are failures or skips.
    """
    rel = path if rel is None else rel
    try:
        text = _decode(data, path)
    except DocumentError as exc:
        yield _failure(exc)
        return
    suffix = suffix.lower()
    if suffix == ".json":
        yield from _load_json(text, path=path, rel=rel, published=published)
    elif suffix == ".jsonl":
        yield from _load_jsonl(text, path=path, rel=rel, published=published)
    else:
        try:
            yield _text_document(
                text,
                path=path,
                default_id=rel,
                published=published,
                front_matter=suffix in (".txt", ".md"),
            )
        except DocumentError as exc:
            yield _failure(exc)


def _load_file(
    file: Path, *, path: str, rel: str, published: _dt.date | None, max_bytes: int
) -> Iterator[LoadResult]:
    try:
        data = _read_file(file, path, max_bytes)
    except DocumentError as exc:
        yield _failure(exc)
        return
    yield from documents_from_bytes(
        data, path=path, suffix=file.suffix, rel=rel, published=published
    )


def is_sidecar(file: Path) -> bool:
    """Whether ``file`` is a JSON sidecar of an article beside it.

    ``name.<anything>.json`` next to ``name.md`` or ``name.txt`` (expected
    results, annotations) describes that article and is not a document.
    """
    if file.suffix.lower() != ".json" or "." not in file.stem:
        return False
    stem = file.name.split(".", 1)[0]
    return any((file.parent / f"{stem}{suffix}").is_file() for suffix in (".md", ".txt"))


def _walk(directory: Path) -> list[tuple[Path, bool]]:
    """The files under ``directory`` in sorted order, each with whether it is a document.

    Hidden files and directories and sidecars are left out (see the module
    documentation); every other file is listed, so that none goes unreported.
    """
    found: list[tuple[Path, bool]] = []
    for candidate in directory.rglob("*"):
        parts = candidate.relative_to(directory).parts
        if any(part.startswith(".") for part in parts) or candidate.is_dir():
            continue
        if candidate.suffix.lower() not in KNOWN_SUFFIXES or not candidate.is_file():
            found.append((candidate, False))
        elif not is_sidecar(candidate):
            found.append((candidate, True))
    return sorted(found, key=lambda item: item[0].relative_to(directory).as_posix())


def _not_a_document(file: Path) -> LoadFailure:
    """The skip of a file found in a directory that is not a document type."""
    path = file.as_posix()
    if not file.is_file():
        reason = "not a regular file (a broken symbolic link, a FIFO, a socket or a device)"
        return LoadFailure(path, reason, skipped=True)
    try:
        with file.open("rb") as stream:
            head = stream.read(1024)
    except OSError as exc:
        return LoadFailure(path, _os_reason(exc), skipped=True)
    kind = sniff_binary(head)
    if kind is not None:
        return LoadFailure(path, f"not a text document: {kind}", skipped=True)
    ending = f"{file.suffix!r}" if file.suffix else "no file name extension"
    return LoadFailure(
        path,
        f"not a document file type ({ending}; documents end in {', '.join(KNOWN_SUFFIXES)})",
        skipped=True,
    )


def _load_stdin(published: _dt.date | None, max_bytes: int) -> Iterator[LoadResult]:
    try:
        data = _read_limited(sys.stdin.buffer, "-", max_bytes)
        text = _decode(data, "-")
        _require_text(text, "-")
    except DocumentError as exc:
        yield _failure(exc)
        return
    yield make_document(text, id="stdin", published=published, path="-")


def _load_argument(
    argument: str, published: _dt.date | None, max_bytes: int, loaded: set[Path]
) -> Iterator[LoadResult]:
    if argument == "-":
        yield from _load_stdin(published, max_bytes)
        return
    root = Path(argument)
    if root.is_dir():
        files = _walk(root)
    elif root.exists():
        files = [(root, True)]
    else:
        yield LoadFailure(argument, "no such file or directory")
        return
    for file, is_document in files:
        if not is_document:
            yield _not_a_document(file)
            continue
        path = file.as_posix()
        resolved = file.resolve()
        if resolved in loaded:
            yield LoadFailure(path, "given more than once (already loaded)")
            continue
        loaded.add(resolved)
        rel = file.relative_to(root).as_posix() if file != root else path
        yield from _load_file(file, path=path, rel=rel, published=published, max_bytes=max_bytes)
    if not any(is_document for _, is_document in files):
        yield LoadFailure(argument, f"no documents found (looked for {', '.join(KNOWN_SUFFIXES)})")


def load_documents(
    paths: Sequence[str],
    *,
    published: _dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[LoadResult]:
    """Load every document named by ``paths``, streaming, in argument order.

    Yields a :class:`Document` or a :class:`LoadFailure` for each document
    (see the module documentation for formats, ids and dates). ``published``
    is the fallback publication date for documents without their own.
    """
    ids: set[str] = set()
    loaded: set[Path] = set()
    for argument in paths:
        for loaded_result in _load_argument(argument, published, max_bytes, loaded):
            result = loaded_result
            if isinstance(result, Document) and result.id in ids:
                # A relative id can repeat across directory arguments: fall
                # back to the full path; an explicit id repeated is an error.
                derived = result.path is not None and result.path.endswith("/" + result.id)
                if not derived or result.path is None or result.path in ids:
                    result = LoadFailure(
                        result.path or result.id, f"duplicate document id {result.id!r}"
                    )
                else:
                    result = attrs.evolve(result, id=result.path)
            if isinstance(result, Document):
                ids.add(result.id)
            yield result
