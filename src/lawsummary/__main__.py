"""``python -m lawsummary``."""

import sys

from lawsummary.cli import main

sys.exit(main())
