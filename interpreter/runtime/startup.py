"""What CPython's command-line options (interpreter.options) do to a run.

Most are Memphis's to apply: `sys.flags`, `sys.warnoptions`, `sys._xoptions`, the optimization
level every compilation uses (-O), the program's `sys.path` (-E, -s, -S, -P, -I), the streams
(-u), the REPL's banner (-q). A few change what the host's C code does and only the host can
take them (BytesWarning from comparisons, UTF-8 mode, the default-encoding warning, the int
string limit): the host process is started again with them (`host_restart_arguments`).

Without options given (a debugger's run, a test calling `run_main`) nothing is changed: `sys`
has the host's values, which come from the same environment variables.
"""

from __future__ import annotations

import io
import os
import sys

from ..options import Options, environment_warnoptions

__all__ = [
    'FLAG_FIELDS',
    'applied_options',
    'configure',
    'host_restart_arguments',
    'host_restart_environment',
    'import_time_asked',
    'optimize_level',
    'program_path',
    'restore_environment',
    'skip_first_line',
    'sys_flags',
]

# what only the host can do: its C code reads its own configuration
_HOST_XOPTIONS = ('utf8', 'warn_default_encoding', 'int_max_str_digits')
# the names site adds to builtins (absent under -S)
_SITE_BUILTINS = ('exit', 'quit', 'help', 'copyright', 'credits', 'license')

FLAG_FIELDS = ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
               'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning',
               'quiet', 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode',
               'warn_default_encoding', 'safe_path', 'int_max_str_digits')

_applied: Options | None = None


def applied_options() -> Options | None:
    """The command line's options this run was configured with (None: no command line)."""
    return _applied


def import_time_asked() -> bool:
    """-X importtime, or PYTHONPROFILEIMPORTTIME (not under -E)."""
    options = _applied
    if options is None:
        return False
    return 'importtime' in options.xoptions or (
        not options.ignore_environment and bool(os.environ.get('PYTHONPROFILEIMPORTTIME')))


def optimize_level() -> int:
    """The `-O` level every compilation uses (CPython's config, not `sys.flags`, which a
    program may replace)."""
    return _optimize


_optimize = sys.flags.optimize


def host_restart_arguments(options: Options) -> list[str]:
    """The host options the process must be started again with for `options` ([] if the
    host already runs with them)."""
    needed = []
    if options.bytes_warning > sys.flags.bytes_warning:
        needed.append('-' + 'b' * options.bytes_warning)
    for name in _HOST_XOPTIONS:
        if name in options.xoptions and sys._xoptions.get(name) != options.xoptions[name]:
            value = options.xoptions[name]
            needed += ['-X', name if value is True else f'{name}={value}']
    return needed


# set for the host started again with random hashes: PYTHONHASHSEED's value to give back to
# the program's environment
_HASH_SEED_KEPT = 'MEMPHIS_PYTHONHASHSEED_KEPT'


def host_restart_environment(options: Options) -> dict | None:
    """The environment the host must be started again with (None: as it is): under -R, -E
    or -I PYTHONHASHSEED does not fix the hashes, which only a new host can undo."""
    seed = os.environ.get('PYTHONHASHSEED')
    if seed is None or seed == 'random' or _HASH_SEED_KEPT in os.environ:
        return None
    if not (options.randomize_hashes or options.ignore_environment):
        return None
    return dict(os.environ, PYTHONHASHSEED='random', **{_HASH_SEED_KEPT: seed})


def restore_environment() -> None:
    """In a host started again by `host_restart_environment`: the program's `os.environ` is
    the one the command was given."""
    seed = os.environ.pop(_HASH_SEED_KEPT, None)
    if seed is None:
        return
    import posix

    os.environ['PYTHONHASHSEED'] = seed
    posix.environ.pop(_HASH_SEED_KEPT.encode(), None)
    posix.environ[b'PYTHONHASHSEED'] = os.fsencode(seed)


