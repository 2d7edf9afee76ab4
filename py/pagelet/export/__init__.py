"""``pagelet export APP OUT/``: an app as a static site that needs no other host.

The site holds an ``index.html`` with the app in a ``<gradio-lite>`` element,
the browser build (``lite.js`` and its chunks, ``worker.js``, the Pyodide core,
the core wheel), the wheels of the app's pure-Python requirements, pinned by
sha256 and checked by the browser, and a service worker that keeps all of it
for visits with the server gone. The modules:

    source.py     what the app is: its files, entrypoint and requirements
    browser.py    where the browser build is (``--dist``, ``PAGELET_DIST``, the repository's ``dist/``)
    wheels.py     the requirements' wheels, with pip, from PyPI or a local folder
    site.py       writing OUT/: the page, the files, the precache manifest

Standard library only; pip runs as a subprocess.
"""

from __future__ import annotations

from .errors import ExportError
from .site import ExportOptions, export_app

__all__ = ["ExportError", "ExportOptions", "export_app"]
