"""`python -m interpreter`: the same command line as `memphis`."""

from .cli import main

raise SystemExit(main())
