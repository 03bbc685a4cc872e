"""The checks behind the language server's diagnostics: syntax and compile-time errors, undefined
and unused names, redefinitions and unresolved imports, each with a stable code (see CODES).
"""

from __future__ import annotations

import os
import re

from ..diagnostics import SyntaxDiagnostic
from .bindings import Binding, ModuleBindings, Scope, Symbol
from .findings import Finding
from .imports import ImportResolver, star_import_names
from .name_resolution import deleted_before, runs_immediately

__all__ = ['CODES', 'module_findings']

# code -> (severity, tags, what it reports). memphis_lsp/README.md documents the same table.
CODES: dict[str, tuple[str, frozenset[str], str]] = {
    'M001': ('error', frozenset(), 'syntax error (every error the parser recovered from)'),
    'M002': ('error', frozenset(), 'compile-time error found by scope analysis'),
    'M003': ('error', frozenset(), "'return' outside a function, or misused"),
    'M004': ('error', frozenset(), "'yield' outside a function, or misused"),
    'M005': ('error', frozenset(), "'await' or 'async' outside an async function"),
    'M010': ('error', frozenset(), 'undefined name'),
    'M011': ('warning', frozenset(), "name in '__all__' is not defined in the module"),
    'M012': ('error', frozenset(),
             'local variable used before any assignment (certain UnboundLocalError)'),
    'M020': ('warning', frozenset({'unnecessary'}), 'unused import'),
    'M021': ('warning', frozenset({'unnecessary'}), 'unused local variable'),
    'M022': ('warning', frozenset(), 'redefinition of an unused name'),
    'M030': ('warning', frozenset(), 'unresolved import'),
    'M031': ('information', frozenset(),
             'star import that cannot be resolved: undefined names are not reported'),
    'M032': ('warning', frozenset(), 'imported name that the module does not define'),
}

# Errors that recovery can cause: a body read as module code when its `def` header broke.
_OUTSIDE_CODES = frozenset({'M003', 'M004', 'M005'})
_RETURN = re.compile(r"^'return'|^'break', 'continue' and 'return'")
_YIELD = re.compile(r"^'yield")
_AWAIT = re.compile(r"^'await|^'async |^asynchronous comprehension outside")
_NOQA = re.compile(r'#\s*noqa(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?',
                   re.IGNORECASE)
# pyflakes never calls these unused: frameworks read them from the frame.
_ALWAYS_USED = frozenset({'__tracebackhide__', '__traceback_info__', '__traceback_supplement__'})
_DEFINITIONS = frozenset({'function', 'class', 'import'})


def module_findings(analysis) -> list[Finding]:
    """Every finding for a `ModuleAnalysis`, in source order, `# noqa` applied."""
    findings: list[Finding] = []
    findings.extend(_syntax_findings(analysis.syntax_errors, analysis.scope_errors,
                                     analysis.lines))
    checker = _NameChecker(analysis)
    findings.extend(checker.run())
    findings.sort(key=lambda f: (f.lineno, f.col, f.code))
    return _apply_noqa(findings, analysis.lines)


def _finding(code: str, message: str, position: tuple[int, int, int, int],
             data: dict | None = None) -> Finding:
    severity, tags, _ = CODES[code]
    return Finding(code, message, severity, *position, tags=tags, data=data)


def _syntax_findings(syntax_errors: list[SyntaxDiagnostic],
                     scope_errors: list[SyntaxDiagnostic], lines: list[str]) -> list[Finding]:
    seen = set()
    found = []
    first_error = min((d.lineno for d in syntax_errors), default=None)
    for code, diagnostics in (('M001', syntax_errors), (None, scope_errors)):
        for diagnostic in diagnostics:
            key = (diagnostic.message, diagnostic.lineno, diagnostic.col_offset)
            if key in seen:
                continue
            seen.add(key)
            message = diagnostic.message
            kind = code or _scope_error_code(message)
            if kind in _OUTSIDE_CODES and _knock_on(diagnostic, first_error, lines):
                continue
            if diagnostic.kind != 'SyntaxError':
                message = f'{diagnostic.kind}: {message}'
            end_lineno, end_col = diagnostic.end_lineno, diagnostic.end_col_offset
            if (end_lineno, end_col) <= (diagnostic.lineno, diagnostic.col_offset):
                end_lineno, end_col = diagnostic.lineno, diagnostic.col_offset + 1
            found.append(_finding(kind, message, (diagnostic.lineno, diagnostic.col_offset,
                                                  end_lineno, end_col)))
    return found


