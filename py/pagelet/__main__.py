"""``python -m pagelet run APP.py`` (or ``export APP OUT/``): the same as the ``pagelet`` command."""

import sys

from .cli import main

sys.exit(main())
