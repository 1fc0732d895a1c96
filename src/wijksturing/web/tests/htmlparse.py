"""Read rendered pages the way a reader sees them: the text of a table cell, of an element with a
class. Tests check a number in its cell instead of anywhere in the page (stdlib html.parser only)."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _squash(text: str) -> str:
    return " ".join(text.split())


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[dict, list[list[str]]]] = []
        self._stack: list[tuple[dict, list[list[str]]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            table = (attrs, [])
            self.tables.append(table)
            self._stack.append(table)
        elif tag == "tr" and self._stack:
            self._stack[-1][1].append([])
        elif tag in ("td", "th") and self._stack and self._stack[-1][1]:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._stack:
            self._stack[-1][1][-1].append(_squash("".join(self._cell)))
            self._cell = None
        elif tag == "table" and self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table(html: str, *, id: str | None = None, cls: str | None = None) -> list[list[str]]:  # noqa: A002
    """The rows of the first table with this id (or class) as lists of cell texts, header rows included."""
    parser = _Tables()
    parser.feed(html)
    for attrs, rows in parser.tables:
        if (id is not None and attrs.get("id") == id) or (cls is not None and cls in (attrs.get("class") or "").split()):
            return [row for row in rows if row]
    raise AssertionError(f"no table with id={id!r} class={cls!r} in the page")


def row(rows: list[list[str]], header: str) -> list[str]:
    """The row whose first cell starts with ``header`` (the row header)."""
    found = [r for r in rows if r[0].startswith(header)]
    assert len(found) == 1, f"{len(found)} rows start with {header!r}: {[r[0] for r in rows]}"
    return found[0]


def cell(rows: list[list[str]], header: str, column: str) -> str:
    """The text of the cell in the row starting with ``header`` under the column headed ``column``."""
    heads = rows[0]
    assert column in heads, f"no column {column!r} in {heads}"
    return row(rows, header)[heads.index(column)]


class _ByClass(HTMLParser):
    def __init__(self, cls: str) -> None:
        super().__init__(convert_charrefs=True)
        self.cls, self.found, self._open = cls, [], []  # _open: [depth, chunks] per matching element
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self._depth += 1
        if self.cls in (dict(attrs).get("class") or "").split():
            self._open.append([self._depth, []])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._open and self._open[-1][0] == self._depth:
            self.found.append(_squash("".join(self._open.pop()[1])))
        self._depth -= 1

    def handle_data(self, data):
        for _depth, chunks in self._open:
            chunks.append(data)


def texts(html: str, cls: str) -> list[str]:
    """The texts of every element with class ``cls``, in page order of their end tags."""
    parser = _ByClass(cls)
    parser.feed(html)
    return parser.found
