"""FileExplorer: pick files (or folders) from a directory tree on the app's side.

On a server the tree is the server's disk under ``root_dir``; in the browser it
is Pyodide's file system (the app's files and whatever it wrote), read the
same way. The core lists the tree into the config (``tree``), up to
``MAX_ENTRIES`` entries, so the page needs no round trip to open a folder.
The value is Gradio's: a list of paths, each a list of names from the root.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Any, Literal

from .base import Component

MAX_ENTRIES = 2000


class FileExplorer(Component):
    TYPE = "fileexplorer"
    API_SCHEMA = {"title": "FileExplorerData", "type": "array", "items": {"type": "array", "items": {"type": "string"}}}
    API_PYTHON_TYPE = "list[list[str]]"
    EVENTS = ("change", "input", "select")
    PROPS = ("glob", "file_count", "root_dir", "ignore_glob", "height", "max_height", "min_height", "_selectable")
    # The listed tree is the page's; Gradio's API answers (an update of glob or root) do not carry it.
    PAGE_ONLY_PROPS = ("tree",)

    def __init__(
        self,
        glob: str = "**/*",
        *,
        value: str | list[str] | None = None,
        file_count: Literal["single", "multiple"] = "multiple",
        root_dir: str | os.PathLike[str] = ".",
        ignore_glob: str | None = None,
        label: str | None = None,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        if file_count not in ("single", "multiple"):
            raise ValueError(f"FileExplorer file_count must be 'single' or 'multiple', got {file_count!r}")
        self.root_dir = _checked_root(root_dir)
        self.glob = glob
        self.ignore_glob = ignore_glob
        self.file_count = file_count
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self._selectable = False
        super().__init__(value, label=label, **kwargs)

    def get_props(self) -> dict[str, Any]:
        return {**super().get_props(), "tree": self.tree()}

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        normalized = super().normalize_props(props)
        if "root_dir" in normalized:
            normalized["root_dir"] = _checked_root(normalized["root_dir"])
        if {"root_dir", "glob", "ignore_glob"} & normalized.keys():
            # A new root or pattern is a new tree: list it with the other settings as they stand.
            changed = self.with_props(normalized)
            assert isinstance(changed, FileExplorer)
            normalized["tree"] = changed.tree()
        return normalized

    def with_props(self, props: dict[str, Any]) -> Component:
        # The listed tree is made from root_dir and the globs, never stored: `tree` stays the method.
        return super().with_props({name: value for name, value in props.items() if name != "tree"})

    def tree(self) -> list[dict[str, Any]]:
        """The entries under ``root_dir`` that ``glob`` and ``ignore_glob`` let through, folders first,
        each ``{"name", "type": "file" | "folder", "valid", "children"}`` (Gradio's ``ls`` entries, nested)."""
        budget = [MAX_ENTRIES]
        return self._list(self.root_dir, budget)

    def _list(self, folder: str, budget: list[int]) -> list[dict[str, Any]]:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return []
        folders: list[dict[str, Any]] = []
        files: list[dict[str, Any]] = []
        for name in names:
            if budget[0] <= 0:
                break
            path = os.path.join(folder, name)
            is_folder = os.path.isdir(path)
            # Gradio matches the whole path with fnmatch, where "*" also crosses "/".
            valid = fnmatch.fnmatch(path, self.glob)
            if (not is_folder and not valid) or (self.ignore_glob and fnmatch.fnmatch(path, self.ignore_glob)):
                continue
            budget[0] -= 1
            if is_folder:
                folders.append({"name": name, "type": "folder", "valid": valid, "children": self._list(path, budget)})
            else:
                files.append({"name": name, "type": "file", "valid": valid})
        return folders + files

    def _join(self, parts: list[str]) -> str:
        """A path of names from the root, refused when it leaves the root (``..``, an absolute name)."""
        path = os.path.realpath(os.path.join(self.root_dir, *parts)) if parts else self.root_dir
        root = os.path.realpath(self.root_dir)
        if path != root and not path.startswith(root + os.sep):
            raise ValueError(f"{os.path.join(*parts)!r} is outside this file explorer's folder")
        # Normalized, as Gradio's: the "." a folder lists first stands for the folder's own path.
        return os.path.normpath(os.path.join(self.root_dir, *parts)) if parts else self.root_dir

    def preprocess(self, payload: Any) -> list[str] | str | None:
        if payload is None:
            return None
        if not isinstance(payload, list) or not all(isinstance(item, list) for item in payload):
            raise TypeError("A FileExplorer value is a list of paths, each a list of names from the root")
        if self.file_count == "single":
            if len(payload) > 1:
                raise ValueError(f"Expected only one file, but {len(payload)} were selected.")
            return self._join([str(part) for part in payload[0]]) if payload else None
        return [self._join([str(part) for part in item]) for item in payload]

    def postprocess(self, value: Any) -> list[list[str]] | None:
        if value is None:
            return None
        paths = [value] if isinstance(value, (str, os.PathLike)) else list(value)
        return [self._relative(os.fspath(path)).split(os.sep) for path in paths]

    def _relative(self, path: str) -> str:
        return path[len(self.root_dir) + 1:] if path.startswith(self.root_dir + os.sep) else path



def _checked_root(root_dir: str | os.PathLike[str]) -> str:
    root = os.path.abspath(os.fspath(root_dir))
    if not os.path.exists(root):
        raise ValueError(f"The specified root_dir does not exist: {os.fspath(root_dir)}")
    if not os.path.isdir(root):
        raise ValueError(f"The specified root_dir is not a directory: {os.fspath(root_dir)}")
    return root
