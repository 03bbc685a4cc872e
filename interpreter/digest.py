"""BLAKE2b for Memphis's own cache keys, without loading OpenSSL: importing `hashlib` loads
`_hashlib` and its libcrypto, about 4 MB of every process's memory."""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a host built without its own BLAKE2: hashlib's (OpenSSL's)
    from hashlib import blake2b

__all__ = ['blake2b']
