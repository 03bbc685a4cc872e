"""Expression rules: precedence climbing for binary operators, atoms, calls, comprehensions."""

from __future__ import annotations

from .. import nodes as n
from ..diagnostics import SyntaxDiagnostic
from ..literals import LiteralError, parse_number
from ..tokens import DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, NUMBER, OP, STRING
from .core import LOAD, STORE, ParseError
from .memo import MAX_DEPTH, parse_bracketed
from .messages import Msg

__all__ = ['ExpressionRules']

BIN_PREC = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5,
            '*': 6, '/': 6, '//': 6, '%': 6, '@': 6}
BIN_OPS = {'|': n.BitOr(), '^': n.BitXor(), '&': n.BitAnd(), '<<': n.LShift(), '>>': n.RShift(),
           '+': n.Add(), '-': n.Sub(), '*': n.Mult(), '/': n.Div(), '//': n.FloorDiv(),
           '%': n.Mod(), '@': n.MatMult(), '**': n.Pow()}
UNARY_OPS = {'-': n.USub(), '+': n.UAdd(), '~': n.Invert()}
CMP_OPS = {'==': n.Eq(), '!=': n.NotEq(), '<': n.Lt(), '<=': n.LtE(), '>': n.Gt(), '>=': n.GtE(),
           'in': n.In(), 'is': n.Is()}
CMP_START = frozenset(('==', '!=', '<', '<=', '>', '>=', 'in', 'is', 'not', '<>'))
NOT_IN, IS_NOT, NOT, AND, OR = n.NotIn(), n.IsNot(), n.Not(), n.And(), n.Or()
# Tokens after which an expression cannot go on: an error before one of them is "invalid syntax"
# rather than a missing comma.
_ENDERS = frozenset((')', ']', '}', ',', ':', '=', ';', 'for', 'if', 'else', 'in', 'as', 'from',
                     'async', 'and', 'or', 'not', 'is', '->', ':=', 'lambda'))
_ATOM_START_KINDS = (NAME, NUMBER, STRING)
MAX_UNARY = 3000


from .strings import build_string_atom


