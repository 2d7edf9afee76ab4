"""``python -m pagelet run APP.py``: the same as the ``pagelet`` command."""

import sys

from .cli import main

sys.exit(main())
