"""The CPython bridge: host (C) modules, the `sys` and `builtins` overlays, foreign objects."""
