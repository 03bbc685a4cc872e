"""`match` statements: every pattern kind, with CPython's matching rules.

A pattern compiles to `matcher(f, subject, captures) -> bool`; captures collect
(store, value) pairs that are bound only once the whole pattern has matched, as in CPython.
"""

from __future__ import annotations

from .core import CompileError

__all__ = ['PatternCompiler', 'match_case', 'traced_generator_match']

_SEQUENCE_FLAG = 1 << 5
_MAPPING_FLAG = 1 << 6
_SELF_MATCHING = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)
_MISSING = object()


def _is_sequence(subject) -> bool:
    return bool(type(subject).__flags__ & _SEQUENCE_FLAG)


def _is_mapping(subject) -> bool:
    return bool(type(subject).__flags__ & _MAPPING_FLAG)


def match_case(f, matcher, subject, pattern_node) -> bool:
    """Match one case's pattern; bind its captures only if the whole pattern matched."""
    captures = []
    try:
        matched = matcher(f, subject, captures)
    except BaseException as e:
        if f.exc is not e:
            f.exc = e
            f.exc_node = pattern_node
        raise
    if not matched:
        return False
    for store, captured in captures:
        store(f, captured)
    return True


class PatternCompiler:
    """Mixin: `stmt_Match` and `pattern_<Node>` for each pattern kind."""

    def stmt_Match(self, node):
        subject = self.expr(node.subject)
        cases = []
        for case in node.cases:
            matcher = self.pattern(case.pattern)
            guard = self.expr(case.guard) if case.guard is not None else None
            body = self.block(case.body)
            cases.append((matcher, guard, body, case.pattern))
        cases = tuple(cases)
        if self.instrument:
            guard_lines = tuple(case.guard.lineno if case.guard is not None else None
                                for case in node.cases)
            return _traced_match(subject, cases, guard_lines)

        def match(f):
            value = subject(f)
            for matcher, guard, body, pattern_node in cases:
                if not match_case(f, matcher, value, pattern_node):
                    continue
                if guard is not None and not guard(f):
                    continue
                return body(f)
            return None

        return match

    def pattern(self, node):
        method = getattr(self, 'pattern_' + type(node).__name__, None)
        if method is None:
            raise CompileError(f'pattern {type(node).__name__} is not supported')
        return method(node)

    def pattern_MatchValue(self, node):
        value = self.expr(node.value)

        def match_value(f, subject, captures):
            return subject == value(f)

        return match_value

    def pattern_MatchSingleton(self, node):
        value = node.value

        def match_singleton(f, subject, captures):
            return subject is value

        return match_singleton

    def pattern_MatchAs(self, node):
        inner = self.pattern(node.pattern) if node.pattern is not None else None
        store = self.store_name(self.scope.mangle(node.name)) if node.name else None
        if inner is None and store is None:
            return lambda f, subject, captures: True
        if inner is None:
            def capture(f, subject, captures):
                captures.append((store, subject))
                return True

            return capture

        def match_as(f, subject, captures):
            if not inner(f, subject, captures):
                return False
            if store is not None:
                captures.append((store, subject))
            return True

        return match_as

    def pattern_MatchOr(self, node):
        alternatives = tuple(self.pattern(p) for p in node.patterns)

        def match_or(f, subject, captures):
            for alternative in alternatives:
                attempt = []
                if alternative(f, subject, attempt):
                    captures.extend(attempt)
                    return True
            return False

        return match_or

    def pattern_MatchSequence(self, node):
        patterns = node.patterns
        star = next((i for i, p in enumerate(patterns) if type(p).__name__ == 'MatchStar'),
                    None)
        if star is None:
            items = tuple(self.pattern(p) for p in patterns)
            count = len(items)

            def match_sequence(f, subject, captures):
                if not _is_sequence(subject) or len(subject) != count:
                    return False
                for index, item in enumerate(items):
                    if not item(f, subject[index], captures):
                        return False
                return True

            return match_sequence
        before = tuple(self.pattern(p) for p in patterns[:star])
        after = tuple(self.pattern(p) for p in patterns[star + 1:])
        star_name = patterns[star].name
        star_store = self.store_name(self.scope.mangle(star_name)) if star_name else None
        minimum = len(before) + len(after)

        if not minimum:
            # `[*_]`, `[*rest]`: CPython checks no length (and unpacks by iterating)
            def match_only_star(f, subject, captures):
                if not _is_sequence(subject):
                    return False
                if star_store is not None:
                    *values, = subject  # UNPACK_EX, with its TypeError
                    captures.append((star_store, values))
                return True

            return match_only_star

        def match_star_sequence(f, subject, captures):
            if not _is_sequence(subject):
                return False
            size = len(subject)
            if size < minimum:
                return False
            for index, item in enumerate(before):
                if not item(f, subject[index], captures):
                    return False
            if star_store is not None:
                captures.append((star_store, list(subject[len(before):size - len(after)])))
            for index, item in enumerate(after):
                if not item(f, subject[size - len(after) + index], captures):
                    return False
            return True

        return match_star_sequence

    def pattern_MatchMapping(self, node):
        keys = tuple(self.expr(k) for k in node.keys)
        values = tuple(self.pattern(p) for p in node.patterns)
        rest = self.store_name(self.scope.mangle(node.rest)) if node.rest else None

        def match_mapping(f, subject, captures):
            if not _is_mapping(subject):
                return False
            if keys and len(subject) < len(keys):  # (no length asked of `{}`, as CPython)
                return False
            seen = []
            found = []
            for key in keys:
                key_value = key(f)
                if key_value in seen:
                    raise ValueError(f'mapping pattern checks duplicate key ({key_value!r})')
                seen.append(key_value)
                item = subject.get(key_value, _MISSING)
                if item is _MISSING:
                    return False
                found.append(item)
            for pattern, item in zip(values, found):
                if not pattern(f, item, captures):
                    return False
            if rest is not None:
                remaining = dict(subject)
                for key_value in seen:
                    del remaining[key_value]
                captures.append((rest, remaining))
            return True

        return match_mapping

    def pattern_MatchClass(self, node):
        cls = self.expr(node.cls)
        positional = tuple(self.pattern(p) for p in node.patterns)
        keyword_names = tuple(node.kwd_attrs)
        keyword_patterns = tuple(self.pattern(p) for p in node.kwd_patterns)

        def match_class(f, subject, captures):
            kind = cls(f)
            if not isinstance(kind, type):
                raise TypeError('called match pattern must be a class')
            if not isinstance(subject, kind):
                return False
            names = []
            self_match = False
            if positional:
                match_args = getattr(kind, '__match_args__', _MISSING)
                if match_args is _MISSING:
                    match_args = ()
                elif not isinstance(match_args, tuple):
                    raise TypeError(f'{kind.__name__}.__match_args__ must be a tuple (got '
                                    f'{type(match_args).__name__})')
                self_match = match_args == () and _self_matching(kind)
                allowed = 1 if self_match else len(match_args)
                if len(positional) > allowed:
                    plural = '' if allowed == 1 else 's'
                    raise TypeError(f'{kind.__name__}() accepts {allowed} positional '
                                    f'sub-pattern{plural} ({len(positional)} given)')
            # CPython's MATCH_CLASS fetches every attribute first (a repeated name is a
            # TypeError, a missing one no match; a self-matching class gives the subject),
            # then the sub-patterns match in order
            items = [(positional[0], subject)] if self_match else []
            named = () if not positional or self_match else zip(match_args, positional)
            for name, pattern in [*named, *zip(keyword_names, keyword_patterns)]:
                if not isinstance(name, str):
                    raise TypeError(f'__match_args__ elements must be strings (got '
                                    f'{type(name).__name__})')
                if name in names:
                    raise TypeError(f'{kind.__name__}() got multiple sub-patterns for '
                                    f"attribute '{name}'")
                names.append(name)
                item = getattr(subject, name, _MISSING)
                if item is _MISSING:
                    return False
                items.append((pattern, item))
            for pattern, item in items:
                if not pattern(f, item, captures):
                    return False
            return True

        return match_class


