"""gr.FileExplorer: the tree the page shows, Gradio's value, updates of root and glob."""

from __future__ import annotations

from pathlib import Path

import pytest

import pagelet as gr
from pagelet.server.api_info import api_info

from fake_host import FakeHost, updates_of


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "dir1").mkdir()
    (tmp_path / "dir1" / "bar.txt").write_text("bar")
    (tmp_path / "dir1" / "pic.png").write_bytes(b"png")
    (tmp_path / "notes.md").write_text("# notes")
    return tmp_path


def names(entries: list[dict]) -> list:
    return [(e["name"], names(e["children"])) if e["type"] == "folder" else e["name"] for e in entries]


def test_the_tree_lists_folders_first_and_follows_glob_and_ignore_glob(root: Path) -> None:
    assert names(gr.FileExplorer(root_dir=root).tree()) == [("dir1", ["bar.txt", "pic.png"]), "notes.md"]
    assert names(gr.FileExplorer("**/*.txt", root_dir=root).tree()) == [("dir1", ["bar.txt"])]
    assert names(gr.FileExplorer(root_dir=root, ignore_glob="*.png").tree()) == [("dir1", ["bar.txt"]), "notes.md"]
    props = gr.FileExplorer(root_dir=root, label="Files").get_props()
    assert (props["glob"], props["file_count"], props["root_dir"], props["max_height"]) == ("**/*", "multiple", str(root), 500)


def test_value_is_a_list_of_name_paths_and_the_function_gets_full_paths(root: Path) -> None:
    explorer = gr.FileExplorer(root_dir=root)
    assert explorer.postprocess([str(root / "dir1" / "bar.txt")]) == [["dir1", "bar.txt"]]
    assert explorer.postprocess(str(root / "notes.md")) == [["notes.md"]]
    assert explorer.preprocess([["dir1", "bar.txt"], ["notes.md"]]) == [str(root / "dir1" / "bar.txt"), str(root / "notes.md")]
    single = gr.FileExplorer(root_dir=root, file_count="single")
    assert single.preprocess([["notes.md"]]) == str(root / "notes.md")
    assert single.preprocess([]) is None
    with pytest.raises(ValueError, match="Expected only one file, but 2 were selected."):
        single.preprocess([["notes.md"], ["dir1", "bar.txt"]])


def test_the_dot_a_folder_lists_first_reaches_the_function_as_the_folders_path(root: Path) -> None:
    explorer = gr.FileExplorer(root_dir=root)
    assert explorer.preprocess([["dir1", "."], ["dir1", "bar.txt"]]) == [str(root / "dir1"), str(root / "dir1" / "bar.txt")]


def test_bad_roots_and_paths_outside_the_root_are_refused(root: Path) -> None:
    with pytest.raises(ValueError, match="The specified root_dir does not exist"):
        gr.FileExplorer(root_dir=root / "missing")
    with pytest.raises(ValueError, match="The specified root_dir is not a directory"):
        gr.FileExplorer(root_dir=root / "notes.md")
    with pytest.raises(ValueError, match="is outside this file explorer's folder"):
        gr.FileExplorer(root_dir=root / "dir1").preprocess([["..", "notes.md"]])
    with pytest.raises(ValueError, match="file_count must be 'single' or 'multiple'"):
        gr.FileExplorer(file_count="directory")  # type: ignore[arg-type]


def test_returning_a_new_glob_sends_the_new_tree(root: Path) -> None:
    with gr.Blocks() as demo:
        only_text = gr.Checkbox(label="Show only text files")
        explorer = gr.FileExplorer(root_dir=root, label="Files")
        only_text.change(lambda on: gr.FileExplorer(glob="**/*.txt" if on else "**/*"), only_text, explorer)
        explorer.change(lambda paths: paths, explorer, None, api_name="chosen")
    [update] = updates_of(FakeHost(demo).fire(0, True))
    assert names(update["props"]["tree"]) == [("dir1", ["bar.txt"])]
    parameter = api_info(demo)["named_endpoints"]["/chosen"]["parameters"][0]
    assert parameter["python_type"]["type"] == "list[list[str]]" and parameter["type"]["title"] == "FileExplorerData"


def test_a_new_root_is_listed_with_the_glob_this_session_set_before(root: Path) -> None:
    with gr.Blocks() as demo:
        only_text = gr.Checkbox(label="Show only text files")
        folder = gr.Textbox(label="Root")
        explorer = gr.FileExplorer(root_dir=root, label="Files")
        only_text.change(lambda on: gr.FileExplorer(glob="*.txt" if on else "*"), only_text, explorer)
        folder.submit(lambda path: gr.FileExplorer(root_dir=path), folder, explorer)
    host = FakeHost(demo)
    host.fire(0, True)
    [update] = updates_of(host.fire(1, str(root / "dir1")))
    assert names(update["props"]["tree"]) == ["bar.txt"]


def test_an_api_answer_updating_the_glob_carries_no_tree(root: Path) -> None:
    from pagelet.server.client_session import _Run

    with gr.Blocks() as demo:
        only_text = gr.Checkbox(label="Show only text files")
        explorer = gr.FileExplorer(root_dir=root, label="Files")
        only_text.change(lambda on: gr.FileExplorer(glob="*.txt"), only_text, explorer)
    run = _Run(demo.dependencies[0])
    run.apply(updates_of(FakeHost(demo).fire(0, True)))
    # As gradio 6.31 answers /gradio_api/call for the file_explorer_component_events demo.
    assert run.values == [{"__type__": "update", "glob": "*.txt"}]
