"""``launch()`` goes to the launcher the runtime registered; the core finds the server only through the registry."""

from __future__ import annotations

from typing import Any

import pytest

import pagelet as gr
from pagelet import launcher


class RecordingLauncher:
    def __init__(self) -> None:
        self.launched: list[tuple[Any, dict[str, Any]]] = []
        self.closed: list[Any] = []

    def launch(self, app: Any, **options: Any) -> str:
        self.launched.append((app, options))
        return "launched"

    def close(self, app: Any) -> None:
        self.closed.append(app)


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch):
    launcher.set_launcher(None)
    yield monkeypatch
    launcher.set_launcher(None)


def test_launch_and_close_go_to_the_installed_launcher(registry) -> None:
    installed = RecordingLauncher()
    launcher.set_launcher(installed)
    demo = gr.Interface(lambda text: text, "textbox", "textbox")
    assert demo.launch(server_port=0) == "launched"
    demo.close()
    assert installed.launched == [(demo, {"server_port": 0})]
    assert installed.closed == [demo]


def test_with_none_installed_the_registered_entry_point_serves(registry) -> None:
    from pagelet.server import ServerLauncher

    assert isinstance(launcher.current_launcher(), ServerLauncher)


def test_without_a_registered_runtime_launch_says_what_to_install(registry) -> None:
    registry.setattr("importlib.metadata.entry_points", lambda group: [])
    demo = gr.Interface(lambda text: text, "textbox", "textbox")
    with pytest.raises(RuntimeError, match=r"pip install 'pagelet\[server\]'"):
        demo.launch()


def test_mount_gradio_app_needs_the_server(registry) -> None:
    launcher.set_launcher(RecordingLauncher())
    demo = gr.Interface(lambda text: text, "textbox", "textbox")
    with pytest.raises(RuntimeError, match="mount_gradio_app needs the CPython server"):
        gr.mount_gradio_app(object(), demo, path="/demo")
