"""CPython's command-line options, read as its `getopt` reads them (`python [option] ... [-c cmd
| -m mod | file | -] [arg] ...`), with its messages for a bad one.

What each option does to the run is `interpreter.runtime.startup`'s business; this module only
turns the arguments into an `Options` and says what is to be run.
"""

from __future__ import annotations

import os
import sys

__all__ = ['Options', 'UsageError', 'parse_command_line']

# CPython 3.11's getopt: the letters it knows; ':' after a letter = it takes a value
_SHORT = 'bBc:dEhiIm:OPqRsStuvVW:xX:?'
_LONG_WITH_VALUE = ('check-hash-based-pycs',)
_LONG = ('help', 'version', 'help-env', 'help-xoptions', 'help-all')
_HASH_BASED_PYCS = ('default', 'always', 'never')


class UsageError(Exception):
    """A bad command line: the message CPython prints before its usage lines (exit status 2)."""


class Options:
    """What the options asked for. `run` is ('c', code), ('m', module), ('file', path),
    ('stdin', '-' or '') or ('help', which) / ('version', times); `args` are the program's
    arguments after it."""

    def __init__(self) -> None:
        self.bytes_warning = 0  # -b, -bb
        self.dont_write_bytecode = False  # -B
        self.debug = False  # -d
        self.ignore_environment = False  # -E
        self.inspect = False  # -i
        self.isolated = False  # -I
        self.optimize = 0  # -O, -OO
        self.safe_path = False  # -P
        self.quiet = False  # -q
        self.randomize_hashes = False  # -R
        self.no_user_site = False  # -s
        self.no_site = False  # -S
        self.unbuffered = False  # -u
        self.verbose = 0  # -v, -vv
        self.warnoptions: list[str] = []  # -W, in order
        self.skip_first_line = False  # -x
        self.xoptions: dict[str, str | bool] = {}  # -X name[=value]
        self.check_hash_based_pycs = 'default'
        self.run: tuple[str, str | int] = ('stdin', '')
        self.args: list[str] = []

    def __repr__(self) -> str:
        default = vars(Options())
        changed = {name: value for name, value in vars(self).items() if value != default[name]}
        return f'Options({changed})'


def parse_command_line(args: list[str]) -> Options:
    """The options and the program of `args` (the command line after the program name);
    UsageError for a bad one."""
    options = Options()
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == '--':
            index += 1
            break
        if not arg.startswith('-') or arg == '-':
            break
        index += 1
        if arg.startswith('--'):
            index = _long_option(options, arg[2:], args, index)
            if options.run[0] in ('help', 'version'):
                return options
            continue
        position = 1
        while position < len(arg):
            letter = arg[position]
            position += 1
            if letter == 'J':
                raise UsageError('-J is reserved for Jython')
            found = _SHORT.find(letter)
            if found < 0 or letter == ':':
                raise UsageError(f'Unknown option: -{letter}')
            value = None
            if _SHORT[found + 1:found + 2] == ':':
                value = arg[position:]
                position = len(arg)
                if not value:
                    if index >= len(args):
                        raise UsageError(f'Argument expected for the -{letter} option')
                    value = args[index]
                    index += 1
            if letter in 'cm':
                options.run = (letter, value)
                options.args = args[index:]
                return options
            _short_option(options, letter, value)
        if options.run[0] == 'help':
            return options
    rest = args[index:]
    if options.run[0] == 'version':
        return options
    if rest and rest[0] != '-':
        options.run = ('file', rest[0])
        options.args = rest[1:]
    else:
        options.run = ('stdin', rest[0] if rest else '')
        options.args = rest[1:]
    return options


# options that set a flag, and those counted (-OO, -bb, -vv)
_SETTING = {'B': 'dont_write_bytecode', 'd': 'debug', 'E': 'ignore_environment', 'i': 'inspect',
            'P': 'safe_path', 'q': 'quiet', 'R': 'randomize_hashes', 's': 'no_user_site',
            'S': 'no_site', 'u': 'unbuffered', 'x': 'skip_first_line'}
_COUNTED = {'b': 'bytes_warning', 'O': 'optimize', 'v': 'verbose'}


def _short_option(options: Options, letter: str, value: str | None) -> None:
    if letter in _SETTING:
        setattr(options, _SETTING[letter], True)
    elif letter in _COUNTED:
        name = _COUNTED[letter]
        setattr(options, name, getattr(options, name) + 1)
    elif letter in 'h?':
        options.run = ('help', 'usage')
    elif letter == 'I':
        options.isolated = options.ignore_environment = options.no_user_site = True
        options.safe_path = True
    elif letter == 'V':
        times = options.run[1] + 1 if options.run[0] == 'version' else 1
        options.run = ('version', times)
    elif letter == 'W':
        options.warnoptions.append(value)
    elif letter == 'X':
        name, equals, setting = value.partition('=')
        options.xoptions[name] = setting if equals else True
    # 't' (gone since Python 3) changes nothing


def _long_option(options: Options, name: str, args: list[str], index: int) -> int:
    if name in _LONG:
        if name == 'version':
            options.run = ('version', 1)
        else:
            options.run = ('help', name)
        return index
    if name in _LONG_WITH_VALUE:
        if index >= len(args):
            raise UsageError(f'Argument expected for the --{name} options')  # sic
        value = args[index]
        if value not in _HASH_BASED_PYCS:
            raise UsageError("--check-hash-based-pycs must be one of 'default', 'always', or "
                             "'never'")
        options.check_hash_based_pycs = value
        return index + 1
    raise UsageError(f'unknown option --{name}')


def usage_line() -> str:
    """The first line of CPython's usage, naming the program as CPython does."""
    return f'usage: {sys.executable} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n'


def environment_warnoptions(options: Options) -> list[str]:
    """PYTHONWARNINGS's entries (none under -E or -I), as CPython splits it."""
    if options.ignore_environment:
        return []
    return [entry for entry in os.environ.get('PYTHONWARNINGS', '').split(',') if entry]
