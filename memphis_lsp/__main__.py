"""`memphis-lsp` / `python -m memphis_lsp`: start the language server."""

import sys


def main() -> int:
    """Start the server; until issue 5 lands there is none, and this says so."""
    sys.stderr.write('memphis-lsp: the language server is not built yet (see issue 5)\n')
    return 2


if __name__ == '__main__':
    raise SystemExit(main())
