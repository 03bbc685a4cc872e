"""memphis_dap: the Memphis Debug Adapter Protocol server, built on the interpreter's hooks.

`protocol` is the wire format, `adapter` the client's session (the program runs in a separate
process), `agent` the program side, `variables` the variables view.
"""

__all__: list[str] = []
