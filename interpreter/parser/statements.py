"""Statement rules: simple statements, assignments, compound statements and blocks."""

from __future__ import annotations

from .. import nodes as n
from ..diagnostics import SyntaxDiagnostic
from ..tokens import DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, NUMBER, OP, STRING
from .core import DEL, STORE, ParseError, describe
from .expressions import BIN_OPS
from .messages import Msg
from .recovery import CLAUSE_KEYWORDS, ensure_progress, skip_line

__all__ = ['StatementRules']

# Deeper than CPython's tokenizer allows (100 indentation levels); only guards the stack.
MAX_BLOCK_DEPTH = 1000

AUG_OPS = {op + '=': BIN_OPS[op] for op in
           ('+', '-', '*', '/', '//', '%', '@', '&', '|', '^', '<<', '>>', '**')}
_BLOCK_NAMES = {'if': 'if', 'elif': 'elif', 'else': 'else', 'while': 'while', 'for': 'for',
                'with': 'with', 'try': 'try', 'finally': 'finally', 'match': 'match',
                'case': 'case'}


class StatementRules:
    """Mixin with the statement rules of Grammar/python.gram."""

    # statements: statement+   (until DEDENT or ENDMARKER)
    def statements(self, top=False):
        body = []
        toks = self.toks
        while True:
            tok = self.tok
            kind = tok.kind
            if kind == ENDMARKER:
                return body
            if kind == DEDENT:
                if not top:
                    return body
                self.advance()
                continue
            before = self.i
            depth, block_depth = self.depth, self.block_depth
            try:
                stmt = self.statement()
                if type(stmt) is list:
                    body.extend(stmt)
                else:
                    body.append(stmt)
            except ParseError:
                self.depth, self.block_depth = depth, block_depth
                body.append(self.recover_statement(toks[before]))
            except RecursionError:
                self.depth, self.block_depth = depth, block_depth
                self.error(Msg.RECURSION, toks[before])
                body.append(self.recover_statement(toks[before]))
            ensure_progress(self, before)

    # statement: compound_stmt | simple_stmts
    def statement(self):
        tok = self.tok
        kind = tok.kind
        if kind == NAME:
            handler = _COMPOUND.get(tok.string)
            if handler is not None:
                return handler(self)
            if tok.string == 'match' and self._could_start_subject(self.toks[self.i + 1]):
                stmt = self.match_stmt()
                if stmt is not None:
                    return stmt
        elif kind == OP and tok.string == '@':
            return self.decorated()
        elif kind == INDENT:
            return self.unexpected_indent()
        elif kind == NEWLINE:
            # An empty logical line (only possible after recovery or a stray ';').
            self.advance()
            return []
        return self.simple_stmts()

    @staticmethod
    def _could_start_subject(tok) -> bool:
        if tok.kind == OP:
            return tok.string in ('(', '[', '{', '-', '+', '*', '~', '...')
        return tok.kind in (NAME, STRING, 2)

    def unexpected_indent(self):
        tok = self.tok
        self.unexpected_indent_error(tok)
        self.advance()
        body = self.statements()
        if self.tok.kind == DEDENT:
            self.advance()
        return n.ErrorStmt(body, tok.lineno, tok.col, tok.end_lineno, tok.end_col)

    def recover_statement(self, start):
        """Skip the rest of a logical line after an error; keep any block that follows it.

        The clauses that continue a compound statement (elif/else/except/finally) are taken
        into the same ErrorStmt, so an error in an 'if' header does not make its 'else' a
        second, spurious error.
        """
        kept = []
        while True:
            skip_line(self)
            if self.tok.kind == INDENT:
                self.advance()
                kept.extend(self.statements())
                if self.tok.kind == DEDENT:
                    self.advance()
            tok = self.tok
            if tok.kind != NAME or tok.string not in CLAUSE_KEYWORDS:
                break
        end = self.last_solid()
        if (end.lineno, end.col) < (start.lineno, start.col):
            end = start
        return n.ErrorStmt(kept, start.lineno, start.col, end.end_lineno, end.end_col)

    # simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    def simple_stmts(self):
        first = self.simple_stmt()
        tok = self.tok
        if tok.kind == NEWLINE:
            self.advance()
            return first
        body = [first]
        while self.tok.string == ';' and self.tok.kind == OP:
            self.advance()
            if self.tok.kind == NEWLINE:
                break
            body.append(self.simple_stmt())
        if self.tok.kind == NEWLINE:
            self.advance()
            return body
        if self.tok.kind == ENDMARKER:
            return body
        self.invalid_statement_end(body[-1])

    def invalid_statement_end(self, last):
        """A simple statement was followed by something that cannot follow it."""
        tok = self.tok
        if type(last) is n.Expr and type(last.value) is n.Name and \
                last.value.id in ('print', 'exec') and self._starts_expression():
            # Python 2's print statement: CPython's invalid_legacy_expression rule, which
            # needs what follows to be valid expressions.
            start, tok = self.i, self.tok
            failed = self._probe_expression(self.star_expressions)
            end = self.toks[self.i - 1] if self.i > start else tok
            self.i, self.tok = start, tok
            if failed is None:
                name = last.value.id
                self.fail(Msg.PRINT.format(name, name), last.value, end)
        if type(last) is n.Expr and type(last.value) is n.Tuple and last.value.elts and \
                last.value.col_offset == last.value.elts[0].col_offset and \
                self._starts_operand_at(self.i):
            self.tuple_then_more(last.value)
        if type(last) not in _WITHOUT_EXPRESSION:
            self.juxtaposed_at_top()
        self.fail(Msg.INVALID_SYNTAX, tok)

    def tuple_then_more(self, target):
        """An unparenthesized tuple followed by more expressions: CPython's invalid_assignment
        reads `star_named_expression ',' star_named_expressions* ':' expression`, whose
        elements are named expressions (with their '=' hints), and reports an annotated tuple
        if the ':' comes."""
        toks = self.toks
        start_i = self.i
        while True:
            index = self.i
            failed = self._probe_expression(self.star_named_expression)
            if failed is not None:
                break
            if self.tok.string == '=' and self.tok.kind == OP:
                hint = self.assignment_hint_at(index)
                if isinstance(hint, SyntaxDiagnostic):
                    self.errors.append(hint)
                    raise ParseError
                if hint is not None:
                    self.fail(*hint)
                break
            if self.tok.string == ',' and self.tok.kind == OP:
                self.advance()
                if not self._starts_operand_at(self.i) and self.tok.string != '*':
                    break
                continue
            if self.tok.string == ':' and self.tok.kind == OP:
                self.advance()
                if self._probe_expression() is None:
                    # CPython's rule places an unparenthesized tuple at its first element.
                    self.fail(Msg.ANN_TUPLE, target.elts[0])
                break
            if not self._starts_operand_at(self.i) and self.tok.string != '*':
                break
        self.i, self.tok = start_i, toks[start_i]

    def juxtaposed_at_top(self):
        """Outside brackets, two expressions side by side are plain invalid syntax, but
        CPython still reads the second one (see `juxtaposed`)."""
        if not self._starts_operand_at(self.i):
            return
        toks = self.toks
        i = self.i
        prev = toks[i - 1]
        before = toks[i - 2] if i >= 2 else None
        lone = prev.kind == NAME and (prev.string not in _KEYWORDS) and (
            before is None or before.kind in (NEWLINE, INDENT, DEDENT) or
            (before.kind == OP and before.string in _BEFORE_EXPRESSION) or
            (before.kind == NAME and before.string in _KEYWORDS_BEFORE_EXPRESSION))
        self.juxtaposed(i - 1 if lone else max(i - 2, 0), in_brackets=False)

    def prev_line_end(self):
        j = self.i
        toks = self.toks
        while toks[j].kind not in (NEWLINE, ENDMARKER):
            j += 1
        return toks[j - 1]

    # simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
    #            | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
    #            | global_stmt | nonlocal_stmt
    def simple_stmt(self):
        tok = self.tok
        if tok.kind == NAME:
            handler = _SIMPLE.get(tok.string)
            if handler is not None:
                return handler(self)
        return self.expression_stmt()

    # 'pass'
    def pass_stmt(self):
        tok = self.advance()
        return n.Pass(tok.lineno, tok.col, tok.end_lineno, tok.end_col)

    # 'break'
    def break_stmt(self):
        tok = self.advance()
        return n.Break(tok.lineno, tok.col, tok.end_lineno, tok.end_col)

    # 'continue'
    def continue_stmt(self):
        tok = self.advance()
        return n.Continue(tok.lineno, tok.col, tok.end_lineno, tok.end_col)

    # return_stmt: 'return' [star_expressions]
    def return_stmt(self):
        tok = self.advance()
        value = self.star_expressions() if self._starts_expression() else None
        end = self.prev
        return n.Return(value, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # raise_stmt: 'raise' expression ['from' expression] | 'raise'
    def raise_stmt(self):
        tok = self.advance()
        exc = cause = None
        if self._starts_expression():
            exc = self.expression()
            if self.tok.string == 'from' and self.tok.kind == NAME:
                self.advance()
                cause = self.expression()
        end = self.prev
        return n.Raise(exc, cause, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # global_stmt: 'global' ','.NAME+     nonlocal_stmt: 'nonlocal' ','.NAME+
    def global_stmt(self):
        tok = self.advance()
        names = self._name_list()
        end = self.prev
        cls = n.Global if tok.string == 'global' else n.Nonlocal
        return cls(names, tok.lineno, tok.col, end.end_lineno, end.end_col)

    def _name_list(self):
        names = []
        while True:
            name = self.tok
            if name.kind != NAME or name.string in _KEYWORDS:
                self.fail(Msg.INVALID_SYNTAX, name)
            self.advance()
            names.append(self.identifier(name.string))
            if self.tok.string != ',':
                return names
            self.advance()

    # del_stmt: 'del' del_targets &(';' | NEWLINE)
    def del_stmt(self):
        tok = self.advance()
        targets = []
        while True:
            first = self.tok
            first_i = self.i
            try:
                target = self.star_expression()
            except ParseError:
                # CPython's first pass stops at a token that cannot begin a del target.
                if self.errors[-1].message == Msg.INVALID_SYNTAX:
                    failed = self.errors.pop()
                    if not (first.kind == NAME and first.string not in _KEYWORDS or
                            first.kind == OP and first.string in ('(', '[')):
                        self.fail(Msg.INVALID_SYNTAX, first)
                    # ... or just after a target, the most its del_targets rule reads.
                    at = self.i
                    self.i, self.tok = first_i, first
                    if self._lookahead(self._primary_end) and \
                            self.toks[self._operand_end].string not in (',', ';'):
                        self.fail(Msg.INVALID_SYNTAX, self.toks[self._operand_end])
                    self.i, self.tok = at, self.toks[at]
                    self.errors.append(failed)
                raise
            self.set_ctx(target, DEL, 'del')
            targets.append(target)
            if self.tok.string != ',':
                break
            self.advance()
            if not self._starts_expression():
                break
        end = self.prev
        return n.Delete(targets, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # assert_stmt: 'assert' expression [',' expression]
    def assert_stmt(self):
        tok = self.advance()
        test = self.expression()
        msg = None
        if self.tok.string == ',':
            self.advance()
            msg = self.expression()
        end = self.prev
        return n.Assert(test, msg, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # import_name: 'import' dotted_as_names
    def import_name(self):
        tok = self.advance()
        names = []
        while True:
            start = self.tok
            name = self.dotted_name()
            asname = None
            if self.tok.string == 'as':
                self.advance()
                asname = self._plain_name()
            end = self.prev
            names.append(n.alias(name, asname, start.lineno, start.col, end.end_lineno,
                                 end.end_col))
            if self.tok.string != ',':
                break
            self.advance()
        end = self.prev
        return n.Import(names, tok.lineno, tok.col, end.end_lineno, end.end_col)

    def _plain_name(self):
        tok = self.tok
        if tok.kind != NAME or tok.string in _KEYWORDS:
            self.fail(Msg.INVALID_SYNTAX, tok)
        self.advance()
        return self.identifier(tok.string)

    # dotted_name: dotted_name '.' NAME | NAME
    def dotted_name(self):
        parts = [self._plain_name()]
        while self.tok.string == '.':
            self.advance()
            parts.append(self._plain_name())
        return '.'.join(parts)

    # import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    #            | 'from' ('.' | '...')+ 'import' import_from_targets
    def import_from(self):
        tok = self.advance()
        level = 0
        while self.tok.string in ('.', '...'):
            level += len(self.advance().string)
        module = None
        if self.tok.string != 'import' or level == 0:
            module = self.dotted_name()
        if self.tok.string != 'import':
            self.fail(Msg.INVALID_SYNTAX, self.tok)
        self.advance()
        names = []
        star = self.tok
        if star.string == '*':
            self.advance()
            names.append(n.alias('*', None, star.lineno, star.col, star.end_lineno,
                                 star.end_col))
        else:
            paren = self.tok.string == '('
            if paren:
                self.advance()
            while True:
                start = self.tok
                name = self._plain_name()
                asname = None
                if self.tok.string == 'as':
                    self.advance()
                    asname = self._plain_name()
                end = self.prev
                names.append(n.alias(name, asname, start.lineno, start.col, end.end_lineno,
                                     end.end_col))
                if self.tok.string != ',':
                    break
                self.advance()
                if paren and self.tok.string == ')':
                    break
                if not paren and self.tok.kind == NEWLINE:
                    self.fail(Msg.IMPORT_TRAILING, self.tok)
            if paren:
                self.expect(')')
        end = self.prev
        return n.ImportFrom(module, names, level, tok.lineno, tok.col, end.end_lineno,
                            end.end_col)

    # assignment: NAME ':' expression ['=' annotated_rhs]
    #           | ('(' single_target ')' | single_subscript_attribute_target) ':' expression
    #             ['=' annotated_rhs]
    #           | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
    #           | single_target augassign ~ (yield_expr | star_expressions)
    # star_expressions (as an expression statement)
    def expression_stmt(self):
        start = self.tok
        if start.string == 'yield' and start.kind == NAME:
            first = self.yield_expr()
        else:
            first = self.star_expressions()
        tok = self.tok
        s = tok.string
        if tok.kind != OP:
            end = self.prev
            return n.Expr(first, start.lineno, start.col, end.end_lineno, end.end_col)
        if s == '=':
            targets = [first]
            self._yield_starts = {}
            if start.string == 'yield':
                self._yield_starts[start.lineno] = start.col
            while self.tok.string == '=' and self.tok.kind == OP:
                self.advance()
                self._value_start = self.i
                if self.tok.string == 'yield' and self.tok.kind == NAME:
                    self._yield_starts[self.tok.lineno] = self.tok.col
                    targets.append(self.yield_expr())
                else:
                    if not self._starts_expression():
                        self.check_targets(targets, 'assign')
                        self.fail(Msg.INVALID_SYNTAX, self.tok)
                    mark = len(self.errors)
                    try:
                        targets.append(self.star_expressions())
                    except ParseError:
                        self.invalid_assigned_value(targets, mark, start)
                        raise
            value = targets.pop()
            target = targets[0]
            if len(targets) == 1 and type(target) is n.Name:
                target.ctx = STORE
            else:
                # CPython's hint needs an operand (a bitwise_or) after the '='.
                here = len(targets) == 1 and _starts_operand(self.toks[self._value_start])
                self.check_targets(targets, 'assign-here' if here else 'assign',
                                   here and _grouped(target, start))
            end = self.prev
            return n.Assign(targets, value, None, start.lineno, start.col, end.end_lineno,
                            end.end_col)
        if s == ':':
            if not self._starts_expression_at(self.i + 1):
                # CPython's first pass reads past the ':' only after a single target.
                single = type(first) in (n.Name, n.Attribute, n.Subscript)
                self.fail(Msg.INVALID_SYNTAX, self.toks[self.i + 1] if single else tok)
            cls = type(first)
            if cls is n.Tuple:
                # CPython's rule places an unparenthesized tuple at its first element.
                parenthesized = not first.elts or first.col_offset != first.elts[0].col_offset \
                    or first.lineno != first.elts[0].lineno
                self.fail(Msg.ANN_TUPLE, first if parenthesized else first.elts[0])
            if cls is n.List:
                self.fail(Msg.ANN_LIST, first)
            if cls not in (n.Name, n.Attribute, n.Subscript):
                self.fail(Msg.ANN_ILLEGAL, first)
            self.set_ctx(first, STORE)
            self.advance()
            annotation = self.expression()
            value = None
            if self.tok.string == '=':
                self.advance()
                if self.tok.string == 'yield' and self.tok.kind == NAME:
                    value = self.yield_expr()
                else:
                    value = self.star_expressions()
            simple = 1 if cls is n.Name and start.string != '(' else 0
            end = self.prev
            return n.AnnAssign(first, annotation, value, simple, start.lineno, start.col,
                               end.end_lineno, end.end_col)
        op = AUG_OPS.get(s)
        if op is not None:
            if type(first) not in (n.Name, n.Attribute, n.Subscript):
                self.invalid_augmented_target(first, tok)
            self.set_ctx(first, STORE)
            self.advance()
            if self.tok.string == 'yield' and self.tok.kind == NAME:
                value = self.yield_expr()
            else:
                value = self.star_expressions()
            end = self.prev
            return n.AugAssign(first, op, value, start.lineno, start.col, end.end_lineno,
                               end.end_col)
        end = self.prev
        return n.Expr(first, start.lineno, start.col, end.end_lineno, end.end_col)

    def check_targets(self, targets, what, grouped=False):
        """Fail on the first target of an assignment chain that cannot be assigned to.

        `grouped`: the lone target is a parenthesized expression (a group, not a tuple),
        which CPython's invalid_named_expression reads as a bitwise_or whatever it holds:
        "cannot assign to <the whole> here" when anything in it cannot be assigned to."""
        for target in targets:
            if type(target) in (n.Yield, n.YieldFrom) and target.col_offset == \
                    self._yield_starts.get(target.lineno):
                self.fail(Msg.ASSIGN_YIELD, target)
            if not grouped:
                self.set_ctx(target, STORE, what)
                continue
            mark = len(self.errors)
            try:
                self.set_ctx(target, STORE, 'assign')
            except ParseError:
                del self.errors[mark:]
                self.fail(Msg.ASSIGN_TO_HERE.format(describe(target)), target)

    def invalid_assigned_value(self, targets, mark, start):
        """The value after an assignment's '=' failed (its errors start at `mark`).

        When it failed with plain invalid syntax, CPython's invalid_assignment (which only
        needs `target '='`) reports an invalid target before it: 'here' with a hint for a
        lone first target followed by an operand, as its invalid_named_expression does.
        """
        errors = self.errors
        if len(errors) != mark + 1 or errors[mark].message != Msg.INVALID_SYNTAX:
            return
        error = errors.pop()
        here = len(targets) == 1 and _starts_operand(self.toks[self._value_start])
        self.check_targets(targets, 'assign-here' if here else 'assign',
                           here and _grouped(targets[0], start))
        errors.append(error)

    def invalid_augmented_target(self, target, op):
        """CPython's invalid_assignment names an illegal augmented target only when a value
        follows the operator (a PEG prefix of one is enough); else plain invalid syntax."""
        self.advance()
        value = self.i
        failed = self._probe_expression(self.star_expressions)
        self.i, self.tok = value, self.toks[value]
        if failed is None or (self.tok.string == 'yield' and self.tok.kind == NAME) or (
                self._starts_expression() and self._lookahead(self._operand_atom)):
            self.fail(Msg.AUG_ASSIGN.format(describe(target)), target)
        self._fail_with(failed, op)

    # -- compound statements ------------------------------------------------------------------

    # block: NEWLINE INDENT statements DEDENT | simple_stmts
    def block(self, header_tok, what):
        """The body after a ':'; `what` names the construct for 'expected an indented block'."""
        tok = self.tok
        if tok.kind == NEWLINE:
            self.advance()
            if self.tok.kind != INDENT:
                if what == 'function' or what == 'class':
                    message = Msg.EXPECTED_BLOCK_DEFINITION.format(what, header_tok.lineno)
                else:
                    message = Msg.EXPECTED_BLOCK.format(what, header_tok.lineno)
                where = self.tok
                if where.kind == DEDENT:
                    self._expected_block_at_dedent(message)
                    return []
                if where.kind == ENDMARKER and self.prev.lineno == where.lineno - 1:
                    # Placed at the NEWLINE, but CPython's token (the ENDMARKER) has no end.
                    self.error(message, self.prev, kind='IndentationError')
                    self.errors[-1].without_end().at_end_of_file()
                    return []
                if where.kind == ENDMARKER and where.lineno > 1:
                    self._expected_block_at_dedent(message)
                    return []
                self.error(message, where, kind='IndentationError')
                return []
            self.advance()
            self.block_depth += 1
            if self.block_depth > MAX_BLOCK_DEPTH:
                self.fail(Msg.TOO_COMPLEX, self.tok)
            body = self.statements()
            self.block_depth -= 1
            if self.tok.kind == DEDENT:
                self.advance()
            return body
        stmts = self.simple_stmts()
        return stmts if type(stmts) is list else [stmts]

    def _expected_block_at_dedent(self, message):
        """CPython reports a missing block before a DEDENT (or the end of the file) at the
        tokenizer's position with no +1: the dedented line's indentation, or the end of the
        last line of the file."""
        self.report_at_indentation(message, self.tok, 'IndentationError')

    def colon(self, forced=False):
        """The ':' of a compound statement header; `forced` where CPython's rule has &&':'."""
        tok = self.tok
        if tok.string == ':' and tok.kind == OP:
            self.advance()
            return
        if tok.kind == NEWLINE:
            # The missing colon is the only error: report it and read the block as if present.
            self.error(Msg.EXPECTED.format(':'), tok)
            return
        if tok.string == '=' and tok.kind == OP and not forced:
            self.invalid_condition_assignment(tok)
        if forced:
            self.fail(Msg.EXPECTED.format(':'), tok)
        self.juxtaposed_at_top()
        self.fail(Msg.INVALID_SYNTAX, tok)

    def invalid_condition_assignment(self, tok):
        """'=' after an if/while condition: CPython's invalid_named_expression messages."""
        node = self._cond_node
        # CPython's rule reads an operand after the '=' (a string error there wins) and wants
        # no second '=' after it.
        equals = self.i
        self.advance()
        failed = self._probe_expression(self.bitwise_or)
        follower = self.tok
        self.i = equals + 1
        self.tok = self.toks[self.i]
        if failed is None:
            operand = follower.string not in ('=', ':=')
        else:
            # A PEG rule matches a prefix: the operand is there if its first atom is.
            operand = _starts_operand(self.tok) and self._lookahead(self._operand_atom)
        self.i, self.tok = equals, tok
        if not operand:
            self._fail_with(failed, tok)
        if node is not None and self.i >= 1 and self.prev.end_col == node.end_col_offset:
            if type(node) is n.Name:
                # CPython's range runs to the end of the bitwise_or after the '='.
                self.advance()
                self.fail(Msg.MAYBE_EQ, node, self._expression_end(self.bitwise_or))
            from .core import _HERE_KINDS, describe
            if type(node) in _HERE_KINDS or type(node) in (n.Attribute, n.Subscript):
                described = describe(node)
                if described not in ('True', 'False', 'None'):
                    self.fail(Msg.ASSIGN_TO_HERE.format(described), node)
        self.fail(Msg.INVALID_SYNTAX, tok)

    # if_stmt: 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block
    #          [else_block]
    def if_stmt(self):
        tok = self.advance()
        self._cond_node = None
        test = self._cond_node = self.named_expression()
        self.colon()
        body = self.block(tok, tok.string)
        orelse = []
        nxt = self.tok
        if nxt.string == 'elif' and nxt.kind == NAME:
            orelse = [self.if_stmt()]
        elif nxt.string == 'else' and nxt.kind == NAME:
            orelse = self.else_block()
        end = self.last_solid()
        return n.If(test, body, orelse, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # else_block: 'else' &&':' block
    def else_block(self):
        tok = self.advance()
        self.colon(forced=True)
        return self.block(tok, 'else')

    # while_stmt: 'while' named_expression ':' block [else_block]
    def while_stmt(self):
        tok = self.advance()
        self._cond_node = None
        test = self._cond_node = self.named_expression()
        self.colon()
        body = self.block(tok, 'while')
        orelse = self.else_block() if self.tok.string == 'else' else []
        end = self.last_solid()
        return n.While(test, body, orelse, tok.lineno, tok.col, end.end_lineno, end.end_col)

    # for_stmt: ASYNC? 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block
    #           [else_block]
    def for_stmt(self, async_tok=None):
        tok = self.advance()
        start = async_tok or tok
        target_index = self.i
        try:
            target = self.star_targets()
        except ParseError:
            self.invalid_for_target(target_index, raised=True)
            raise
        if self.tok.string != 'in':
            self.invalid_for_target(target_index)
            self.fail(Msg.INVALID_SYNTAX, self.tok)
        self.advance()
        iter_ = self.star_expressions()
        self.colon()
        body = self.block(tok, 'for')
        orelse = self.else_block() if self.tok.string == 'else' else []
        end = self.last_solid()
        cls = n.AsyncFor if async_tok else n.For
        return cls(target, iter_, body, orelse, None, start.lineno, start.col, end.end_lineno,
                   end.end_col)

    # with_stmt: ASYNC? 'with' '(' ','.with_item+ ','? ')' ':' block
    #          | ASYNC? 'with' ','.with_item+ ':' [TYPE_COMMENT] block
    def with_stmt(self, async_tok=None):
        tok = self.advance()
        start = async_tok or tok
        items = None
        if self.tok.string == '(' and self._paren_then_colon():
            saved_i, saved_errors, depth = self.i, len(self.errors), self.depth
            try:
                items = self._paren_with_items()
            except ParseError:
                if len(self.errors) > saved_errors and \
                        self.errors[-1].message.startswith('cannot assign to'):
                    raise  # CPython's invalid_with_item, inside the parentheses
                self.i, self.tok, self.depth = saved_i, self.toks[saved_i], depth
                del self.errors[saved_errors:]
                items = None
        if items is None:
            items = []
            while True:
                items.append(self.with_item())
                if self.tok.string != ',':
                    break
                self.advance()
        self.colon()
        body = self.block(tok, 'with')
        end = self.last_solid()
        cls = n.AsyncWith if async_tok else n.With
        return cls(items, body, None, start.lineno, start.col, end.end_lineno, end.end_col)

    def _paren_then_colon(self):
        depth = 0
        toks = self.toks
        j = self.i
        while True:
            tok = toks[j]
            if tok.kind in (NEWLINE, ENDMARKER):
                return False
            if tok.kind == OP:
                s = tok.string
                if s in ('(', '[', '{'):
                    depth += 1
                elif s in (')', ']', '}'):
                    depth -= 1
                    if depth == 0:
                        # (before a line end: CPython's invalid_with_stmt reads the items and
                        # reports the missing ':')
                        return toks[j + 1].string == ':' or toks[j + 1].kind == NEWLINE
            j += 1

    def _paren_with_items(self):
        self.advance()
        items = []
        while True:
            items.append(self.with_item())
            if self.tok.string != ',':
                break
            self.advance()
            if self.tok.string == ')':
                break
        self.expect(')')
        if self.tok.string != ':' and self.tok.kind != NEWLINE:
            raise ParseError
        return items

    def invalid_with_target(self, index, mark):
        """CPython's invalid_with_item: an expression after 'as' (from token `index`) that
        is followed by ',', ')' or ':' is named as a target that cannot be assigned to."""
        failed = self.errors[mark:]
        at = self.i
        del self.errors[mark:]
        self.i, self.tok = index, self.toks[index]
        try:
            target = self.expression()
        except ParseError:
            target = None
        del self.errors[mark:]
        if target is not None and self.tok.string in (',', ')', ':'):
            self.set_ctx(target, STORE)
        self.i, self.tok = at, self.toks[at]
        self.errors.extend(failed)

    # with_item: expression 'as' star_target &(',' | ')' | ':') | expression
    def with_item(self):
        expr = self.expression()
        target = None
        if self.tok.string == 'as' and self.tok.kind == NAME:
            self.advance()
            target_index, mark = self.i, len(self.errors)
            try:
                target = self.star_target()
            except ParseError:
                self.invalid_with_target(target_index, mark)
                raise
            if self.tok.string not in (',', ')', ':') and self.tok.kind != NEWLINE:
                self.fail(Msg.INVALID_SYNTAX, self.tok)
        return n.withitem(expr, target)

    # try_stmt: 'try' &&':' block finally_block | 'try' &&':' block except_block+
    #           [else_block] [finally_block] | 'try' &&':' block except_star_block+ ...
    def try_stmt(self):
        tok = self.advance()
        self.colon(forced=True)
        body = self.block(tok, 'try')
        handlers = []
        orelse = []
        finalbody = []
        star = None
        while self.tok.string == 'except' and self.tok.kind == NAME:
            keyword = self.i
            handler, is_star = self.except_block()
            if star is None:
                star = is_star
            elif star != is_star:
                # CPython underlines the keyword (`except` or `except*`) of the odd handler.
                self.fail(Msg.EXCEPT_MIXED, self.toks[keyword],
                          self.toks[keyword + 1] if is_star else self.toks[keyword])
            handlers.append(handler)
        if handlers and self.tok.string == 'else' and self.tok.kind == NAME:
            orelse = self.else_block()
        if self.tok.string == 'finally' and self.tok.kind == NAME:
            fin = self.advance()
            self.colon(forced=True)
            finalbody = self.block(fin, 'finally')
        if not handlers and not finalbody:
            # Reported, not raised: the body is fine and what follows is a new statement.
            if self.tok.kind == ENDMARKER:
                self.report_at_indentation(Msg.EXPECTED_EXCEPT, self.tok)
            else:
                self.error(Msg.EXPECTED_EXCEPT, self.tok)
        end = self.last_solid()
        cls = n.TryStar if star else n.Try
        return cls(body, handlers, orelse, finalbody, tok.lineno, tok.col, end.end_lineno,
                   end.end_col)

    # except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
    # except_star_block: 'except' '*' expression ['as' NAME] ':' block
    def except_block(self):
        tok = self.advance()
        is_star = False
        if self.tok.string == '*' and self.tok.kind == OP:
            self.advance()
            is_star = True
            if self.tok.string == ':':
                self.fail(Msg.STAR_EXCEPT_EMPTY, self.tok)
        type_ = name = None
        if self.tok.string != ':' and self.tok.kind != NEWLINE:
            type_ = self.expression()
            if self.tok.string == ',':
                self.fail(Msg.MULTI_EXCEPT, type_, self._line_last_before(':'))
            if self.tok.string == 'as' and self.tok.kind == NAME:
                self.advance()
                name = self._plain_name()
        self.colon()
        body = self.block(tok, 'except*' if is_star else 'except')
        end = self.last_solid()
        return n.ExceptHandler(type_, name, body, tok.lineno, tok.col, end.end_lineno,
                               end.end_col), is_star

    def _line_last_before(self, string):
        j = self.i
        toks = self.toks
        while toks[j].kind not in (NEWLINE, ENDMARKER) and toks[j].string != string:
            j += 1
        return toks[j - 1]

    # decorators: ('@' f=named_expression NEWLINE)+
    def decorated(self):
        decorators = []
        while self.tok.string == '@' and self.tok.kind == OP:
            self.advance()
            decorators.append(self.named_expression())
            if self.tok.kind != NEWLINE:
                self.fail(Msg.INVALID_SYNTAX, self.tok)
            self.advance()
        tok = self.tok
        if tok.string == 'def':
            return self.function_def(decorators)
        if tok.string == 'class':
            return self.class_def(decorators)
        if tok.string == 'async' and self.toks[self.i + 1].string == 'def':
            return self.function_def(decorators, self.advance())
        self.fail(Msg.INVALID_SYNTAX, tok)

    # function_def_raw: ASYNC? 'def' NAME &&'(' [params] ')' ['->' expression] &&':'
    #                   [func_type_comment] block
    def function_def(self, decorators=None, async_tok=None):
        tok = self.advance()
        start = async_tok or tok
        name = self._plain_name()
        if self.tok.string != '(':
            self.fail(Msg.EXPECTED.format('('), self.tok)
        self.advance()
        args = self.parameters(')')
        self.expect(')')
        returns = None
        if self.tok.string == '->':
            self.advance()
            returns = self.expression()
        self.colon(forced=True)
        body = self.block(tok, 'function')
        end = self.last_solid()
        cls = n.AsyncFunctionDef if async_tok else n.FunctionDef
        return cls(name, args, body, decorators or [], returns, None, start.lineno, start.col,
                   end.end_lineno, end.end_col)

    # class_def_raw: 'class' NAME ['(' [arguments] ')'] &&':' block
    def class_def(self, decorators=None):
        tok = self.advance()
        name = self._plain_name()
        bases, keywords = [], []
        if self.tok.string == '(':
            open_ = self.advance()
            bases, keywords = self.arguments(open_)
            if self._bare_genexp is not None:
                self.fail(Msg.INVALID_SYNTAX, self._genexp_for)
            self.expect(')')
        self.colon()
        body = self.block(tok, 'class')
        end = self.last_solid()
        return n.ClassDef(name, bases, keywords, body, decorators or [], tok.lineno, tok.col,
                          end.end_lineno, end.end_col)

    # ASYNC (function_def | for_stmt | with_stmt)
    def async_stmt(self):
        nxt = self.toks[self.i + 1].string
        if nxt == 'def':
            return self.function_def(None, self.advance())
        if nxt == 'for':
            return self.for_stmt(self.advance())
        if nxt == 'with':
            return self.with_stmt(self.advance())
        self.fail(Msg.INVALID_SYNTAX, self.toks[self.i + 1])

    # An 'elif'/'else' that starts a statement has no 'if' (or loop, or try) before it.
    def else_without_if(self):
        self.fail(Msg.INVALID_SYNTAX, self.tok)


_KEYWORDS = frozenset({
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
    'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
})
_NOT_EXPR_KEYWORDS = _KEYWORDS - {'False', 'None', 'True', 'await', 'lambda', 'not'}

# Statements that do not end in an expression.
_WITHOUT_EXPRESSION = frozenset((n.Pass, n.Break, n.Continue, n.Global, n.Nonlocal, n.Import,
                                 n.ImportFrom))
# Tokens after which an `expression` begins (where CPython tries invalid_legacy_expression).
_BEFORE_EXPRESSION = frozenset(('=', ',', ':', ';', '(', '[', '{', ':=', '->', '+=', '-=', '*=',
                                '/=', '//=', '%=', '@=', '&=', '|=', '^=', '<<=', '>>=', '**='))
_KEYWORDS_BEFORE_EXPRESSION = frozenset(('return', 'raise', 'yield', 'assert', 'else', 'from',
                                         'if', 'elif', 'while', 'with', 'except'))


def _starts_operand(tok) -> bool:
    """Whether `tok` can begin a bitwise_or (an operand of '|')."""
    kind = tok.kind
    if kind == NAME:
        return tok.string not in _KEYWORDS or tok.string in ('True', 'False', 'None', 'await')
    if kind == OP:
        return tok.string in ('(', '[', '{', '-', '+', '~', '...')
    return kind == NUMBER or kind == STRING


_COMPOUND = {
    'if': StatementRules.if_stmt, 'while': StatementRules.while_stmt,
    'for': StatementRules.for_stmt, 'with': StatementRules.with_stmt,
    'try': StatementRules.try_stmt, 'def': StatementRules.function_def,
    'class': StatementRules.class_def, 'async': StatementRules.async_stmt,
    'elif': StatementRules.else_without_if, 'else': StatementRules.else_without_if,
}
_SIMPLE = {
    'pass': StatementRules.pass_stmt, 'break': StatementRules.break_stmt,
    'continue': StatementRules.continue_stmt, 'return': StatementRules.return_stmt,
    'raise': StatementRules.raise_stmt, 'global': StatementRules.global_stmt,
    'nonlocal': StatementRules.global_stmt, 'del': StatementRules.del_stmt,
    'assert': StatementRules.assert_stmt, 'import': StatementRules.import_name,
    'from': StatementRules.import_from,
}


def _grouped(target, start) -> bool:
    """Whether the statement's first expression `target` is a parenthesized group: it starts
    after the statement's opening '(' (a tuple or generator expression starts at it)."""
    return start.string == '(' and start.kind == OP and (
        target.lineno, target.col_offset) != (start.lineno, start.col)