def _knock_on(diagnostic: SyntaxDiagnostic, first_error: int | None, lines: list[str]) -> bool:
    """Whether a "... outside function" error is likely a consequence of recovery: an
    indented statement below a syntax error, whose block header the parser could not read
    (so its body was read as module code)."""
    if first_error is None or diagnostic.lineno < first_error:
        return False
    line = lines[diagnostic.lineno - 1] if diagnostic.lineno <= len(lines) else ''
    return line[:1] in (' ', '\t')


def _scope_error_code(message: str) -> str:
    if _RETURN.match(message):
        return 'M003'
    if _YIELD.match(message):
        return 'M004'
    if _AWAIT.match(message):
        return 'M005'
    return 'M002'


def _apply_noqa(findings: list[Finding], lines: list[str]) -> list[Finding]:
    kept = []
    cache: dict[int, frozenset[str] | None] = {}
    for finding in findings:
        lineno = finding.lineno
        if lineno not in cache:
            cache[lineno] = _noqa_codes(lines[lineno - 1] if 0 < lineno <= len(lines) else '')
        codes = cache[lineno]
        if codes is None or (codes and finding.code not in codes):
            kept.append(finding)
    return kept


def _noqa_codes(line: str) -> frozenset[str] | None:
    """None: no `# noqa` on the line; empty: a bare `# noqa`; else the codes it names."""
    if '#' not in line:
        return None
    match = _NOQA.search(line)
    if match is None:
        return None
    codes = match.group('codes')
    if not codes:
        return frozenset()
    return frozenset(code.upper() for code in re.split(r'[\s,]+', codes) if code)


