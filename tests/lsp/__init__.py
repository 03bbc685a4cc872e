"""End-to-end tests of the language server (pytest-lsp against the real server process)."""