def _self_matching(kind: type) -> bool:
    return any(base in _SELF_MATCHING for base in kind.__mro__)


def _traced_match(subject, cases, guard_lines):
    """A `match` under the step hooks: CPython's bytecode tries each case's pattern on the
    pattern's line (a guard on its own), so each case tried reports its line."""
    from ..runtime.tracing import line_event

    traced = tuple(zip(cases, guard_lines))

    def traced_match(f):
        value = subject(f)
        for (matcher, guard, body, pattern_node), guard_line in traced:
            line_event(f, pattern_node.lineno)
            if not match_case(f, matcher, value, pattern_node):
                continue
            if guard is not None:
                line_event(f, guard_line)
                if not guard(f):
                    continue
            return body(f)
        return None

    return traced_match


def traced_generator_match(subject, subject_gen: bool, cases, guard_lines):
    """`_traced_match` for a `match` that yields (a generator closure): cases are (matcher,
    (guard, is_generator) or None, body, body_is_generator, pattern node)."""
    from ..runtime.tracing import line_event

    traced = tuple(zip(cases, guard_lines))

    def traced_match(f):
        value = (yield from subject(f)) if subject_gen else subject(f)
        for (matcher, guard, body, body_gen, pattern_node), guard_line in traced:
            line_event(f, pattern_node.lineno)
            if not match_case(f, matcher, value, pattern_node):
                continue
            if guard is not None:
                line_event(f, guard_line)
                test, test_gen = guard
                if not ((yield from test(f)) if test_gen else test(f)):
                    continue
            return (yield from body(f)) if body_gen else body(f)
        return None

    return traced_match
