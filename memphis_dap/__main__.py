"""`memphis-dap` / `python -m memphis_dap`: the debug adapter over stdio, or `--port N` on
127.0.0.1."""

from __future__ import annotations

import argparse
import socket
import sys

from .adapter import Session
from .protocol import Channel

__all__ = ['main']


def main(argv: list[str] | None = None) -> int:
    """Serve one client over stdio (or one TCP connection with --port) until it disconnects."""
    parser = argparse.ArgumentParser(prog='memphis-dap', description=__doc__)
    parser.add_argument('--port', type=int, help='listen on 127.0.0.1:PORT instead of stdio')
    options = parser.parse_args(argv)
    if options.port is None:
        channel = Channel(sys.stdin.buffer, sys.stdout.buffer)
        # the protocol owns stdout: anything printed by mistake goes to stderr instead
        sys.stdout = sys.stderr
        Session(channel).serve()
        return 0
    with socket.create_server(('127.0.0.1', options.port)) as listener:
        connection, _ = listener.accept()
    with connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        Session(Channel(connection.makefile('rb'), connection.makefile('wb'))).serve()
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
