"""Error kinds of the parser and CPython 3.11's wording for each, kept as data."""

from __future__ import annotations

__all__ = ['Msg']


class Msg:
    """CPython's messages; `{}` fields are filled in where the error is found."""

    INVALID_SYNTAX = 'invalid syntax'
    FORGOT_COMMA = 'invalid syntax. Perhaps you forgot a comma?'
    EXPECTED = "expected '{}'"
    EXPECTED_BLOCK = "expected an indented block after '{}' statement on line {}"
    EXPECTED_BLOCK_DEFINITION = 'expected an indented block after {} definition on line {}'
    UNEXPECTED_INDENT = 'unexpected indent'
    UNINDENT_MISMATCH = 'unindent does not match any outer indentation level'
    EXPECTED_EXCEPT = "expected 'except' or 'finally' block"
    EXPECTED_ELSE = "expected 'else' after 'if' expression"
    EXCEPT_MIXED = "cannot have both 'except' and 'except*' on the same 'try'"
    STAR_EXCEPT_EMPTY = 'expected one or more exception types'
    MULTI_EXCEPT = 'multiple exception types must be parenthesized'
    ASSIGN_TO = 'cannot assign to {}'
    ASSIGN_TO_HERE = "cannot assign to {} here. Maybe you meant '==' instead of '='?"
    ASSIGN_YIELD = 'assignment to yield expression not possible'
    AUG_ASSIGN = "'{}' is an illegal expression for augmented assignment"
    ANN_TUPLE = 'only single target (not tuple) can be annotated'
    ANN_LIST = 'only single target (not list) can be annotated'
    ANN_ILLEGAL = 'illegal target for annotation'
    DELETE = 'cannot delete {}'
    STARRED_HERE = 'cannot use starred expression here'
    STARRED_DOUBLE = 'cannot use double starred expression here'
    WALRUS_TARGET = 'cannot use assignment expressions with {}'
    PRINT = "Missing parentheses in call to '{}'. Did you mean {}(...)?"
    MAYBE_EQ = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
    KW_EXPR = 'expression cannot contain assignment, perhaps you meant "=="?'
    KW_GENEXP = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
    POS_AFTER_KW = 'positional argument follows keyword argument'
    POS_AFTER_KW_UNPACK = 'positional argument follows keyword argument unpacking'
    ITER_AFTER_KW_UNPACK = 'iterable argument unpacking follows keyword argument unpacking'
    GENEXP_PARENS = 'Generator expression must be parenthesized'
    UNPACK_COMPREHENSION = 'iterable unpacking cannot be used in comprehension'
    UNPACK_DICT_COMPREHENSION = 'dict unpacking cannot be used in dict comprehension'
    COMPREHENSION_TARGET = 'did you forget parentheses around the comprehension target?'
    DICT_VALUE = "expression expected after dictionary key and ':'"
    DICT_STARRED_VALUE = 'cannot use a starred expression in a dictionary value'
    DICT_COLON = "':' expected after dictionary key"
    NON_DEFAULT = 'non-default argument follows default argument'
    DEFAULT_VALUE = 'expected default value expression'
    BARE_STAR = 'named arguments must follow bare *'
    DUP_SLASH = '/ may appear only once'
    SLASH_FIRST = 'at least one argument must precede /'
    SLASH_STAR_COMMA = 'expected comma between / and *'
    SLASH_AFTER_STAR = '/ must be ahead of *'
    DUP_STAR = '* argument may appear only once'
    KWARG_LAST = 'arguments cannot follow var-keyword argument'
    VAR_KW_DEFAULT = 'var-keyword argument cannot have default value'
    VAR_POS_DEFAULT = 'var-positional argument cannot have default value'
    PARAMS_PARENS = 'Function parameters cannot be parenthesized'
    LAMBDA_PARAMS_PARENS = 'Lambda expression parameters cannot be parenthesized'
    IMPORT_TRAILING = 'trailing comma not allowed without surrounding parentheses'
    SINGLE_MULTIPLE = 'multiple statements found while compiling a single statement'
    PATTERN_LITERALS = 'patterns may only match literals and attribute lookups'
    PATTERN_WILDCARD_TARGET = "cannot use '_' as a target"
    INVALID_PATTERN_TARGET = 'invalid pattern target'
    PATTERN_IMAGINARY = 'imaginary number required in complex literal'
    PATTERN_REAL = 'real number required in complex literal'
    POSITIONAL_PATTERN = 'positional patterns follow keyword patterns'
    FSTRING_EMPTY = 'f-string: empty expression not allowed'
    TOO_COMPLEX = 'too complex'
    TOO_NESTED = 'too many nested parentheses'
    RECURSION = 'too many nested statements or expressions to parse'
    INTERNAL = 'internal parser error: {}'
