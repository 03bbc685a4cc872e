"""DAP's wire format: Content-Length framed JSON messages (requests, responses, events)."""

from __future__ import annotations

import json
import threading
from typing import BinaryIO

__all__ = ['Channel', 'ProtocolError', 'RequestError', 'read_message']


class ProtocolError(Exception):
    """The stream broke the framing (bad header, bad JSON): the message is lost, not the stream."""


class RequestError(Exception):
    """A request handler's refusal: the response is `success: false` with this message."""


def read_message(stream: BinaryIO) -> dict | None:
    """The next message of `stream`, None at its end; ProtocolError for a malformed one."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b'\r\n', b'\n'):
            if length is None:
                continue
            break
        name, _, value = line.decode('ascii', 'replace').partition(':')
        if name.strip().lower() == 'content-length':
            try:
                length = int(value.strip())
            except ValueError:
                raise ProtocolError(f'bad Content-Length header: {line!r}') from None
    body = stream.read(length)
    if len(body) < length:
        return None
    try:
        message = json.loads(body.decode('utf-8'))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProtocolError(f'message is not JSON: {error}') from None
    if not isinstance(message, dict):
        raise ProtocolError('message is not a JSON object')
    return message


class Channel:
    """One side of a DAP conversation: numbered messages written whole, from any thread."""

    def __init__(self, reader: BinaryIO, writer: BinaryIO) -> None:
        self.reader = reader
        self.writer = writer
        self.seq = 0
        self.lock = threading.Lock()
        self.closed = False

    def read(self) -> dict | None:
        return read_message(self.reader)

    def send(self, message: dict) -> int:
        """Number and write `message`; returns its seq."""
        with self.lock:
            if self.closed:
                return 0
            self.seq += 1
            message['seq'] = self.seq
            body = json.dumps(message).encode('utf-8')
            try:
                self.writer.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
                self.writer.flush()
            except (OSError, ValueError):
                self.closed = True
            return self.seq

    def event(self, name: str, body: dict | None = None) -> None:
        message = {'type': 'event', 'event': name}
        if body is not None:
            message['body'] = body
        self.send(message)

    def respond(self, request: dict, body: dict | None = None) -> None:
        message = {'type': 'response', 'request_seq': request.get('seq', 0), 'success': True,
                   'command': request.get('command', '')}
        if body is not None:
            message['body'] = body
        self.send(message)

    def fail(self, request: dict, text: str) -> None:
        self.send({'type': 'response', 'request_seq': request.get('seq', 0), 'success': False,
                   'command': request.get('command', ''), 'message': text,
                   'body': {'error': {'id': 1, 'format': text, 'showUser': False}}})

    def request(self, command: str, arguments: dict | None = None) -> int:
        """Send a request; returns its seq (the answer is read by whoever reads this channel)."""
        return self.send({'type': 'request', 'command': command, 'arguments': arguments or {}})