class _ReadOnlyField:
    """A named field of `sys.flags`: `sys.flags.optimize = 1` is CPython's AttributeError."""

    __slots__ = ('index', 'name')

    def __init__(self, index: int, name: str) -> None:
        self.index = index
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return tuple.__getitem__(instance, self.index)

    def __set__(self, instance, value) -> None:
        raise AttributeError('readonly attribute')

    def __delete__(self, instance) -> None:
        raise AttributeError('readonly attribute')


class flags(tuple):  # CPython's type name: type(sys.flags).__name__ is 'flags'
    """Flags provided through command line arguments or environment vars."""

    __slots__ = ()
    n_fields = n_sequence_fields = len(FLAG_FIELDS)
    n_unnamed_fields = 0
    __match_args__ = FLAG_FIELDS

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sys.flags' instances")

    def __repr__(self) -> str:
        shown = ', '.join(f'{name}={value!r}' for name, value in zip(FLAG_FIELDS, self))
        return f'sys.flags({shown})'

    def __reduce__(self):
        raise TypeError("cannot pickle 'sys.flags' object")


for _index, _name in enumerate(FLAG_FIELDS):
    setattr(flags, _name, _ReadOnlyField(_index, _name))
flags.__module__ = 'sys'
del _index, _name


def sys_flags(options: Options):
    """`sys.flags` for a run with `options`: the command line's, else the environment's (the
    host's own flags, which it read from the same variables)."""
    host = sys.flags
    from_environment = not options.ignore_environment
    values = {
        'debug': int(options.debug or (from_environment and host.debug > 0)),
        'inspect': int(options.inspect or (from_environment and host.inspect > 0)),
        'interactive': int(options.inspect),
        'optimize': max(options.optimize, host.optimize if from_environment else 0),
        'dont_write_bytecode': int(options.dont_write_bytecode
                                   or (from_environment and host.dont_write_bytecode > 0)),
        'no_user_site': int(options.no_user_site or (from_environment and host.no_user_site)),
        'no_site': int(options.no_site),
        'ignore_environment': int(options.ignore_environment),
        'verbose': max(options.verbose, host.verbose if from_environment else 0),
        'bytes_warning': host.bytes_warning,
        'quiet': int(options.quiet),
        # (a host started again for -R, -E or -I has random hashes: host_restart_environment)
        'hash_randomization': int(host.hash_randomization or options.randomize_hashes),
        'isolated': int(options.isolated),
        'dev_mode': bool('dev' in options.xoptions or (from_environment and host.dev_mode)),
        'utf8_mode': host.utf8_mode,
        'warn_default_encoding': host.warn_default_encoding,
        'safe_path': bool(options.safe_path or (from_environment and host.safe_path)),
        'int_max_str_digits': host.int_max_str_digits,
    }
    return tuple.__new__(flags, [values[name] for name in FLAG_FIELDS])


def configure(options: Options):
    """Apply `options` to the program's `sys` and to Memphis's compilations, before the
    program's import state is made (its `sys.path` depends on them); the program's
    `sys.flags`."""
    global _applied, _optimize
    from .host import sys_overlay

    overlay = sys_overlay()
    program_flags = sys_flags(options)
    _applied = options
    _optimize = program_flags.optimize
    overlay.flags = program_flags
    overlay.dont_write_bytecode = bool(program_flags.dont_write_bytecode)
    overlay._xoptions = dict(options.xoptions)
    overlay.warnoptions = _warnoptions(options, program_flags)
    if 'pycache_prefix' in options.xoptions:
        prefix = options.xoptions['pycache_prefix']
        overlay.pycache_prefix = prefix if isinstance(prefix, str) and prefix else None
    if options.unbuffered:
        _unbuffer_streams(overlay)
    from .builtins import builtins_module

    if options.no_site:
        for name in _SITE_BUILTINS:
            builtins_module.__dict__.pop(name, None)
    if program_flags.optimize:
        setattr(builtins_module, '__debug__', False)  # a plain assignment is a SyntaxError
    if 'no_debug_ranges' in options.xoptions:
        from . import tracebacks

        tracebacks.debug_ranges = False
    if program_flags.dev_mode or 'faulthandler' in options.xoptions:
        import faulthandler

        faulthandler.enable()
    if 'tracemalloc' in options.xoptions:
        _start_tracemalloc(options.xoptions['tracemalloc'])
    return program_flags


