"""launch() conventions: options not acted on are named, max_threads, GRADIO_TEMP_DIR, GRADIO_SHARE, the version reported."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from serving import TIMEOUT, client, http, served

import pagelet as gr


def echo(text: str) -> str:
    return text


def test_options_the_server_does_not_act_on_get_one_warning_naming_them() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with pytest.warns(UserWarning) as caught:
        with served(demo, share=True, ssl_keyfile="key.pem", favicon_path="icon.png", strict_cors=False) as url:
            assert client(url).predict("still served", api_name="/echo") == "still served"
    [warning] = [item for item in caught if "launch() options" in str(item.message)]
    assert str(warning.message).startswith(
        "Pagelet's server does not act on these launch() options, so they have no effect: "
        "favicon_path, share, ssl_keyfile, strict_cors."
    )
    assert "No share link is made" in str(warning.message)
    assert Path(warning.filename).name == "serving.py"  # the launch() call, not Pagelet's own code


def test_gradios_defaults_and_honoured_options_give_no_warning(recwarn: pytest.WarningsRecorder) -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo, share=None, ssl_verify=True, strict_cors=True, max_threads=4, show_error=True, debug=False):
        pass
    assert [str(item.message) for item in recwarn if "launch() options" in str(item.message)] == []


def test_gradio_share_in_the_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADIO_SHARE", "True")
    with pytest.warns(UserWarning, match="have no effect: share"):
        with served(gr.Interface(echo, "textbox", "textbox")):
            pass


def test_max_threads_bounds_the_events_running_at_once() -> None:
    running, peak, lock = [0], [0], threading.Lock()
    release = threading.Event()

    def work(text: str) -> str:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        release.wait(0.3)
        with lock:
            running[0] -= 1
        return text

    demo = gr.Interface(work, "textbox", "textbox").queue(default_concurrency_limit=None)
    with served(demo, max_threads=2) as url:
        api = client(url)
        jobs = [api.submit(str(index), api_name="/work") for index in range(5)]
        assert sorted(job.result(timeout=TIMEOUT) for job in jobs) == ["0", "1", "2", "3", "4"]
    assert peak[0] == 2


def test_max_threads_must_be_a_positive_whole_number() -> None:
    with pytest.raises(ValueError, match="max_threads must be a whole number of at least 1, got 0"):
        with served(gr.Interface(echo, "textbox", "textbox"), max_threads=0):
            pass


def test_uploads_land_in_gradio_temp_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    temp = tmp_path / "gradio-temp"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(temp))
    with served(gr.Interface(echo, "file", "textbox")) as url, http(url) as session:
        [uploaded] = session.post("gradio_api/upload", files={"files": ("notes.txt", b"hello")}).json()
        assert Path(uploaded).is_relative_to(temp) and Path(uploaded).read_bytes() == b"hello"


def test_config_reports_the_gradio_version_the_api_follows() -> None:
    with served(gr.Interface(echo, "textbox", "textbox")) as url, http(url) as session:
        assert session.get("config").json()["version"] == "6.31.0"
