"""The match statement and its patterns (PEP 634)."""

from __future__ import annotations

from .. import nodes as n
from ..diagnostics import SyntaxDiagnostic
from ..tokens import DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, NUMBER, OP, STRING
from .core import LOAD, ParseError
from .messages import Msg
from .recovery import ensure_progress, skip_line

__all__ = ['PatternRules']


class _Committed(Exception):
    """A match statement was recognised and its error reported: do not backtrack."""


class PatternRules:
    """Mixin with match_stmt and the pattern rules of Grammar/python.gram."""

    # match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    # subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    def match_stmt(self):
        """A match statement, or None (cursor untouched) when `match` is just a name here."""
        saved_i, saved_errors, depth = self.i, len(self.errors), self.depth
        tok = self.advance()
        try:
            start = self.tok
            element = self.i
            subject = self.star_named_expression()
            if self.tok.string == ',':
                elts = [subject]
                while self.tok.string == ',':
                    self.advance()
                    if self.tok.string == ':':
                        break
                    element = self.i
                    elts.append(self.star_named_expression())
                end = self.prev
                subject = n.Tuple(elts, LOAD, start.lineno, start.col, end.end_lineno,
                                  end.end_col)
            if self.tok.string == '=' and self.tok.kind == OP:
                # The subject is a named_expression: CPython's invalid_named_expression.
                hint = self.assignment_hint_at(element)
                if isinstance(hint, SyntaxDiagnostic):
                    self.errors.append(hint)
                    raise _Committed
                if hint is not None:
                    self.error(*hint)
                    raise _Committed
            if self.tok.kind == NEWLINE and self._never_an_expression(saved_i):
                # 'match x' cannot be an expression statement: CPython's invalid_match_stmt.
                self.error(Msg.EXPECTED.format(':'), self.tok)
                raise _Committed
            if self.tok.string != ':' or self.toks[self.i + 1].kind != NEWLINE:
                raise ParseError
        except _Committed:
            raise ParseError from None
        except ParseError:
            self.match_reach = (tok, self.tok)
            self.i, self.tok, self.depth = saved_i, self.toks[saved_i], depth
            del self.errors[saved_errors:]
            return None
        self.advance()
        self.advance()
        if self.tok.kind != INDENT:
            self.fail(Msg.EXPECTED_BLOCK.format('match', tok.lineno), self.tok,
                      kind='IndentationError')
        self.advance()
        cases = []
        while self.tok.kind != DEDENT and self.tok.kind != ENDMARKER:
            before = self.i
            depth = self.depth
            try:
                if self.tok.string != 'case' or self.tok.kind != NAME:
                    self.fail(Msg.INVALID_SYNTAX, self.tok)
                cases.append(self.case_block())
            except ParseError:
                # One bad case: skip it (and its block) and go on with the next one.
                self.depth = depth
                skip_line(self)
                if self.tok.kind == INDENT:
                    self.advance()
                    self.statements()
                    if self.tok.kind == DEDENT:
                        self.advance()
            ensure_progress(self, before)
        if self.tok.kind == DEDENT:
            self.advance()
        end = self.last_solid()
        return n.Match(subject, cases, tok.lineno, tok.col, end.end_lineno, end.end_col)

    def _never_an_expression(self, match_index) -> bool:
        nxt = self.toks[match_index + 1]
        return nxt.kind in (NAME, NUMBER, STRING) or nxt.string in ('{', '~', '...')

    # case_block: "case" patterns guard? ':' block
    def case_block(self):
        tok = self.advance()
        pattern = self.patterns()
        guard = None
        if self.tok.string == 'if' and self.tok.kind == NAME:
            self.advance()
            guard = self.named_expression()
        self.colon()
        body = self.block(tok, 'case')
        return n.match_case(pattern, guard, body)

    # patterns: open_sequence_pattern | pattern
    def patterns(self):
        start = self.tok
        first = self.maybe_star_pattern()
        if self.tok.string != ',':
            if type(first) is n.MatchStar:
                return self._seq(start, [first])
            return first
        items = [first]
        while self.tok.string == ',':
            self.advance()
            if self.tok.string in (':', 'if'):
                break
            items.append(self.maybe_star_pattern())
        return self._seq(start, items)

    def _seq(self, start, items):
        end = self.prev
        return n.MatchSequence(items, start.lineno, start.col, end.end_lineno, end.end_col)

    # maybe_star_pattern: star_pattern | pattern
    # star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
    def maybe_star_pattern(self):
        tok = self.tok
        if tok.string == '*' and tok.kind == OP:
            self.advance()
            name = self.tok
            if name.kind != NAME:
                self.fail(Msg.INVALID_SYNTAX, name)
            self.advance()
            value = None if name.string == '_' else self.identifier(name.string)
            return n.MatchStar(value, tok.lineno, tok.col, name.end_lineno, name.end_col)
        return self.pattern()

    # pattern: as_pattern | or_pattern
    # as_pattern: or_pattern 'as' pattern_capture_target
    def pattern(self):
        start = self.tok
        node = self.or_pattern()
        if self.tok.string == 'as' and self.tok.kind == NAME:
            self.advance()
            name = self.tok
            if name.kind != NAME or name.string in _KEYWORDS:
                # CPython's invalid_as_pattern: an expression there is named as one.
                # (Its range is the expression node's: parentheses left out.)
                mark, name_index = len(self.errors), self.i
                try:
                    target = self.expression()
                except ParseError:
                    del self.errors[mark:]
                    self.i, self.tok = name_index, name
                    self.fail(Msg.INVALID_SYNTAX, name)
                self.fail(Msg.INVALID_PATTERN_TARGET, target)
            if name.string == '_':
                self.fail(Msg.PATTERN_WILDCARD_TARGET, name)
            self.advance()
            node = n.MatchAs(node, self.identifier(name.string), start.lineno, start.col,
                             name.end_lineno, name.end_col)
        return node

    # or_pattern: '|'.closed_pattern+
    def or_pattern(self):
        start = self.tok
        first = self.closed_pattern()
        if self.tok.string != '|':
            return first
        items = [first]
        while self.tok.string == '|':
            self.advance()
            items.append(self.closed_pattern())
        end = self.prev
        return n.MatchOr(items, start.lineno, start.col, end.end_lineno, end.end_col)

    # closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern
    #               | group_pattern | sequence_pattern | mapping_pattern | class_pattern
    def closed_pattern(self):
        tok = self.tok
        kind = tok.kind
        s = tok.string
        if kind == NAME:
            if s in ('None', 'True', 'False'):
                self.advance()
                value = None if s == 'None' else s == 'True'
                return n.MatchSingleton(value, tok.lineno, tok.col, tok.end_lineno, tok.end_col)
            if s in _KEYWORDS:
                self.fail(Msg.INVALID_SYNTAX, tok)
            self.advance()
            node = n.Name(self.identifier(s), LOAD, tok.lineno, tok.col, tok.end_lineno,
                          tok.end_col)
            dotted = False
            while self.tok.string == '.':
                self.advance()
                attr = self.tok
                if attr.kind != NAME:
                    self.fail(Msg.INVALID_SYNTAX, attr)
                self.advance()
                node = n.Attribute(node, self.identifier(attr.string), LOAD, tok.lineno,
                                   tok.col, attr.end_lineno, attr.end_col)
                dotted = True
            if self.tok.string == '(':
                return self.class_pattern(node, tok)
            if dotted:
                return n.MatchValue(node, tok.lineno, tok.col, node.end_lineno,
                                    node.end_col_offset)
            name = None if s == '_' else node.id
            return n.MatchAs(None, name, tok.lineno, tok.col, tok.end_lineno, tok.end_col)
        if kind == NUMBER or (kind == OP and s == '-'):
            value = self.signed_number()
            return n.MatchValue(value, value.lineno, value.col_offset, value.end_lineno,
                                value.end_col_offset)
        if kind == STRING:
            value = self.strings()
            if type(value) is n.JoinedStr:
                self.fail(Msg.PATTERN_LITERALS, value)
            return n.MatchValue(value, value.lineno, value.col_offset, value.end_lineno,
                                value.end_col_offset)
        if kind == OP:
            if s == '(':
                return self.paren_pattern()
            if s == '[':
                open_ = self.advance()
                items = self._pattern_items(']')
                end = self.expect(']')
                return n.MatchSequence(items, open_.lineno, open_.col, end.end_lineno,
                                       end.end_col)
            if s == '{':
                return self.mapping_pattern()
        self.fail(Msg.INVALID_SYNTAX, tok)

    def _pattern_items(self, closer):
        items = []
        while self.tok.string != closer:
            items.append(self.maybe_star_pattern())
            if self.tok.string != ',':
                break
            self.advance()
        return items

    # group_pattern: '(' pattern ')'    sequence_pattern: '(' open_sequence_pattern? ')'
    def paren_pattern(self):
        open_ = self.advance()
        if self.tok.string == ')':
            end = self.advance()
            return n.MatchSequence([], open_.lineno, open_.col, end.end_lineno, end.end_col)
        first = self.maybe_star_pattern()
        if self.tok.string == ')' and type(first) is not n.MatchStar:
            self.advance()
            return first
        items = [first]
        if self.tok.string == ',':
            self.advance()
            items.extend(self._pattern_items(')'))
        end = self.expect(')')
        return n.MatchSequence(items, open_.lineno, open_.col, end.end_lineno, end.end_col)

    # signed_number / complex_number: ['-'] NUMBER [('+' | '-') NUMBER]
    def signed_number(self):
        start = self.tok
        if start.string == '-':
            self.advance()
            num = self._number()
            end = self.prev
            value = n.UnaryOp(n.USub(), num, start.lineno, start.col, end.end_lineno, end.end_col)
        else:
            value = num = self._number()
        if self.tok.string in ('+', '-') and self.tok.kind == OP:
            if isinstance(num.value, complex):
                self.fail(Msg.PATTERN_REAL, num)
            op = self.advance()
            right = self._number()
            if not isinstance(right.value, complex):
                self.fail(Msg.PATTERN_IMAGINARY, right)
            end = self.prev
            value = n.BinOp(value, n.Add() if op.string == '+' else n.Sub(), right,
                            start.lineno, start.col, end.end_lineno, end.end_col)
        return value

    def _number(self):
        tok = self.tok
        if tok.kind != NUMBER:
            self.fail(Msg.INVALID_SYNTAX, tok)
        return self.atom()

    # mapping_pattern: '{' [items_pattern] [double_star_pattern] [','] '}'
    def mapping_pattern(self):
        open_ = self.advance()
        keys, patterns = [], []
        rest = None
        while self.tok.string != '}':
            tok = self.tok
            if tok.string == '**':
                self.advance()
                name = self.tok
                # double_star_pattern: '**' pattern_capture_target (not '_', not a keyword)
                if name.kind != NAME or name.string == '_' or name.string in _KEYWORDS:
                    self.fail(Msg.INVALID_SYNTAX, name)
                self.advance()
                rest = self.identifier(name.string)
                if self.tok.string == ',' and self.toks[self.i + 1].string != '}':
                    self.fail(Msg.INVALID_SYNTAX, self.toks[self.i + 1])
            else:
                if tok.kind == NAME and tok.string not in ('None', 'True', 'False'):
                    key = self.closed_pattern()
                    if type(key) is not n.MatchValue:
                        self.fail(Msg.INVALID_SYNTAX, tok)
                    key = key.value
                elif tok.kind == NAME:
                    self.advance()
                    value = None if tok.string == 'None' else tok.string == 'True'
                    key = n.Constant(value, None, tok.lineno, tok.col, tok.end_lineno,
                                     tok.end_col)
                elif tok.kind == STRING:
                    key = self.strings()
                else:
                    key = self.signed_number()
                self.expect(':')
                keys.append(key)
                patterns.append(self.pattern())
            if self.tok.string != ',':
                break
            self.advance()
        end = self.expect('}')
        return n.MatchMapping(keys, patterns, rest, open_.lineno, open_.col, end.end_lineno,
                              end.end_col)

    # class_pattern: name_or_attr '(' [pattern_arguments ','?] ')'
    def class_pattern(self, cls, start):
        self.advance()
        patterns, kwd_attrs, kwd_patterns = [], [], []
        while self.tok.string != ')':
            tok = self.tok
            if tok.kind == NAME and self.toks[self.i + 1].string == '=':
                self.advance()
                self.advance()
                kwd_attrs.append(self.identifier(tok.string))
                kwd_patterns.append(self.pattern())
            else:
                pat = self.pattern()
                if kwd_attrs:
                    self.fail(Msg.POSITIONAL_PATTERN, pat)
                patterns.append(pat)
            if self.tok.string != ',':
                break
            self.advance()
        end = self.expect(')')
        return n.MatchClass(cls, patterns, kwd_attrs, kwd_patterns, start.lineno, start.col,
                            end.end_lineno, end.end_col)


_KEYWORDS = frozenset({
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
    'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
})
