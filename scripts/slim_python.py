"""Python source without its comments and docstrings, every line where it was.

The browser build ships the core this way (``build_assets.py``): comments and
docstrings are a third of the core's bytes, and no code path in the browser
reads them. Keeping each remaining line at its number keeps tracebacks true: a
frame's line number and the line shown are those of the file in the repository.

Standard library only (``ast`` finds the docstrings, ``tokenize`` the comments).
"""

from __future__ import annotations

import ast
import io
import tokenize

_WITH_DOCSTRING = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def slim(source: str) -> str:
    """``source`` with comments cut and docstrings emptied (``""``), lines kept."""
    lines = source.splitlines(keepends=True)
    comment_at = {
        token.start[0]: token.start[1]
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    emptied: dict[int, str] = {}
    for docstring in _docstrings(ast.parse(source)):
        first, last = docstring.lineno, docstring.end_lineno or docstring.lineno
        # An empty string stays in the docstring's place: a body that was only a
        # docstring still needs a statement.
        emptied[first] = lines[first - 1][: docstring.col_offset] + '""\n'
        emptied.update({later: "\n" for later in range(first + 1, last + 1)})
    slimmed = []
    for number, line in enumerate(lines, 1):
        if number in emptied:
            slimmed.append(emptied[number])
        elif number in comment_at:
            kept = line[: comment_at[number]].rstrip()
            slimmed.append(kept + "\n")
        else:
            slimmed.append(line)
    return "".join(slimmed)


def _docstrings(tree: ast.Module) -> list[ast.Expr]:
    """Each docstring that stands alone on its lines.

    A docstring sharing a line with other code (``x = 1; "doc"`` is not one, but
    ``def f(): "doc"`` is) is left as it is: emptying its lines would cut code.
    """
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, _WITH_DOCSTRING) or not node.body:
            continue
        first = node.body[0]
        if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)):
            continue
        last_line = first.end_lineno or first.lineno
        alone_after = len(node.body) == 1 or node.body[1].lineno > last_line
        alone_before = isinstance(node, ast.Module) or first.lineno > node.lineno
        if alone_after and alone_before:
            found.append(first)
    return found
