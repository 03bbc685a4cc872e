"""`memphis-dap` / `python -m memphis_dap`: start the debug adapter."""

import sys


def main() -> int:
    """Start the adapter; until issue 6 lands there is none, and this says so."""
    sys.stderr.write('memphis-dap: the debug adapter is not built yet (see issue 6)\n')
    return 2


if __name__ == '__main__':
    raise SystemExit(main())