class _NameChecker:
    """Undefined, unused, redefined names and unresolved imports over one module's bindings."""

    def __init__(self, analysis):
        self.analysis = analysis
        self.bindings: ModuleBindings = analysis.bindings
        self.filename = analysis.filename
        self.is_package_init = os.path.basename(self.filename) == '__init__.py'
        self.resolver = ImportResolver(self.filename, analysis.search_path)
        self.findings: list[Finding] = []
        self.dunder_all_names = frozenset(
            entry.name for entry in self.bindings.dunder_all or ())

    def run(self) -> list[Finding]:
        if not self.bindings.complete:
            self.unresolved_imports()
            return self.findings
        star_names = self.star_import_names()
        self.undefined_names(star_names)
        self.dunder_all(star_names)
        for scope in self.bindings.scopes():
            if scope.kind == 'builtins':
                continue
            for symbol in scope.symbols.values():
                self.check_symbol(scope, symbol)
        self.unresolved_imports()
        return self.findings

    def report(self, code: str, message: str, position, data: dict | None = None) -> None:
        self.findings.append(_finding(code, message, position, data))

    # -- star imports ------------------------------------------------------------------------

    def star_import_names(self) -> frozenset[str] | None:
        """Names the module's star imports may bind; None if one cannot be resolved."""
        names: set[str] = set()
        resolvable = True
        for scope in self.bindings.scopes():
            for module, level, node in scope.star_imports:
                written = '.' * level + (module or '')
                location = self.resolver.locate_module(module, level)
                provided = (star_import_names(location, self.resolver.path)
                            if location else None)
                if provided is not None:
                    names.update(provided)
                    continue
                resolvable = False
                if location is None:
                    self.report('M030', f"cannot resolve import '{written}'",
                                self.node_position(node), {'module': written})
                else:
                    self.report('M031', f"the names 'from {written} import *' binds cannot be "
                                        'known: undefined names are not reported',
                                self.node_position(node))
        return frozenset(names) if resolvable else None

    def node_position(self, node) -> tuple[int, int, int, int]:
        lines = self.analysis.lines
        lineno = node.lineno
        line = lines[lineno - 1] if lineno <= len(lines) else ''
        col = _characters(line, node.col_offset)
        end_lineno = node.end_lineno or lineno
        end_line = lines[end_lineno - 1] if end_lineno <= len(lines) else ''
        return lineno, col, end_lineno, _characters(end_line, node.end_col_offset)

    # -- undefined names ---------------------------------------------------------------------

    def undefined_names(self, star_names: frozenset[str] | None) -> None:
        error_names = self.bindings.error_names
        # (Walk order: findings are sorted by position at the end.)
        for occurrence in self.bindings.walked_occurrences:
            resolution = occurrence.resolution
            if resolution not in ('unresolved', 'before-definition', 'deleted'):
                if resolution == 'local' and occurrence.ctx != 'store':
                    self.unbound_local(occurrence)
                continue
            if occurrence.ctx not in ('load', 'del', 'augmented'):
                continue
            name = occurrence.name
            if name in error_names or 'name-error-guard' in occurrence.flags:
                continue
            if resolution != 'unresolved' and self.writes_namespace(occurrence.scope):
                continue
            if star_names is None or name in star_names:
                continue
            message = f"undefined name '{name}'"
            if resolution == 'before-definition':
                message += ' (used before it is assigned)'
            elif resolution == 'deleted':
                message += ' (used after it is deleted)'
            self.report('M010', message, occurrence.range, {'name': name})

    def unbound_local(self, occurrence) -> None:
        """A function-body read that runs before every assignment of its local name."""
        symbol = occurrence.symbol
        scope = symbol.scope
        if scope.kind != 'function' or occurrence.scope is not scope:
            return
        if 'name-error-guard' in occurrence.flags or occurrence.name in self.bindings.error_names:
            return
        if occurrence.name in scope.declarations or occurrence.name == '__class__':
            return
        if deleted_before(symbol, occurrence):
            self.report('M012', f"local variable '{occurrence.name}' is used after it is "
                                'deleted (UnboundLocalError)', occurrence.range,
                        {'name': occurrence.name})
            return
        for binding in symbol.bindings:
            if not binding.binds_value:
                continue
            if (binding.order < occurrence.order or 'in-function' in binding.flags
                    or (binding.loops and set(binding.loops) & set(occurrence.loops))):
                return
            if binding.site is not scope:
                return
        self.report('M012', f"local variable '{occurrence.name}' is used before any "
                            'assignment in this function (UnboundLocalError)',
                    occurrence.range, {'name': occurrence.name})

    def dunder_all(self, star_names: frozenset[str] | None) -> None:
        entries = self.bindings.dunder_all
        if not entries or self.is_package_init or star_names is None:
            return
        if self.writes_globals() or self.bindings.dunder_all_dynamic:
            return
        module = self.bindings.module
        for entry in entries:
            symbol = module.symbols.get(entry.name)
            if symbol is not None and any(b.binds_value for b in symbol.bindings):
                continue
            if entry.name in star_names or entry.name in self.bindings.error_names:
                continue
            self.report('M011', f"undefined name '{entry.name}' in __all__", entry.range,
                        {'name': entry.name})

    # -- unused and redefined ----------------------------------------------------------------

    def check_symbol(self, scope: Scope, symbol: Symbol) -> None:
        bindings = symbol.bindings
        if not bindings:
            return
        if len(bindings) > 1:
            self.redefinitions(scope, symbol)
        name = symbol.name
        if name in self.bindings.error_names:
            return
        # A module-level read that runs before every binding reads nothing of them; a `del`
        # before the last binding does not use that binding.
        last_order = bindings[-1].order
        used = any((o.ctx in ('load', 'augmented', 'declare')
                    or (o.ctx == 'del' and o.order > last_order
                        and 'in-branch' not in o.flags))
                   and o.resolution not in ('before-definition', 'deleted')
                   for o in symbol.occurrences)
        if scope.kind in ('module', 'function', 'lambda') and not used:
            last = bindings[-1]
            if last.kind == 'import':
                if not self.package_used_through_alias(scope, last):
                    self.unused_import(scope, last)
            elif scope.kind == 'function':
                self.unused_variable(scope, symbol, last)
        for binding in bindings:
            if binding.kind == 'except-handler':
                self.unused_handler_name(symbol, binding)

    def unused_import(self, scope: Scope, binding: Binding) -> None:
        if 'future' in binding.flags:
            return
        if scope.kind == 'module' and binding.name in self.dunder_all_names:
            return
        if (self.is_package_init and binding.imported_name is not None
                and binding.imported_name == binding.name
                and self.written_alias(binding)):
            # `from .x import y as y` in a package: an explicit re-export (PEP 484).
            return
        described = _import_description(binding)
        self.report('M020', f"'{described}' imported but unused", binding.range,
                    {'name': binding.name, 'statement': list(self.node_position(binding.node)),
                     'imported': described})

    def package_used_through_alias(self, scope: Scope, binding: Binding) -> bool:
        """`import a as x; import a.b`: using `x.b` needs the second import."""
        if binding.imported_name is not None or '.' not in (binding.module or ''):
            return False
        package = binding.module.partition('.')[0]
        if binding.name != package:
            return False
        for symbol in scope.symbols.values():
            if symbol.name == binding.name or not symbol.occurrences:
                continue
            for other in symbol.bindings:
                if (other.kind == 'import' and other.imported_name is None
                        and other.module == package
                        and any(o.ctx == 'load' for o in symbol.occurrences)):
                    return True
        return False

    def written_alias(self, binding: Binding) -> bool:
        line = self.analysis.lines[binding.lineno - 1]
        return bool(re.search(r'\bas\s*$', line[:binding.col]))

    def unused_variable(self, scope: Scope, symbol: Symbol, last: Binding) -> None:
        if symbol.name == '_' or symbol.name in _ALWAYS_USED or self.calls_locals(scope):
            return
        if (last.kind not in ('assignment', 'walrus', 'with-target', 'match-capture')
                or 'unpacking' in last.flags):
            return
        if last.site is not scope:
            return
        self.report('M021', f"local variable '{symbol.name}' is assigned to but never used",
                    last.range, {'name': symbol.name})

    def unused_handler_name(self, symbol: Symbol, binding: Binding) -> None:
        handler = binding.node
        start = (handler.lineno, 0)
        end = (handler.end_lineno or handler.lineno, 10 ** 9)
        # A nested handler binding the same name hides this one inside it.
        hidden = [(b.node.lineno, b.node.end_lineno or b.node.lineno) for b in symbol.bindings
                  if b.kind == 'except-handler' and b is not binding
                  and start < (b.node.lineno, b.node.col_offset) <= end]
        for occurrence in symbol.occurrences:
            if (occurrence.ctx != 'store'
                    and start <= (occurrence.lineno, occurrence.col) <= end
                    and not any(first <= occurrence.lineno <= last for first, last in hidden)):
                return
        self.report('M021', f"local variable '{symbol.name}' is assigned to but never used",
                    binding.range, {'name': symbol.name})

    def writes_namespace(self, scope: Scope) -> bool:
        """Whether the scope's own code calls `locals()`, `globals()` or `vars()`: it may
        bind any name at any time."""
        for name in ('locals', 'globals', 'vars'):
            symbol = self.bindings.builtins.symbols.get(name)
            if symbol is not None and any(o.scope is scope for o in symbol.occurrences):
                return True
        return False

    def writes_globals(self) -> bool:
        """Whether module-level code calls `globals()` or `vars()`: it may bind any name."""
        module = self.bindings.module
        for name in ('globals', 'vars'):
            symbol = self.bindings.builtins.symbols.get(name)
            if symbol is not None and any(runs_immediately(o.scope, module) for o in symbol.occurrences):
                return True
        return False

    def calls_locals(self, scope: Scope) -> bool:
        symbol = self.bindings.builtins.symbols.get('locals')
        if symbol is None:
            return False
        return any(o.scope is scope for o in symbol.occurrences)

    def redefinitions(self, scope: Scope, symbol: Symbol) -> None:
        """pyflakes's "redefinition of unused name": a def, class or import (or an assignment
        over one of those) that replaces a binding nothing has read yet, on the same path."""
        # Forward references in strings are read later (as pyflakes defers them).
        loads = sorted(o.order for o in symbol.occurrences
                       if o.ctx in ('load', 'augmented', 'del') and runs_immediately(o.scope, scope)
                       and 'string-annotation' not in o.flags)
        bindings = [b for b in symbol.bindings if b.site is scope]
        for index in range(1, len(bindings)):
            value = bindings[index]
            existing = bindings[index - 1]
            if not _redefines(value, existing) or _different_forks(value, existing):
                continue
            if value.name == '_' and existing.kind != 'import':
                continue
            # A rebinding inherits "used" from the binding it replaces (pyflakes), so any read
            # before the redefinition counts.
            if loads and loads[0] < value.order:
                continue
            if existing.kind == 'function' and _is_overload(existing.node):
                continue
            if 'future' in existing.flags:
                continue
            self.report('M022', f"redefinition of unused '{value.name}' from line "
                                f'{existing.lineno}', value.range,
                        {'name': value.name, 'previous': list(existing.range),
                         'statement': list(self.node_position(value.node))})

    # -- imports -----------------------------------------------------------------------------

    def unresolved_imports(self) -> None:
        if not self.resolver.available:
            return
        reported = set()
        for binding in self.bindings.bindings():
            if binding.kind != 'import' or binding.flags & {'import-guarded', 'platform-guarded'}:
                continue
            if 'future' in binding.flags:
                continue
            node = binding.node
            key = id(node), binding.module, binding.imported_name
            if key in reported:
                continue
            reported.add(key)
            missing = self.resolver.missing(binding)
            if missing is not None:
                self.report('M030', f"cannot resolve import '{missing}'", binding.range,
                            {'module': missing})
            elif 'type-checking' not in binding.flags and self.resolver.missing_name(binding):
                # (Under TYPE_CHECKING, names come from stubs, which may have more.)
                written = '.' * binding.level + (binding.module or '')
                self.report('M032', f"cannot import name '{binding.imported_name}' from "
                                    f"'{written}'", binding.range,
                            {'module': written, 'name': binding.imported_name})


