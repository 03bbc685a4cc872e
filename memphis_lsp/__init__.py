"""memphis_lsp: the Memphis language server (pygls), built on the interpreter's front end."""
