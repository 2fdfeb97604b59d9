"""``python -m treatydiff``."""

from __future__ import annotations

import sys

from treatydiff.cli import main

sys.exit(main())
