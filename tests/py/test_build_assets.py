"""The browser's core wheel: what build_assets.py leaves out of it."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import zipfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_assets.py"
spec = importlib.util.spec_from_file_location("build_assets", SCRIPT)
assert spec is not None and spec.loader is not None
build_assets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_assets)

METADATA = b"Metadata-Version: 2.4\nName: pagelet\nVersion: 0.1.0\n\n# Pagelet\n\nThe whole README...\n"


def test_the_browser_wheel_has_no_server_and_no_readme_and_a_true_record(tmp_path):
    wheel = tmp_path / "pagelet-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("pagelet/__init__.py", "")
        archive.writestr("pagelet/server/app.py", "import starlette\n")
        archive.writestr("pagelet-0.1.0.dist-info/METADATA", METADATA)
        archive.writestr(
            "pagelet-0.1.0.dist-info/RECORD",
            "pagelet/__init__.py,sha256=x,0\npagelet/server/app.py,sha256=y,17\n"
            "pagelet-0.1.0.dist-info/METADATA,sha256=old,99\npagelet-0.1.0.dist-info/RECORD,,\n",
        )
    build_assets.without_server(wheel)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read("pagelet-0.1.0.dist-info/METADATA")
        record = archive.read("pagelet-0.1.0.dist-info/RECORD").decode()
    assert "pagelet/server/app.py" not in names and "pagelet/__init__.py" in names
    assert metadata == b"Metadata-Version: 2.4\nName: pagelet\nVersion: 0.1.0\n"
    digest = base64.urlsafe_b64encode(hashlib.sha256(metadata).digest()).rstrip(b"=").decode()
    assert f"pagelet-0.1.0.dist-info/METADATA,sha256={digest},{len(metadata)}\n" in record
    assert "server" not in record
