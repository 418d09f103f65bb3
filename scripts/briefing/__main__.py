"""`python -m briefing <command>`, the same as the installed `briefing <command>` (check, new,
translated, parity …); the commands themselves are in cli.py."""

import sys

from .cli import main

sys.exit(main())
