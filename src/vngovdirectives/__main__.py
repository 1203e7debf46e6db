"""``python -m vngovdirectives``: the command line."""

import sys

from vngovdirectives.cli import main

sys.exit(main())