def _warnoptions(options: Options, program_flags) -> list[str]:
    """CPython's order: 'default' for dev mode, PYTHONWARNINGS's entries, -W's, then
    BytesWarning's filter for -b or -bb."""
    found = ['default'] if program_flags.dev_mode else []
    found += environment_warnoptions(options)
    found += options.warnoptions
    if program_flags.bytes_warning:
        found.append('error::BytesWarning' if program_flags.bytes_warning > 1
                     else 'default::BytesWarning')
    return found


def _unbuffer_streams(overlay) -> None:
    """-u: stdout and stderr write through to their file descriptors, as CPython makes them
    (a raw FileIO under the text layer, write-through)."""
    for name, descriptor in (('stdout', 1), ('stderr', 2)):
        stream = overlay.__dict__.get(name)
        buffer = getattr(stream, 'buffer', None)
        if stream is None or isinstance(buffer, io.FileIO) or buffer is None:
            continue
        try:
            if stream.fileno() != descriptor:
                continue
        except (OSError, ValueError, AttributeError):
            continue
        stream.flush()
        raw = io.FileIO(descriptor, 'wb', closefd=False)
        raw.name = f'<{name}>'
        unbuffered = io.TextIOWrapper(raw, encoding=stream.encoding, errors=stream.errors,
                                      newline='\n', write_through=True)
        unbuffered.mode = 'w'
        overlay.__dict__[name] = unbuffered
        if overlay.__dict__.get(f'__{name}__') is stream:
            overlay.__dict__[f'__{name}__'] = unbuffered


def _start_tracemalloc(setting) -> None:
    import tracemalloc

    frames = 1
    if isinstance(setting, str):
        try:
            frames = int(setting)
        except ValueError:
            frames = 0
        if not 1 <= frames <= 65535:
            sys.stderr.write('Fatal Python error: config_init_tracemalloc: -X tracemalloc=NFRAME: '
                             'invalid number of frames\n')
            raise SystemExit(1)
    tracemalloc.start(frames)


def skip_first_line(data: bytes) -> bytes:
    """-x: the program without its first line, which still counts for line numbers."""
    end = data.find(b'\n')
    return b'' if end < 0 else b'\n' + data[end + 1:]


def program_path(script_directory: str, tail: list[str]) -> list[str]:
    """`sys.path`: the script's folder (not under -P or -I), PYTHONPATH's entries (not under -E
    or -I), then `tail`, the host's standard library and what `site` added to it, less the
    user site folder under -s and all that `site` adds under -S."""
    options = _applied
    program_flags = sys.flags if options is None else sys_flags(options)
    path = [] if program_flags.safe_path else [script_directory]
    if not program_flags.ignore_environment:
        path.extend(entry for entry in os.environ.get('PYTHONPATH', '').split(os.pathsep)
                    if entry)
    if program_flags.no_site:
        import sysconfig

        stdlib = {os.path.normpath(sysconfig.get_paths()[key]) for key in ('stdlib',
                                                                            'platstdlib')}
        kept = stdlib | {os.path.join(folder, 'lib-dynload') for folder in stdlib}
        zip_name = f'python{sys.version_info[0]}{sys.version_info[1]}.zip'
        tail = [entry for entry in tail
                if os.path.normpath(entry) in kept or entry.endswith(zip_name)]
    elif program_flags.no_user_site:
        import site

        user_site = site.getusersitepackages()
        tail = [entry for entry in tail if entry != user_site]
    return path + tail
