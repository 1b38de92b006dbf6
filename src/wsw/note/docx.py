"""A note (or a supervision or CPD record) as a Word document, made from its Markdown.

Case systems and CPD portals take Word documents or pasted text, and most practitioners have
no converter, so wsw writes .docx itself with python-docx, an optional extra
(`pip install "wsw[docx]"`) imported only here, when a .docx is asked for. Like the HTML,
the document is made from the Markdown alone: headings stay headings (so a reader's
navigation pane and a screen reader find them), lists stay lists and the actions table a
table; the front matter becomes the document's title property and nothing else.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from wsw.errors import InputError

if TYPE_CHECKING:
    from markdown_it.token import Token

MISSING = (
    'Word output needs python-docx, an optional extra: pip install "wsw[docx]" '
    "(or choose --format md or html)."
)


def _docx_module() -> Any:
    try:
        import docx
    except ImportError:
        raise InputError(MISSING) from None
    return docx


def require_docx() -> None:
    """Refuse early, with the way to install it, when python-docx is not installed."""
    _docx_module()


def to_docx(markdown: str, title: str | None = None) -> bytes:
    """The Markdown as a .docx file's bytes."""
    from markdown_it import MarkdownIt

    from wsw.note.html import _split_front_matter

    docx = _docx_module()
    front, body = _split_front_matter(markdown)
    document = docx.Document()
    document.core_properties.title = str(title or front.get("title") or "")
    document.core_properties.author = ""
    document.core_properties.comments = "Written by wsw"
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    _Writer(document).write(tokens)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer:
    """Walks markdown-it's block tokens, adding each block to the document in order."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.lists: list[str] = []  # "List Bullet" or "List Number", innermost last

    def write(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            i = self._block(tokens, i)

    def _block(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = min(int(token.tag[1]), 4)
            self._inline(self.document.add_heading("", level=level), tokens[i + 1])
            return i + 3
        if kind == "paragraph_open":
            paragraph = self.document.add_paragraph(style=self.lists[-1] if self.lists else None)
            self._inline(paragraph, tokens[i + 1])
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append("List Bullet" if kind == "bullet_list_open" else "List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "table_open":
            return self._table(tokens, i)
        elif kind in ("fence", "code_block"):
            self.document.add_paragraph(token.content.rstrip("\n"), style="No Spacing")
        elif kind == "hr":
            self.document.add_paragraph("")
        return i + 1

    def _inline(self, paragraph: Any, token: Token) -> None:
        bold = italic = False
        for child in token.children or []:
            if child.type == "strong_open":
                bold = True
            elif child.type == "strong_close":
                bold = False
            elif child.type == "em_open":
                italic = True
            elif child.type == "em_close":
                italic = False
            elif child.type in ("text", "code_inline", "html_inline"):
                run = paragraph.add_run(child.content)
                run.bold, run.italic = bold or None, italic or None
            elif child.type == "softbreak":
                paragraph.add_run(" ")
            elif child.type == "hardbreak":
                paragraph.add_run().add_break()

    def _table(self, tokens: list[Token], i: int) -> int:
        rows: list[list[Token]] = []
        while tokens[i].type != "table_close":
            if tokens[i].type == "tr_open":
                rows.append([])
            elif tokens[i].type == "inline":
                rows[-1].append(tokens[i])
            i += 1
        width = max((len(r) for r in rows), default=0)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                paragraph = table.cell(r, c).paragraphs[0]
                self._inline(paragraph, cell)
                if r == 0:
                    for run in paragraph.runs:
                        run.bold = True
        return i + 1