class ExpressionRules:
    """Mixin with the expression rules of Grammar/python.gram."""

    # star_expressions: star_expression (',' star_expression)* [',']
    def star_expressions(self):
        start = self.tok
        first = self.star_expression()
        if self.tok.string != ',':
            return first
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if not self._starts_expression():
                break
            elts.append(self.star_expression())
        end = self.prev
        return n.Tuple(elts, LOAD, start.lineno, start.col, end.end_lineno, end.end_col)

    # star_expression: '*' bitwise_or | expression
    def star_expression(self):
        tok = self.tok
        if tok.string == '*' and tok.kind == OP:
            self.advance()
            value = self.bitwise_or()
            end = self.prev
            return n.Starred(value, LOAD, tok.lineno, tok.col, end.end_lineno, end.end_col)
        return self.expression()

    # star_named_expression: '*' bitwise_or | named_expression
    def star_named_expression(self):
        tok = self.tok
        if tok.string == '*' and tok.kind == OP:
            self.advance()
            value = self.bitwise_or()
            end = self.prev
            return n.Starred(value, LOAD, tok.lineno, tok.col, end.end_lineno, end.end_col)
        return self.named_expression()

    # expressions: expression (',' expression)* [',']
    def expressions(self):
        start = self.tok
        first = self.expression()
        if self.tok.string != ',':
            return first
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if not self._starts_expression():
                break
            elts.append(self.expression())
        end = self.prev
        return n.Tuple(elts, LOAD, start.lineno, start.col, end.end_lineno, end.end_col)

    def _starts_expression(self) -> bool:
        return self._starts_expression_at(self.i)

    def _starts_expression_at(self, index: int) -> bool:
        tok = self.toks[index]
        kind = tok.kind
        if kind == NAME:
            return tok.string not in _NOT_EXPR_KEYWORDS
        if kind == OP:
            return tok.string in _EXPR_START_OPS
        return kind == NUMBER or kind == STRING

    # named_expression: assignment_expression | expression !':='
    # assignment_expression: NAME ':=' ~ expression
    def named_expression(self):
        tok = self.tok
        if tok.kind == NAME and self.toks[self.i + 1].string == ':=' and (
                tok.string not in _KEYWORDS or tok.string in ('True', 'False', 'None')):
            if tok.string in _KEYWORDS:
                self.fail(Msg.WALRUS_TARGET.format(tok.string), tok)
            self.advance()
            self.advance()
            value = self.expression()
            end = self.prev
            target = n.Name(self.identifier(tok.string), STORE, tok.lineno, tok.col,
                            tok.end_lineno, tok.end_col)
            return n.NamedExpr(target, value, tok.lineno, tok.col, end.end_lineno, end.end_col)
        node = self.expression()
        if self.tok.string == ':=':
            walrus = self.advance()
            if not self._starts_expression():
                self.fail(Msg.INVALID_SYNTAX, walrus)
            self.fail(Msg.WALRUS_TARGET.format(_describe(node)), node)
        return node

    # expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    def expression(self):
        start = self.tok
        nxt = self.toks[self.i + 1]
        # Fast path: a lone name followed by a delimiter is most expressions in real code.
        if start.kind == NAME and (nxt.string in _SIMPLE_FOLLOW and nxt.kind == OP or
                                   nxt.kind == NEWLINE) and start.string not in _KEYWORDS:
            self.i += 1
            self.tok = nxt
            return n.Name(self.identifier(start.string), LOAD, start.lineno, start.col,
                          start.end_lineno, start.end_col)
        if start.string == 'lambda' and start.kind == NAME:
            return self.lambdef()
        body = self.disjunction()
        if self.tok.string == 'if' and self.tok.kind == NAME:
            self.advance()
            test = self._if_expression_test(start)
            if self.tok.string != 'else':
                if self.tok.string == ':' and self.tok.kind == OP:
                    # CPython's invalid_expression wants neither 'else' nor ':' next.
                    self.fail(Msg.INVALID_SYNTAX, self.tok)
                self.fail(Msg.EXPECTED_ELSE, start, self.prev)
            self.advance()
            orelse = self.expression()
            end = self.prev
            return n.IfExp(test, body, orelse, start.lineno, start.col, end.end_lineno,
                           end.end_col)
        return body

    def _if_expression_test(self, start):
        """The condition of a conditional expression. When it fails with plain invalid syntax
        but its first operand parses, CPython's PEG rule matched that prefix and expected an
        'else' after it."""
        test_index = self.i
        try:
            return self.disjunction()
        except ParseError:
            errors = self.errors
            if not errors or errors[-1].message != Msg.INVALID_SYNTAX:
                raise
            failed = errors.pop()
            self.i, self.tok = test_index, self.toks[test_index]
            if not self._starts_expression() or not self._lookahead(self._operand_atom_end):
                errors.append(failed)
                raise
            after = self._operand_end
            if self.toks[after].string in ('else', ':'):
                errors.append(failed)
                raise
            self.fail(Msg.EXPECTED_ELSE, start, self.toks[after - 1])

    def _primary_end(self) -> bool:
        self.primary()
        self._operand_end = self.i
        return True

    def _operand_atom_end(self) -> bool:
        self._operand_atom()
        self._operand_end = self.i
        return True

    # disjunction: conjunction ('or' conjunction)+ | conjunction
    def disjunction(self):
        start = self.tok
        first = self.conjunction()
        if self.tok.string != 'or':
            return first
        values = [first]
        while self.tok.string == 'or' and self.tok.kind == NAME:
            self.advance()
            values.append(self.conjunction())
        end = self.prev
        return n.BoolOp(OR, values, start.lineno, start.col, end.end_lineno, end.end_col)

    # conjunction: inversion ('and' inversion)+ | inversion
    def conjunction(self):
        start = self.tok
        # inversion() inlined for the common case: one call less per operand.
        if start.string == 'not' and start.kind == NAME:
            first = self.inversion()
        else:
            first = self.comparison()
        if self.tok.string != 'and':
            return first
        values = [first]
        while self.tok.string == 'and' and self.tok.kind == NAME:
            self.advance()
            values.append(self.inversion())
        end = self.prev
        return n.BoolOp(AND, values, start.lineno, start.col, end.end_lineno, end.end_col)

    # inversion: 'not' inversion | comparison
    def inversion(self):
        if self.tok.string != 'not' or self.tok.kind != NAME:
            return self.comparison()
        # Iterative so that long 'not not not ...' chains cannot exhaust the stack.
        nots = []
        while self.tok.string == 'not' and self.tok.kind == NAME:
            nots.append(self.advance())
        if len(nots) > MAX_UNARY:
            self.fail(Msg.TOO_COMPLEX, nots[0])
        node = self.comparison()
        end = self.prev
        for tok in reversed(nots):
            node = n.UnaryOp(NOT, node, tok.lineno, tok.col, end.end_lineno, end.end_col)
        return node

    # comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    def comparison(self):
        start = self.tok
        left = self.binary(1)
        tok = self.tok
        if tok.string not in CMP_START or tok.kind == STRING:
            return left
        ops = []
        comparators = []
        while True:
            tok = self.tok
            s = tok.string
            if tok.kind == STRING or s not in CMP_START:
                break
            if s == 'not':
                if self.toks[self.i + 1].string != 'in':
                    # CPython read the token after it looking for 'in': a plain syntax error
                    # here is reported there (see `error`).
                    self.stray_not = self.i
                    break
                self.advance()
                self.advance()
                ops.append(NOT_IN)
            elif s == 'is':
                self.advance()
                if self.tok.string == 'not' and self.tok.kind == NAME:
                    self.advance()
                    ops.append(IS_NOT)
                else:
                    ops.append(CMP_OPS['is'])
            elif s == '<>' or s == '<' and self.toks[self.i + 1].string == '>' and \
                    self.toks[self.i + 1].col == tok.end_col:
                # Python 2's '<>': one token in CPython's tokenizer, which its parser rejects.
                self.fail(Msg.INVALID_SYNTAX, tok, self.toks[self.i + 1] if s == '<' else None)
            else:
                self.advance()
                ops.append(CMP_OPS[s])
            comparators.append(self.binary(1))
        if not ops:
            return left
        end = self.prev
        return n.Compare(left, ops, comparators, start.lineno, start.col, end.end_lineno,
                         end.end_col)

    # bitwise_or .. term: one precedence-climbing loop for the left-associative binary operators
    def binary(self, min_prec: int):
        start = self.tok
        # factor() inlined for the common case (no unary operator): one call less per operand.
        if start.kind == OP and start.string in UNARY_OPS:
            left = self.factor()
        else:
            left = self.power()
        prec_of = BIN_PREC.get
        while True:
            tok = self.tok
            prec = prec_of(tok.string)
            if prec is None or prec < min_prec or tok.kind != OP:
                return left
            self.advance()
            right = self.binary(prec + 1)
            end = self.prev
            left = n.BinOp(left, BIN_OPS[tok.string], right, start.lineno, start.col,
                           end.end_lineno, end.end_col)

    def bitwise_or(self):
        return self.binary(1)

    # factor: '+' factor | '-' factor | '~' factor | power
    def factor(self):
        tok = self.tok
        s = tok.string
        if (s == '-' or s == '+' or s == '~') and tok.kind == OP:
            # Iterative so that '-' * 10000 + '1' cannot exhaust the stack.
            ops = []
            while True:
                t = self.tok
                if t.kind == OP and t.string in UNARY_OPS:
                    ops.append(self.advance())
                else:
                    break
            if len(ops) > MAX_UNARY:
                self.fail(Msg.TOO_COMPLEX, ops[0])
            node = self.power()
            end = self.prev
            for op in reversed(ops):
                node = n.UnaryOp(UNARY_OPS[op.string], node, op.lineno, op.col, end.end_lineno,
                                 end.end_col)
            return node
        return self.power()

    # power: await_primary '**' factor | await_primary
    # await_primary: AWAIT primary | primary
    def power(self):
        start = self.tok
        if start.string == 'await' and start.kind == NAME:
            self.advance()
            value = self.primary()
            end = self.prev
            node = n.Await(value, start.lineno, start.col, end.end_lineno, end.end_col)
        else:
            node = self.primary()
        if self.tok.string == '**' and self.tok.kind == OP:
            self.advance()
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
            if self.depth > MAX_DEPTH:
                self.fail(Msg.TOO_COMPLEX, self.tok)
            right = self.factor()
            self.depth -= 1
            end = self.prev
            node = n.BinOp(node, BIN_OPS['**'], right, start.lineno, start.col, end.end_lineno,
                           end.end_col)
        return node

    # primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    #        | primary '[' slices ']' | atom
    def primary(self):
        start = self.tok
        node = self.atom()
        while True:
            tok = self.tok
            s = tok.string
            if tok.kind != OP:
                return node
            if s == '.':
                self.advance()
                name = self.tok
                if name.kind != NAME or name.string in _KEYWORDS:
                    self.fail(Msg.INVALID_SYNTAX, name)
                self.advance()
                node = n.Attribute(node, self.identifier(name.string), LOAD, start.lineno,
                                   start.col, name.end_lineno, name.end_col)
            elif s == '(':
                node = self.call(node, start)
            elif s == '[':
                bracket = self.i
                self.advance()
                try:
                    index = self.slices()
                    end = self.expect_closing(']', tok)
                except ParseError:
                    if self._inside_brackets(bracket):
                        self._subscript_as_element(bracket)
                    raise
                node = n.Subscript(node, index, LOAD, start.lineno, start.col, end.end_lineno,
                                   end.end_col)
            else:
                return node

    # slices: slice !',' | ','.(slice | starred_expression)+ [',']
    def slices(self):
        start = self.tok
        first = self.slice_item()
        if self.tok.string != ',':
            if type(first) is n.Starred:
                end = self.prev
                return n.Tuple([first], LOAD, start.lineno, start.col, end.end_lineno,
                               end.end_col)
            return first
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if self.tok.string == ']':
                break
            elts.append(self.slice_item())
        end = self.prev
        return n.Tuple(elts, LOAD, start.lineno, start.col, end.end_lineno, end.end_col)

    # slice: [expression] ':' [expression] [':' [expression]] | named_expression
    def slice_item(self):
        start = self.tok
        if start.string == '*' and start.kind == OP:
            return self.star_named_expression()
        lower = upper = step = None
        if start.string != ':':
            lower = self.named_expression()
            if self.tok.string != ':':
                return lower
            if type(lower) is n.NamedExpr:
                self.fail(Msg.INVALID_SYNTAX, self.tok)
        self.advance()
        if self.tok.string not in (':', ',', ']'):
            upper = self.expression()
        if self.tok.string == ':':
            self.advance()
            if self.tok.string not in (',', ']'):
                step = self.expression()
        end = self.prev
        return n.Slice(lower, upper, step, start.lineno, start.col, end.end_lineno, end.end_col)

    # atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp
    #     | list | listcomp | dict | set | dictcomp | setcomp | '...'
    def atom(self):
        tok = self.tok
        kind = tok.kind
        if kind == NAME:
            s = tok.string
            if s in _KEYWORDS:
                if s == 'None':
                    value = None
                elif s == 'True':
                    value = True
                elif s == 'False':
                    value = False
                else:
                    self.invalid_keyword_atom(tok)
                self.advance()
                return n.Constant(value, None, tok.lineno, tok.col, tok.end_lineno, tok.end_col)
            self.advance()
            return n.Name(self.identifier(s), LOAD, tok.lineno, tok.col, tok.end_lineno,
                          tok.end_col)
        if kind == NUMBER:
            self.advance()
            try:
                value = parse_number(tok.string)
            except LiteralError as error:
                # more digits than sys.get_int_max_str_digits(): CPython's error has no
                # column (offset 0); editors get the literal's range
                self.report(str(error), tok.lineno, tok.col, tok.end_lineno,
                            tok.end_col).without_column()
                raise ParseError from None
            except (ValueError, IndexError):
                self.fail(Msg.INVALID_SYNTAX, tok)
            return n.Constant(value, None, tok.lineno, tok.col, tok.end_lineno, tok.end_col)
        if kind == STRING:
            return self.strings()
        if kind == OP:
            s = tok.string
            if s == '(':
                return parse_bracketed(self, self.paren_atom)
            if s == '[':
                return parse_bracketed(self, self.list_atom)
            if s == '{':
                return parse_bracketed(self, self.brace_atom)
            if s == '...':
                self.advance()
                return n.Constant(Ellipsis, None, tok.lineno, tok.col, tok.end_lineno,
                                  tok.end_col)
        self.invalid_atom(tok)

    def invalid_keyword_atom(self, tok):
        self.fail(Msg.INVALID_SYNTAX, tok)

    def invalid_atom(self, tok):
        if tok.kind == INDENT:
            self.fail_unexpected_indent(tok)
        self.fail(Msg.INVALID_SYNTAX, tok)

    # strings: STRING+
    def strings(self):
        toks = self.toks
        j = self.i
        while toks[j].kind == STRING:
            j += 1
        run = toks[self.i:j]
        self.i = j
        self.tok = toks[j]
        if self.reach_line is not None:
            return build_string_atom(self, run)
        mark = len(self.errors)
        node = build_string_atom(self, run)
        if len(self.errors) > mark and not self.in_fstring:
            # CPython raises a string's error in its first pass, looking at the next token.
            tok = self.tok
            self.reach_line = tok.lineno
            if self.reach_end is None:
                self.reach_end = (tok.end_lineno, self.char_col(tok.end_lineno, tok.end_col))
        return node

    def _enter(self, tok):
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if self.depth > MAX_DEPTH:
            self.fail(Msg.TOO_NESTED, tok)

    # tuple | group | genexp:
    # group: '(' (yield_expr | named_expression) ')'
    # tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
    # genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
    def paren_atom(self):
        open_ = self.advance()
        self._enter(open_)
        tok = self.tok
        if tok.string == ')':
            self.advance()
            self.depth -= 1
            return n.Tuple([], LOAD, open_.lineno, open_.col, tok.end_lineno, tok.end_col)
        if tok.string == '**' and tok.kind == OP:
            # CPython's invalid_group: '(' '**' expression ')'; anything else is plain syntax.
            self.fail(Msg.STARRED_DOUBLE if self._lookahead(self._double_starred_group)
                      else Msg.INVALID_SYNTAX, tok)
        if tok.string == 'yield' and tok.kind == NAME:
            node = self.yield_expr()
            self.expect_closing(')', open_)
            self.depth -= 1
            return node
        first = self.star_named_expression()
        s = self.tok.string
        if s == ')':
            self.advance()
            self.depth -= 1
            if type(first) is n.Starred:
                self.fail(Msg.STARRED_HERE, first)
            return first
        if s == 'for' or (s == 'async' and self.toks[self.i + 1].string == 'for'):
            self._unpacked_in_comprehension(first)
            gens = self.for_if_clauses()
            end = self.expect_closing(')', open_, False)
            self.depth -= 1
            return n.GeneratorExp(first, gens, open_.lineno, open_.col, end.end_lineno,
                                  end.end_col)
        if s == ',':
            elts = [first]
            while self.tok.string == ',':
                self.advance()
                if self.tok.string == ')':
                    break
                elts.append(self.star_named_expression())
            end = self.expect_closing(')', open_)
            self.depth -= 1
            return n.Tuple(elts, LOAD, open_.lineno, open_.col, end.end_lineno, end.end_col)
        self.expect_closing(')', open_)

    def _unpacked_in_comprehension(self, element):
        """CPython's invalid_comprehension: '[' starred_expression for_if_clauses."""
        if type(element) is n.Starred:
            if self._lookahead(self._comprehension_clauses):
                self.fail(Msg.UNPACK_COMPREHENSION, element)
            self.fail(Msg.INVALID_SYNTAX, self.tok)

    def _unparenthesized_target(self, first):
        """CPython's invalid_comprehension: a display's elements followed by for_if_clauses
        (where the next element or the closer should be) meant a tuple as the target."""
        tok = self.tok
        s = tok.string
        if (s == 'for' or s == 'async' and self.toks[self.i + 1].string == 'for') and \
                tok.kind == NAME and self._lookahead(self._comprehension_clauses):
            # The range ends at the last element, before a trailing comma.
            last = self.prev if self.prev.string != ',' else self.toks[self.i - 2]
            self.fail(Msg.COMPREHENSION_TARGET, first, last)

    def _double_starred_comprehension(self) -> bool:
        # invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
        self.advance()
        self.bitwise_or()
        return bool(self.for_if_clauses()) and self.tok.string == '}'

    def _comprehension_clauses(self) -> bool:
        return bool(self.for_if_clauses())

    def expect_closing(self, closer, open_, suggest=True):
        tok = self.tok
        if tok.string == closer and tok.kind == OP:
            return self.advance()
        if not suggest:
            # After a comprehension's clauses CPython has no comma or '==' hint to give.
            self.fail(Msg.INVALID_SYNTAX, tok)
        self.invalid_in_brackets(open_)

    def invalid_in_brackets(self, open_):
        """Fail at the current token inside brackets with CPython's most specific message."""
        tok = self.tok
        if tok.string == '=' and tok.kind == OP:
            hint = self._assignment_hint(open_)
            if isinstance(hint, SyntaxDiagnostic):
                self.errors.append(hint)
                raise ParseError
            if hint is not None:
                self.fail(*hint)
            self.fail(Msg.INVALID_SYNTAX, tok)
        if self._starts_operand_at(self.i):
            index, _ = self._element_start_index(open_)
            self.juxtaposed(index, in_brackets=True)
        self.fail(Msg.INVALID_SYNTAX, tok)

    def juxtaposed(self, index, in_brackets):
        """Fail where an expression (from token `index`) is followed by another one (at the
        current token) with what CPython's second pass reports there.

        Its invalid_expression reads the second expression b; a string error in b is raised
        on the spot. When b parses (a PEG prefix of it is enough), inside brackets and unless
        the first starts with NAME STRING or a soft keyword, CPython suggests a comma; after a
        lone NAME its invalid_legacy_expression reads on (Python 2's print, or the next pair
        of expressions). When b itself is broken, b's own error is the one reported.
        """
        toks = self.toks
        first_tok = self.tok
        if toks[index].kind == OP and toks[index].string in ('*', '**') and index + 1 < self.i:
            # After '*' or '**' comes an `expression`: the pair starts there.
            index += 1
        while True:
            tok = self.tok
            b_index = self.i
            start = toks[index]
            lone_name = start.kind == NAME and index == b_index - 1 and \
                start.string not in _KEYWORDS
            if lone_name and start.string in ('print', 'exec'):
                # invalid_legacy_expression: only when what follows is valid expressions.
                printed = self._probe_expression(self.star_expressions)
                end = toks[self.i - 1] if self.i > b_index else tok
                self.i, self.tok = b_index, tok
                if printed is None:
                    self.fail(Msg.PRINT.format(start.string, start.string), start, end)
            failed = self._probe_expression()
            after = self.i
            self.i, self.tok = b_index, tok
            if not self._lookahead(self._operand_atom):
                self._fail_with(failed, first_tok)
            blocked = start.kind == NAME and start.string not in _KEYWORDS and (
                toks[index + 1].kind == STRING or _soft_keyword_prefix(start.string))
            if in_brackets and not blocked:
                if self.reach_line is None:
                    self.reach_line = self._reach_of_expression()
                # CPython's range ends where the expression b it read ends; where reading on
                # failed, its b is the shorter expression it backtracked to (a primary, mostly).
                if failed is not None and self._lookahead(self._primary_end):
                    after = self._operand_end
                self.fail(Msg.FORGOT_COMMA, start, toks[after - 1] if after > b_index else tok)
            if not lone_name or failed is not None:
                # Unless blocked, invalid_expression has read b without its invalid rules,
                # and CPython's memo gives the legacy rule that reading again: no message.
                self._fail_with(failed if lone_name and blocked else None, first_tok)
            # After a lone NAME, b and what follows it are read as star_expressions.
            index = b_index
            self.i, self.tok = after, toks[after]
            while self.tok.string == ',' and self.tok.kind == OP and \
                    self._starts_expression_at(self.i + 1):
                self.advance()
                index = self.i
                failed = self._probe_expression()
                if failed is not None:
                    self._fail_with(failed, first_tok)
            if not self._starts_operand_at(self.i):
                self._fail_with(None, first_tok)

    def _inside_brackets(self, index) -> bool:
        """Whether token `index` stands inside some bracket of its logical line."""
        toks = self.toks
        depth = 0
        for j in range(index - 1, -1, -1):
            tok = toks[j]
            if tok.kind in (NEWLINE, INDENT, DEDENT):
                return False
            if tok.kind == OP:
                s = tok.string
                if s in (')', ']', '}'):
                    depth += 1
                elif s in ('(', '[', '{'):
                    if depth == 0:
                        return True
                    depth -= 1
        return False

    def _subscript_as_element(self, bracket):
        """A subscript whose inside failed with plain invalid syntax: in brackets, CPython's
        invalid_expression reads what is before the '[' as one element and the '[...]' as a
        list after it (`f(x[], y)`), and suggests a comma if that list parses."""
        errors = self.errors
        if not errors or errors[-1].message != Msg.INVALID_SYNTAX:
            return
        failed = errors.pop()
        self.i, self.tok = bracket, self.toks[bracket]
        index, _ = self._element_start_index(None)
        try:
            self.juxtaposed(index, in_brackets=True)
        except ParseError:
            if errors and errors[-1].message == Msg.INVALID_SYNTAX:
                errors[-1] = failed
            return

    def _probe_expression(self, rule=None):
        """Parse an expression (or `rule`); return the error it failed with (None if it
        parsed), recorded nowhere. A string error met on the way is raised at once, as CPython
        does."""
        errors = self.errors
        mark = len(errors)
        failed = None
        reach = self.reach_line, self.reach_end
        try:
            (rule or self.expression)()
        except ParseError:
            failed = errors[-1] if len(errors) > mark else None
        self.reach_line, self.reach_end = reach
        self._note_reach()
        found = errors[mark:]
        del errors[mark:]
        strings = [e for e in found if e is not failed]
        if strings:
            errors.append(strings[0])
            raise ParseError
        if failed is None and len(found) > 0:
            failed = found[-1]
        return failed

    def _expression_end(self, rule=None):
        """The last token of the expression (or `rule`) starting at the current token, read
        without moving or recording anything. Where it fails, a PEG parser backtracks to a
        shorter match: the primary there; the current token if even that fails."""
        start, tok = self.i, self.tok
        failed = self._probe_expression(rule)
        after = self.i
        self.i, self.tok = start, tok
        if failed is not None:
            after = self._operand_end if self._lookahead(self._primary_end) else start
        return self.toks[after - 1] if after > start else tok

    def _fail_with(self, failed, tok):
        """Fail with `failed` when it is a specific message, else with invalid syntax at tok."""
        if failed is not None and failed.message != Msg.INVALID_SYNTAX:
            self.errors.append(failed)
            raise ParseError
        self.fail(Msg.INVALID_SYNTAX, tok)

    def _starts_operand_at(self, index) -> bool:
        """Whether token `index` can begin an expression that follows another one."""
        tok = self.toks[index]
        kind = tok.kind
        if kind == NAME:
            return tok.string not in _NOT_EXPR_KEYWORDS
        if kind == OP:
            return tok.string in ('(', '[', '{', '~', '...')
        return kind == NUMBER or kind == STRING

    def _operand_atom(self) -> bool:
        """Whether the first atom of an expression parses here (see `juxtaposed`)."""
        while self.tok.string in ('-', '+', '~', 'not', 'await') and self.tok.kind in (OP, NAME):
            self.advance()
        if self.tok.string == 'lambda' and self.tok.kind == NAME:
            self.lambdef()
        else:
            self.atom()
        return True

    def _assignment_hint(self, open_):
        """CPython's invalid_named_expression for the element ending at the current '=':
        (message, start, end) to fail with, an error met on the way, or None for plain
        invalid syntax.

        NAME '=' bitwise_or !('='|':=') gets "Maybe you meant '==' or ':='"; another
        bitwise_or (not a list, tuple or genexp, nor True/None/False) gets "cannot assign to
        ... here". Only an element that is a named_expression qualifies, not a dict value, a
        slice bound or a keyword argument's value.
        """
        index, stop = self._element_start_index(open_)
        if stop in (':', '='):
            return None
        return self.assignment_hint_at(index)

    def assignment_hint_at(self, index):
        """`_assignment_hint` for the named_expression that starts at token `index`."""
        equals = self.i
        toks = self.toks
        first = toks[index]
        if first.kind == NAME and first.string in ('True', 'False', 'None'):
            return None
        saved_depth, mark = self.depth, len(self.errors)
        reach = self.reach_line, self.reach_end
        try:
            if first.kind == OP and first.string in ('(', '['):
                self.i, self.tok = index, first
                if type(self.atom()) in (n.Tuple, n.List, n.GeneratorExp):
                    return None
            self.i, self.tok = index, first
            node = self.bitwise_or()
            if self.i != equals:
                return None
            self.advance()
            operand = self.i
            try:
                failed = self._probe_expression(self.bitwise_or)
            except ParseError:
                return self.errors[-1]  # a string error in the operand, raised at once
            if failed is not None:
                # A PEG rule matches a prefix: the operand is there if its first atom is;
                # when not, the operand's own error is CPython's.
                self.i, self.tok = operand, toks[operand]
                if self.tok.string in ('not', 'lambda') or not self._lookahead(
                        self._operand_atom):
                    return failed if failed.message != Msg.INVALID_SYNTAX else None
            self._note_reach()
            if self.tok.string in ('=', ':='):
                return None
            end = self.prev
            if failed is not None and self._lookahead(self._primary_end):
                end = toks[self._operand_end - 1]  # CPython's b: the prefix it backtracked to
        except (ParseError, RecursionError):
            return None
        finally:
            self.reach_line, self.reach_end = reach
            self.i, self.depth = equals, saved_depth
            self.tok = toks[equals]
            del self.errors[mark:]
        if type(node) is n.Name and first.kind == NAME:
            return Msg.MAYBE_EQ, first, end
        return Msg.ASSIGN_TO_HERE.format(_describe(node)), node

    def _note_reach(self):
        """Remember how far a probe read (see `probe_reach`); a ParseError leaves the cursor
        on the token that failed, which the probe read too."""
        self._note_reach_at(self.i)

    def _note_reach_at(self, index: int):
        """`_note_reach` for the token at `index` (one a rule peeks at after the cursor)."""
        if self.reach_line is None and index > self.probe_reach:
            self.probe_reach = min(index, len(self.toks) - 1)

    def _lookahead(self, rule) -> bool:
        """Whether `rule` (a method that returns a bool or raises) matches here; consumes nothing
        and records nothing."""
        saved = self.i, self.depth, len(self.errors)
        reach = self.reach_line, self.reach_end
        try:
            matched = rule()
        except (ParseError, RecursionError):
            matched = False
        self.reach_line, self.reach_end = reach
        self._note_reach()
        self.i, self.depth = saved[0], saved[1]
        self.tok = self.toks[self.i]
        del self.errors[saved[2]:]
        return matched

    def _double_starred_group(self) -> bool:
        self.advance()
        self.expression()
        return self.tok.string == ')' and self.tok.kind == OP

    def _reach_of_expression(self) -> int:
        """How far CPython reads for its comma hint: the token after the second expression."""
        saved = self.i, self.depth, len(self.errors)
        try:
            self.expression()
        except (ParseError, RecursionError):
            pass
        reach = self.tok.lineno
        self.i, self.depth = saved[0], saved[1]
        self.tok = self.toks[self.i]
        del self.errors[saved[2]:]
        return reach

    def _closing_token(self, skip=0):
        """The ')' closing the current call: where CPython reports argument-order errors."""
        toks = self.toks
        j = self.i + skip
        depth = 0
        while toks[j].kind not in (NEWLINE, ENDMARKER):
            s = toks[j].string
            if s in ('(', '[', '{'):
                depth += 1
            elif s in (')', ']', '}'):
                if depth == 0:
                    return toks[j]
                depth -= 1
            j += 1
        return toks[j]

    def _element_start_index(self, open_):
        """The index of the first token of the element that ends just before the current
        token, and the delimiter before that element."""
        toks = self.toks
        j = self.i - 1
        depth = 0
        while j >= 0:
            tok = toks[j]
            s = tok.string
            if tok.kind == OP:
                if s in (')', ']', '}'):
                    depth += 1
                elif s in ('(', '[', '{'):
                    if depth == 0:
                        return j + 1, s
                    depth -= 1
                elif depth == 0 and s in (',', ':', '='):
                    return j + 1, s
            j -= 1
        return 0, ''

    # list: '[' [star_named_expressions] ']'
    # listcomp: '[' named_expression for_if_clauses ']'
    def list_atom(self):
        open_ = self.advance()
        self._enter(open_)
        if self.tok.string == ']':
            end = self.advance()
            self.depth -= 1
            return n.List([], LOAD, open_.lineno, open_.col, end.end_lineno, end.end_col)
        first = self.star_named_expression()
        s = self.tok.string
        if s == 'for' or (s == 'async' and self.toks[self.i + 1].string == 'for'):
            self._unpacked_in_comprehension(first)
            gens = self.for_if_clauses()
            end = self.expect_closing(']', open_, False)
            self.depth -= 1
            return n.ListComp(first, gens, open_.lineno, open_.col, end.end_lineno, end.end_col)
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if self.tok.string == ']':
                break
            if self.tok.kind == NAME:
                self._unparenthesized_target(first)
            elts.append(self.star_named_expression())
        if self.tok.kind == NAME:
            self._unparenthesized_target(first)
        end = self.expect_closing(']', open_)
        self.depth -= 1
        return n.List(elts, LOAD, open_.lineno, open_.col, end.end_lineno, end.end_col)

    # dict: '{' [double_starred_kvpairs] '}'     set: '{' star_named_expressions '}'
    # dictcomp: '{' kvpair for_if_clauses '}'    setcomp: '{' named_expression for_if_clauses '}'
    def brace_atom(self):
        open_ = self.advance()
        self._enter(open_)
        tok = self.tok
        if tok.string == '}':
            self.advance()
            self.depth -= 1
            return n.Dict([], [], open_.lineno, open_.col, tok.end_lineno, tok.end_col)
        if tok.string == '**':
            if self._lookahead(self._double_starred_comprehension):
                self.fail(Msg.UNPACK_DICT_COMPREHENSION, tok)
            return self._dict_rest(open_, [], [])
        first = self.star_named_expression()
        s = self.tok.string
        if s == ':' and type(first) is not n.Starred:
            self.advance()
            if self.tok.string in ('}', ','):
                self.fail(Msg.DICT_VALUE, self.prev)
            self._starred_dict_value()
            value = self.expression()
            s = self.tok.string
            if s == 'for' or (s == 'async' and self.toks[self.i + 1].string == 'for'):
                gens = self.for_if_clauses()
                end = self.expect_closing('}', open_, False)
                self.depth -= 1
                return n.DictComp(first, value, gens, open_.lineno, open_.col, end.end_lineno,
                                  end.end_col)
            return self._dict_rest(open_, [first], [value])
        if s == 'for' or (s == 'async' and self.toks[self.i + 1].string == 'for'):
            self._unpacked_in_comprehension(first)
            gens = self.for_if_clauses()
            end = self.expect_closing('}', open_, False)
            self.depth -= 1
            return n.SetComp(first, gens, open_.lineno, open_.col, end.end_lineno, end.end_col)
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if self.tok.string == '}':
                break
            if self.tok.kind == NAME:
                self._unparenthesized_target(first)
            elts.append(self.star_named_expression())
        if self.tok.kind == NAME:
            self._unparenthesized_target(first)
        end = self.expect_closing('}', open_)
        self.depth -= 1
        return n.Set(elts, open_.lineno, open_.col, end.end_lineno, end.end_col)

    def _dict_rest(self, open_, keys, values):
        first = not keys
        while True:
            if not first:
                if self.tok.string != ',':
                    break
                self.advance()
                if self.tok.string == '}':
                    break
            first = False
            if self.tok.string == '**':
                self.advance()
                keys.append(None)
                values.append(self.bitwise_or())
                continue
            key = self.expression()
            keys.append(key)
            if self.tok.string != ':':
                # CPython's invalid_double_starred_kvpairs: points at the key's last character.
                self.report(Msg.DICT_COLON, key.end_lineno, key.end_col_offset - 1,
                            key.end_lineno, key.end_col_offset).without_end(0)
                raise ParseError
            self.advance()
            if self.tok.string in ('}', ','):
                self.fail(Msg.DICT_VALUE, self.prev)
            self._starred_dict_value()
            values.append(self.expression())
        end = self.expect_closing('}', open_)
        self.depth -= 1
        return n.Dict(keys, values, open_.lineno, open_.col, end.end_lineno, end.end_col)

    def _starred_dict_value(self):
        """CPython's invalid_kvpair: `key: *value` (a bitwise_or after the star) is named,
        from the star to where the value ends (the start of the token after it)."""
        star = self.tok
        if star.string != '*' or star.kind != OP:
            return
        start = self.i
        self.advance()
        if self._probe_expression(self.bitwise_or) is not None:
            self.i, self.tok = start, star
            return
        after = self.tok
        self.report(Msg.DICT_STARRED_VALUE, star.lineno, star.col, after.lineno, after.col)
        raise ParseError

    # for_if_clauses: (ASYNC? 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
    def for_if_clauses(self):
        gens = []
        while True:
            tok = self.tok
            is_async = 0
            if tok.string == 'async' and tok.kind == NAME:
                if self.toks[self.i + 1].string != 'for':
                    break
                self.advance()
                is_async = 1
            elif tok.string != 'for' or tok.kind != NAME:
                break
            self.advance()
            target_start = self.tok
            target_index = self.i
            try:
                target = self.star_targets()
            except ParseError:
                self.invalid_for_target(target_index, raised=True)
                raise
            if self.tok.string != 'in':
                tok = self.tok
                if tok.kind in _ATOM_START_KINDS and tok.string not in _KEYWORDS:
                    # From the target's last element (after its last top-level comma).
                    element = target_start
                    depth = 0
                    for j in range(self.i - 1, target_index - 1, -1):
                        t = self.toks[j]
                        if t.string in (')', ']', '}'):
                            depth += 1
                        elif t.string in ('(', '[', '{'):
                            depth -= 1
                        elif t.string == ',' and depth == 0 and t.kind == OP:
                            element = self.toks[j + 1]
                            break
                    self.fail(Msg.FORGOT_COMMA, element, self._expression_end())
                self.invalid_for_target(target_index)
                self.fail(Msg.INVALID_SYNTAX, tok)
            self.advance()
            iter_ = self.disjunction()
            ifs = []
            while self.tok.string == 'if' and self.tok.kind == NAME:
                self.advance()
                ifs.append(self.disjunction())
            gens.append(n.comprehension(target, iter_, ifs, is_async))
        return gens

    def invalid_for_target(self, index, raised=False):
        """CPython's invalid_for_target: where a for target (from token `index`) is not one, it
        reads star_expressions there and names the first part that cannot be assigned to
        ('x in y' reads as a comparison: its left side counts). `raised`: the target rule
        already failed with the error last recorded, which a plain 'invalid syntax' lets go."""
        errors = self.errors
        if raised and (not errors or errors[-1].message != Msg.INVALID_SYNTAX):
            return
        at, mark, depth = self.i, len(errors), self.depth
        reach = self.reach_line, self.reach_end
        self.i, self.tok = index, self.toks[index]
        try:
            node = self.star_expressions()
        except (ParseError, RecursionError):
            node = None
        del errors[mark:]
        self.reach_line, self.reach_end = reach
        self.i, self.tok, self.depth = at, self.toks[at], depth
        node = _invalid_for_target(node) if node is not None else None
        if node is None:
            return
        plain = errors.pop() if raised else None
        self.set_ctx(node, STORE, 'for')
        if plain is not None:
            errors.append(plain)

    # star_targets: star_target !',' | star_target (',' star_target)* [',']
    def star_targets(self):
        start = self.tok
        first = self.star_target()
        if self.tok.string != ',':
            # A lone starred target is the compile stage's error, as in CPython.
            return first
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if not self._starts_target():
                break
            elts.append(self.star_target())
        end = self.prev
        return n.Tuple(elts, STORE, start.lineno, start.col, end.end_lineno, end.end_col)

    def _starts_target(self) -> bool:
        tok = self.tok
        if tok.kind == NAME:
            return tok.string not in _NOT_EXPR_KEYWORDS
        return tok.string in ('(', '[', '*') and tok.kind == OP

    # star_target: '*' (!'*' star_target) | target_with_star_atom
    def star_target(self):
        tok = self.tok
        if tok.string == '*' and tok.kind == OP:
            self.advance()
            value = self.primary()
            end = self.prev
            node = n.Starred(value, STORE, tok.lineno, tok.col, end.end_lineno, end.end_col)
        else:
            node = self.primary()
        return self.set_ctx(node, STORE)

    # yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    def yield_expr(self):
        tok = self.advance()
        if self.tok.string == 'from' and self.tok.kind == NAME:
            self.advance()
            value = self.expression()
            end = self.prev
            return n.YieldFrom(value, tok.lineno, tok.col, end.end_lineno, end.end_col)
        value = None
        if self._starts_expression():
            value = self.star_expressions()
        end = self.prev
        return n.Yield(value, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # lambdef: 'lambda' [lambda_params] ':' expression
    def lambdef(self):
        tok = self.advance()
        args = self.parameters(':', annotations=False)
        self.expect(':')
        body = self.expression()
        end = self.prev
        return n.Lambda(args, body, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # primary '(' [arguments] ')'
    # args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
    #       [',' kwargs] | kwargs
    def call(self, func, start):
        open_ = self.advance()
        self._enter(open_)
        args, keywords = self.arguments(open_)
        end = self.expect_closing(')', open_)
        self.depth -= 1
        if len(args) == 1 and not keywords and type(args[0]) is n.GeneratorExp and \
                self._bare_genexp is args[0]:
            gen = args[0]
            gen.lineno, gen.col_offset = open_.lineno, open_.col
            gen.end_lineno, gen.end_col_offset = end.end_lineno, end.end_col
        return n.Call(func, args, keywords, start.lineno, start.col, end.end_lineno, end.end_col)

    def arguments(self, open_):
        """The arguments of a call or class definition, up to (not including) ')'."""
        args = []
        keywords = []
        self._bare_genexp = None
        seen_kw = seen_kw_unpack = False
        while self.tok.string != ')':
            tok = self.tok
            s = tok.string
            if s == '*' and tok.kind == OP:
                if (seen_kw or seen_kw_unpack) and self.toks[self.i + 1].string in (',', ')'):
                    # A bare '*' after keywords: CPython's invalid_arguments (args ',' '*')
                    # reports it so, at the '*'.
                    self.fail(Msg.ITER_AFTER_KW_UNPACK, tok, tok)
                self.advance()
                value = self.expression()
                end = self.prev
                if seen_kw_unpack:
                    # CPython's range is the '*' alone.
                    self.fail(Msg.ITER_AFTER_KW_UNPACK, tok, tok)
                args.append(n.Starred(value, LOAD, tok.lineno, tok.col, end.end_lineno,
                                      end.end_col))
            elif s == '**' and tok.kind == OP:
                self.advance()
                value = self.expression()
                end = self.prev
                keywords.append(n.keyword(None, value, tok.lineno, tok.col, end.end_lineno,
                                          end.end_col))
                seen_kw_unpack = True
            elif tok.kind == NAME and self.toks[self.i + 1].string == '=':
                equals = self.toks[self.i + 1]
                if s in ('True', 'False', 'None'):
                    self.fail(f'cannot assign to {s}', tok, equals)
                if s in _KEYWORDS:
                    self.fail(Msg.INVALID_SYNTAX, tok)
                self.advance()
                self.advance()
                value = self.expression()
                end = self.prev
                if self._starts_for_clause():
                    # CPython's invalid_kwarg: NAME '=' expression for_if_clauses
                    at = self.i, self.tok
                    if self._probe_expression(self.for_if_clauses) is None:
                        self.fail(Msg.KW_GENEXP, tok, equals)
                    self.i, self.tok = at
                keywords.append(n.keyword(self.identifier(s), value, tok.lineno, tok.col,
                                          end.end_lineno, end.end_col))
                seen_kw = True
            else:
                value = self.named_expression()
                s = self.tok.string
                if self._starts_for_clause():
                    self._genexp_for = self.tok
                    gens = self.for_if_clauses()
                    end = self.prev
                    value = n.GeneratorExp(value, gens, tok.lineno, tok.col, end.end_lineno,
                                           end.end_col)
                    if not args and not keywords and self.tok.string == ')':
                        self._bare_genexp = value
                    elif args or keywords or self.tok.string == ',':
                        if self.tok.string == ',':
                            # CPython's rule reads on after the comma ([args | expression
                            # for_if_clauses]): at the end of the text, its tokenizer's
                            # "never closed" comes first
                            self._note_reach_at(self.i + 1)
                        self.fail(Msg.GENEXP_PARENS, value)
                    elif self.tok.string != ')':
                        # After a comprehension's clauses there is no comma to suggest.
                        self.fail(Msg.INVALID_SYNTAX, self.tok)
                elif s == '=':
                    if type(value) is n.NamedExpr:
                        self.fail(Msg.INVALID_SYNTAX, self.tok)
                    self.fail(Msg.KW_EXPR, value, self.tok)
                if seen_kw_unpack:
                    self.fail(Msg.POS_AFTER_KW_UNPACK, self._closing_token())
                if seen_kw:
                    self.fail(Msg.POS_AFTER_KW, self._closing_token())
                args.append(value)
            if self.tok.string == ',':
                self.advance()
            elif self.tok.string != ')':
                self.invalid_in_brackets(open_)
        return args, keywords

    def _starts_for_clause(self) -> bool:
        return self.tok.string == 'for' or (self.tok.string == 'async'
                                            and self.toks[self.i + 1].string == 'for')

    # parameters / lambda_params: both forms share one loop; `closer` is ')' or ':'
    def parameters(self, closer, annotations=True):
        posonly, args, defaults, kwonly, kw_defaults = [], [], [], [], []
        vararg = kwarg = None
        seen_slash = seen_star = bare_star = False
        while self.tok.string != closer:
            tok = self.tok
            s = tok.string
            if kwarg is not None:
                if tok.kind == NAME or s in ('*', '**', '/'):
                    self.fail(Msg.KWARG_LAST, tok)
                self.fail(Msg.INVALID_SYNTAX, tok)
            if s == '(' and tok.kind == OP and self.toks[self.i + 1].kind == NAME:
                message = Msg.PARAMS_PARENS if annotations else Msg.LAMBDA_PARAMS_PARENS
                self.fail(message, tok, self._closing_token(1))
            if s == '/' and tok.kind == OP:
                if seen_slash:
                    self.fail(Msg.DUP_SLASH, tok)
                if seen_star:
                    self.fail(Msg.SLASH_AFTER_STAR, tok)
                if not args:
                    # (CPython's invalid_parameters names it only when a ',' follows)
                    following = self.toks[self.i + 1].string
                    self.fail(Msg.SLASH_FIRST if following == ',' else Msg.INVALID_SYNTAX, tok)
                seen_slash = True
                posonly, args = args, []
                self.advance()
                if self.tok.string == '*' and self.tok.kind == OP:
                    self.fail(Msg.SLASH_STAR_COMMA, self.tok)
            elif s == '*' and tok.kind == OP:
                if seen_star:
                    self.fail(Msg.DUP_STAR, tok)
                seen_star = True
                self.advance()
                if self.tok.string in (',', closer):
                    bare_star = tok
                    if self.tok.string == closer or self.toks[self.i + 1].string == closer:
                        self.fail(Msg.BARE_STAR, tok)
                else:
                    vararg = self.param(annotations, star=True)
                    if self.tok.string == '=':
                        self.fail(Msg.VAR_POS_DEFAULT, self.tok)
            elif s == '**' and tok.kind == OP:
                self.advance()
                kwarg = self.param(annotations)
                if self.tok.string == '=':
                    self.fail(Msg.VAR_KW_DEFAULT, self.tok)
            else:
                arg = self.param(annotations)
                default = None
                if self.tok.string == '=':
                    equals = self.advance()
                    if self.tok.string in (',', ')', ':') or self.tok.kind == NEWLINE:
                        # (CPython's invalid_default: only before ')' or ',')
                        if self.tok.string in (',', ')'):
                            self.fail(Msg.DEFAULT_VALUE, equals)
                        self.fail(Msg.INVALID_SYNTAX, self.tok)
                    default = self.expression()
                if seen_star:
                    kwonly.append(arg)
                    kw_defaults.append(default)
                else:
                    if default is not None:
                        defaults.append(default)
                    elif defaults and self.tok.string in (',', closer):
                        self.fail(Msg.NON_DEFAULT, arg)
                    args.append(arg)
            if self.tok.string == ',':
                self.advance()
            elif self.tok.string != closer:
                if closer == ':' and self.tok.string != ':':
                    self.fail(Msg.INVALID_SYNTAX, self.tok)
                if self._starts_operand_at(self.i):
                    # After a default or an annotation: two expressions side by side.
                    index, stop = self._element_start_index(None)
                    if stop in ('=', ':'):
                        self.juxtaposed(index, in_brackets=True)
                self.fail_expected(closer)
        if bare_star and not kwonly:
            self.fail(Msg.BARE_STAR, bare_star)
        return n.arguments(posonly, args, vararg, kwonly, kw_defaults, kwarg, defaults)

    # param: NAME annotation?   (star_annotation after '*' allows '*' expression)
    def param(self, annotations, star=False):
        tok = self.tok
        if tok.kind != NAME or tok.string in _KEYWORDS:
            self.fail(Msg.INVALID_SYNTAX, tok)
        self.advance()
        annotation = None
        if annotations and self.tok.string == ':':
            self.advance()
            annotation = self.star_expression() if star else self.expression()
        end = self.prev
        return n.arg(self.identifier(tok.string), annotation, None, tok.lineno, tok.col,
                     end.end_lineno, end.end_col)

    # -- f-string callback ----------------------------------------------------------------------

    def parse_fstring_expression(self, source: str, lineno: int, col_offset_bytes: int):
        """Parse one f-string replacement field; see the contract at the top of core.py."""
        from ..tokens import Token
        from . import _lex_source
        from .core import to_byte_columns
        tokens, lex_errors = _lex_source(source)
        tokens = to_byte_columns(source, tokens)
        shifted = []
        for tok in tokens:
            if tok.kind in (NEWLINE, INDENT, DEDENT):
                continue
            col = tok.col + col_offset_bytes if tok.lineno == 1 else tok.col
            end_col = tok.end_col + col_offset_bytes if tok.end_lineno == 1 else tok.end_col
            shifted.append(Token(tok.kind, tok.string, tok.lineno + lineno - 1, col,
                                 tok.end_lineno + lineno - 1, end_col))
        # The nested parser reads `source` placed where the tokens are, so that the character
        # columns it reports are those of the field's own text.
        sub = type(self)(source, shifted, self.filename)
        sub.place(lineno - 1, col_offset_bytes)
        sub.in_fstring = True
        sub.depth = self.depth
        try:
            if sub.tok.kind == ENDMARKER:
                sub.fail(Msg.FSTRING_EMPTY, sub.tok)
            node = sub.star_expressions()
            if sub.tok.kind != ENDMARKER:
                sub.fail(Msg.INVALID_SYNTAX, sub.tok)
        except ParseError:
            first = shifted[0] if shifted else None
            node = n.ErrorExpr([], lineno, col_offset_bytes, lineno, col_offset_bytes)
            if first is not None:
                node.lineno, node.col_offset = first.lineno, first.col
        for err in lex_errors:
            err.message = 'f-string: ' + err.message if not err.message.startswith('f-') \
                else err.message
            if err.lineno == 1:
                err.col_offset += col_offset_bytes
            if err.end_lineno == 1:
                err.end_col_offset += col_offset_bytes
            err.lineno += lineno - 1
            err.end_lineno += lineno - 1
            self.errors.append(err)
        self.errors.extend(sub.errors)
        self.warnings.extend(sub.warnings)
        self.deepest = max(self.deepest, sub.deepest)
        return node


_KEYWORDS = frozenset({
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
    'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
})
# Keywords that cannot begin an expression.
_NOT_EXPR_KEYWORDS = _KEYWORDS - {'False', 'None', 'True', 'await', 'lambda', 'not'}
_SIMPLE_FOLLOW = frozenset((',', ')', ']', '}', '=', ':'))
_EXPR_START_OPS = frozenset(('(', '[', '{', '-', '+', '~', '*', '...'))


_SOFT_KEYWORDS = ('_', 'case', 'match')


def _soft_keyword_prefix(name: str) -> bool:
    return any(keyword.startswith(name) for keyword in _SOFT_KEYWORDS)


def _describe(node):
    from .core import describe
    return describe(node)


def _invalid_for_target(node):
    """CPython's _PyPegen_get_invalid_target for a for target: the first part that cannot be
    assigned to, None if there is none. 'x in y' reads as a comparison whose left side
    counts; any other comparison names nothing (the error stays 'invalid syntax')."""
    kind = type(node)
    if kind is n.Tuple or kind is n.List:
        for element in node.elts:
            found = _invalid_for_target(element)
            if found is not None:
                return found
        return None
    if kind is n.Starred:
        return _invalid_for_target(node.value)
    if kind is n.Compare:
        return _invalid_for_target(node.left) if type(node.ops[0]) is n.In else None
    if kind in (n.Name, n.Attribute, n.Subscript, n.ErrorExpr):
        return None
    return node
