"""`python -m briefing <command>`: the editors' commands (check, new, translated, parity …),
as the Makefile runs them; the commands themselves are in cli.py."""

import sys

from .cli import main

sys.exit(main())
