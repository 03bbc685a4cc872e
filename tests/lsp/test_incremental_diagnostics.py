"""Edits through the server reuse the previous version's analysis (re-parse, unchanged functions'
walks and scope errors): after each edit the published diagnostics must be those of the same
text opened fresh as another document.
"""

from __future__ import annotations

import pytest

from .conftest import change_document, open_document, wait_for_diagnostics

_TEXT = '''import os
import json


def first(value):
    total = value
    for item in range(3):
        total += item
    return total


class Thing:
    def method(self, other):
        unused = 1
        return self.helper(other)

    def helper(self, other):
        return os.path.join(other)


def last():
    global counter
    counter = first(2)
    return counter
'''

# ((line, char, end_line, end_char), text): one after another, each keeping the line count.
_EDITS = [
    ((13, 8, 13, 8), 'x'),          # `unused` -> `xunused`
    ((14, 20, 14, 26), 'helpr'),    # a call to a method that does not exist: not an error
    ((5, 12, 5, 17), 'valu'),       # an undefined name in `first`
    ((5, 12, 5, 16), 'value'),      # and back
    ((21, 4, 21, 18), 'pass'),      # the `global` goes: `counter` becomes local
    ((17, 15, 17, 17), 'js'),       # `os.path` -> `js.path`: `os` unused, `js` undefined
    ((17, 15, 17, 17), 'json'),     # `json` used now
]


def _as_tuples(published) -> list:
    return [(d.range.start.line, d.range.start.character, d.range.end.line,
             d.range.end.character, d.code, d.message, d.severity, d.tags)
            for d in published.diagnostics]


@pytest.mark.asyncio
async def test_each_edited_version_has_a_fresh_analysis_diagnostics(client, tmp_path):
    uri = (tmp_path / 'edited.py').as_uri()
    open_document(client, uri, _TEXT)
    await wait_for_diagnostics(client, uri, 1)
    lines = _TEXT.split('\n')
    for version, ((line, char, end_line, end_char), text) in enumerate(_EDITS, start=2):
        change_document(client, uri, version, ((line, char, end_line, end_char), text))
        assert line == end_line
        lines[line] = lines[line][:char] + text + lines[line][end_char:]
        edited = await wait_for_diagnostics(client, uri, version)
        fresh_uri = (tmp_path / f'fresh_{version}.py').as_uri()
        open_document(client, fresh_uri, '\n'.join(lines))
        fresh = await wait_for_diagnostics(client, fresh_uri, 1)
        assert _as_tuples(edited) == _as_tuples(fresh), (version, '\n'.join(lines))
    codes = {d.code for d in edited.diagnostics}
    assert 'M021' in codes  # the renamed unused local is still reported
