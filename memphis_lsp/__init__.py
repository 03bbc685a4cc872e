"""memphis_lsp: the Memphis language server (pygls), built on the interpreter's front end."""

__all__ = ['__version__']

__version__ = '0.1.0'
