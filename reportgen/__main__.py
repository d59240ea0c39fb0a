"""``python -m reportgen``: the same as the ``reportgen`` command (handy in a checkout
or a worktree, where it runs that tree's code)."""

import sys

from reportgen.cli import main

sys.exit(main())
