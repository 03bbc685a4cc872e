"""memphis_dap: the Memphis Debug Adapter Protocol server, built on the interpreter's hooks."""