def _redefines(value: Binding, existing: Binding) -> bool:
    """pyflakes's `redefines`: which kind of binding replaces which."""
    if value.kind == 'annotation':
        return False
    existing_definition = existing.kind in _DEFINITIONS
    if value.kind == 'import':
        value_submodule = value.imported_name is None and '.' in (value.module or '')
        existing_submodule = (existing.kind == 'import' and existing.imported_name is None
                              and '.' in (existing.module or ''))
        if existing_submodule or (value_submodule and existing.kind == 'import'):
            return _full_name(value) == _full_name(existing)
        return existing_definition
    if value.kind in ('function', 'class'):
        return existing_definition or (existing.kind in ('assignment', 'walrus')
                                       and 'unpacking' not in existing.flags)
    if value.kind in ('augmented-assignment', 'except-handler', 'submodule'):
        return False
    return existing_definition


def _full_name(binding: Binding) -> str:
    if binding.imported_name is not None:
        return f"{'.' * binding.level}{binding.module or ''}.{binding.imported_name}"
    return binding.module or binding.name


def _import_description(binding: Binding) -> str:
    """How pyflakes names an import in its message."""
    if binding.imported_name is not None:
        module = '.' * binding.level + (binding.module or '')
        if binding.level and not binding.module:
            full = module + binding.imported_name
        else:
            full = f'{module}.{binding.imported_name}'
        return full if binding.name == binding.imported_name else f'{full} as {binding.name}'
    module = binding.module or binding.name
    if module.split('.')[-1] == binding.name or '.' in module and binding.name == module.split(
            '.')[0]:
        return module
    return f'{module} as {binding.name}'


def _different_forks(first: Binding, second: Binding) -> bool:
    """Whether the two bindings are in different branches of one if/try/match."""
    for (fork_a, branch_a), (fork_b, branch_b) in zip(first.forks, second.forks):
        if fork_a != fork_b:
            return False
        if branch_a != branch_b:
            return True
    return False


def _is_overload(node) -> bool:
    for decorator in getattr(node, 'decorator_list', None) or ():
        kind = type(decorator).__name__
        if kind == 'Name' and decorator.id == 'overload':
            return True
        if kind == 'Attribute' and decorator.attr == 'overload':
            return True
    return False


def _characters(line: str, byte_col: int) -> int:
    if byte_col <= 0 or line.isascii():
        return byte_col
    return len(line.encode('utf-8')[:byte_col].decode('utf-8', 'replace'))
