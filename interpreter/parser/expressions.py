"""Expression rules: precedence climbing for binary operators, atoms, calls, comprehensions."""

from __future__ import annotations

from .. import nodes as n
from ..tokens import DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, NUMBER, OP, STRING
from .core import LOAD, STORE, ParseError
from .messages import Msg

__all__ = ['ExpressionRules', 'parse_number']

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
MAX_DEPTH = 200


def parse_number(text: str):
    """The value of a NUMBER token."""
    clean = text.replace('_', '')
    last = clean[-1]
    if last in 'jJ':
        return complex(clean)
    if clean[:2].lower() in ('0x', '0o', '0b'):
        return int(clean, 0)
    if '.' in clean or 'e' in clean or 'E' in clean:
        return float(clean)
    return int(clean)


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
        if tok.kind == NAME and self.toks[self.i + 1].string == ':=':
            if tok.string in _NOT_EXPR_KEYWORDS or tok.string in ('True', 'False', 'None'):
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
            self.advance()
            if not self._starts_expression():
                self.fail(Msg.INVALID_SYNTAX, self.tok)
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
            test = self.disjunction()
            if self.tok.string != 'else':
                self.fail(Msg.EXPECTED_ELSE, start, self.prev)
            self.advance()
            orelse = self.expression()
            end = self.prev
            return n.IfExp(test, body, orelse, start.lineno, start.col, end.end_lineno,
                           end.end_col)
        return body

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
            elif s == '<>':
                self.fail(Msg.INVALID_SYNTAX, tok)
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
                self.advance()
                index = self.slices()
                end = self.expect_closing(']', tok)
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
            except (ValueError, IndexError):
                self.fail(Msg.INVALID_SYNTAX, tok)
            return n.Constant(value, None, tok.lineno, tok.col, tok.end_lineno, tok.end_col)
        if kind == STRING:
            return self.strings()
        if kind == OP:
            s = tok.string
            if s == '(':
                return self.paren_atom()
            if s == '[':
                return self.list_atom()
            if s == '{':
                return self.brace_atom()
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
        return build_string_atom(self, run)

    def _enter(self, tok):
        self.depth += 1
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
            self.fail(Msg.STARRED_DOUBLE, tok)
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
            start = self._element_start(open_)
            if start.kind == NAME and self.toks[self.i - 1] is start:
                self.fail(Msg.MAYBE_EQ, start, tok)
            self.fail(Msg.INVALID_SYNTAX, tok)
        if (tok.kind in _ATOM_START_KINDS or tok.string in ('(', '[', '{')) and \
                tok.string not in _ENDERS and tok.string not in _KEYWORDS:
            # Two expressions side by side in brackets: CPython suggests a comma, pointing at
            # the first of the two.
            start = self._element_start(open_)
            # CPython gives no hint for NAME STRING (a mistyped prefix) or after a soft keyword.
            if not ((tok.kind == STRING and start.kind == NAME and self.toks[self.i - 1] is start)
                    or start.string in ('match', 'case', '_')):
                if self.reach_line is None:
                    self.reach_line = self._reach_of_expression()
                self.fail(Msg.FORGOT_COMMA, start, tok)
        self.fail(Msg.INVALID_SYNTAX, tok)

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

    def _element_start(self, open_):
        """The first token of the element that ends just before the current token."""
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
                        return toks[j + 1]
                    depth -= 1
                elif depth == 0 and s in (',', ':', '='):
                    return toks[j + 1]
            j -= 1
        return toks[j]

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
            gens = self.for_if_clauses()
            end = self.expect_closing(']', open_, False)
            self.depth -= 1
            return n.ListComp(first, gens, open_.lineno, open_.col, end.end_lineno, end.end_col)
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if self.tok.string == ']':
                break
            elts.append(self.star_named_expression())
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
            return self._dict_rest(open_, [], [])
        first = self.star_named_expression()
        s = self.tok.string
        if s == ':' and type(first) is not n.Starred:
            self.advance()
            if self.tok.string in ('}', ','):
                self.fail(Msg.DICT_VALUE, self.prev)
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
            gens = self.for_if_clauses()
            end = self.expect_closing('}', open_, False)
            self.depth -= 1
            return n.SetComp(first, gens, open_.lineno, open_.col, end.end_lineno, end.end_col)
        elts = [first]
        while self.tok.string == ',':
            self.advance()
            if self.tok.string == '}':
                break
            elts.append(self.star_named_expression())
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
                self.report(Msg.DICT_COLON, key.end_lineno,
                            key.end_col_offset - 1, key.end_lineno, key.end_col_offset)
                raise ParseError
            self.advance()
            if self.tok.string in ('}', ','):
                self.fail(Msg.DICT_VALUE, self.prev)
            values.append(self.expression())
        end = self.expect_closing('}', open_)
        self.depth -= 1
        return n.Dict(keys, values, open_.lineno, open_.col, end.end_lineno, end.end_col)

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
            target = self.star_targets()
            if self.tok.string != 'in':
                tok = self.tok
                if tok.kind in _ATOM_START_KINDS and tok.string not in _KEYWORDS:
                    self.fail(Msg.FORGOT_COMMA, target_start, tok)
                self.fail(Msg.INVALID_SYNTAX, tok)
            self.advance()
            iter_ = self.disjunction()
            ifs = []
            while self.tok.string == 'if' and self.tok.kind == NAME:
                self.advance()
                ifs.append(self.disjunction())
            gens.append(n.comprehension(target, iter_, ifs, is_async))
        return gens

    # star_targets: star_target !',' | star_target (',' star_target)* [',']
    def star_targets(self):
        start = self.tok
        first = self.star_target()
        if self.tok.string != ',':
            if type(first) is n.Starred:
                self.fail(Msg.STARRED_ASSIGN, first)
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
                self.advance()
                value = self.expression()
                end = self.prev
                if seen_kw_unpack:
                    self.fail(Msg.ITER_AFTER_KW_UNPACK, tok, end)
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
                if s in _KEYWORDS:
                    self.fail(f'cannot assign to {s}' if s in ('True', 'False', 'None')
                              else Msg.INVALID_SYNTAX, tok)
                self.advance()
                self.advance()
                value = self.expression()
                end = self.prev
                keywords.append(n.keyword(self.identifier(s), value, tok.lineno, tok.col,
                                          end.end_lineno, end.end_col))
                seen_kw = True
            else:
                value = self.named_expression()
                s = self.tok.string
                if s == 'for' or (s == 'async' and self.toks[self.i + 1].string == 'for'):
                    self._genexp_for = self.tok
                    gens = self.for_if_clauses()
                    end = self.prev
                    value = n.GeneratorExp(value, gens, tok.lineno, tok.col, end.end_lineno,
                                           end.end_col)
                    if not args and not keywords and self.tok.string == ')':
                        self._bare_genexp = value
                    elif args or keywords or self.tok.string == ',':
                        self.fail(Msg.GENEXP_PARENS, value)
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
                    self.fail(Msg.INVALID_SYNTAX, tok)
                seen_slash = True
                posonly, args = args, []
                self.advance()
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
                        if annotations:
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
        sub = type(self)(self.source, shifted, self.filename)
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
            err.lineno += lineno - 1
            err.end_lineno += lineno - 1
            self.errors.append(err)
        self.errors.extend(sub.errors)
        self.warnings.extend(sub.warnings)
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


def _describe(node):
    from .core import describe
    return describe(node)

