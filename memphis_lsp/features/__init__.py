"""The server's LSP features, one module each; every module has a `register(server)` function.

`create_server()` registers the modules named here, in order (append yours with a one-line edit).
"""

__all__ = ['FEATURE_MODULES']

FEATURE_MODULES = [
    'diagnostics',
    'code_actions',
    'document_symbols',
    'folding',
    'selection',
    'semantic_tokens',
    'hover',
    'definition',
    'references',
    'highlight',
    'completion',
    'signature_help',
    'rename',
    'workspace_symbols',
]
