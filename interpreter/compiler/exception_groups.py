"""`try`/`except*`: splitting exception groups among handlers and re-raising what is left."""

from __future__ import annotations

from ..runtime.exceptions import _check_catchable
from ..runtime.tracebacks import ALREADY_RECORDED, catch_in_frame

__all__ = ['combine_raised', 'compile_try_star']


def _leaves(error: BaseException, found: set) -> set:
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            _leaves(inner, found)
    else:
        found.add(id(error))
    return found


def combine_raised(original: BaseException, raised: list) -> BaseException | None:
    """What `except*` re-raises: CPython's _PyExc_PrepReraiseStar.

    Exceptions that are parts of the original group (the unhandled rest and bare re-raises)
    keep the original's structure; new exceptions raised by handlers are grouped with them.
    """
    raised = [r for r in raised if r is not None]
    if not raised:
        return None
    if not isinstance(original, BaseExceptionGroup):
        return raised[0]
    original_leaves = _leaves(original, set())
    kept, new = set(), []
    for error in raised:
        leaves = _leaves(error, set())
        if leaves and leaves <= original_leaves:
            kept |= leaves
        else:
            new.append(error)
    reraised = None
    if kept:
        reraised, _ = original.split(lambda leaf: id(leaf) in kept
                                     if not isinstance(leaf, BaseExceptionGroup) else False)
    if not new:
        return reraised
    if reraised is not None:
        new.append(reraised)
    if len(new) == 1:
        return new[0]
    return BaseExceptionGroup('', new) if not all(isinstance(e, Exception) for e in new) \
        else ExceptionGroup('', new)


def _check_star_type(spec) -> None:
    specs = spec if isinstance(spec, tuple) else (spec,)
    for cls in specs:
        _check_catchable(cls)
        if issubclass(cls, BaseExceptionGroup):
            raise TypeError('catching ExceptionGroup with except* is not allowed. Use except '
                            'instead.')


def _as_group(error: BaseException) -> BaseExceptionGroup:
    if isinstance(error, BaseExceptionGroup):
        return error
    return ExceptionGroup('', [error]) if isinstance(error, Exception) \
        else BaseExceptionGroup('', [error])


def _star_match(f, match, remaining):
    """(matched, rest) of the group for one `except*` clause."""
    spec = match(f)
    _check_star_type(spec)
    return remaining.split(spec)


def _reraise_after_handlers(f, e, remaining, raised: list):
    """Raise what is left once every `except*` clause has run (nothing if all was handled)."""
    if remaining is not None:
        raised.append(e if not isinstance(e, BaseExceptionGroup) else remaining)
    result = combine_raised(e, raised)
    if result is None:
        if f.exc is e:
            f.exc = None
        return
    if result is e:
        f.exc = e
        f.exc_node = ALREADY_RECORDED
    # CPython's RERAISE: no 'exception' trace event, even for a group made of the parts
    f.traced_exc = result
    raise result


def compile_try_star(compiler, node, *, generator: bool = False):
    """`try`/`except*`; with `generator`, a generator (some body or handler yields)."""
    if generator:
        return _compile_generator_try_star(compiler, node)
    body = compiler.block(node.body)
    handlers = compiler.handlers(node.handlers)
    orelse = compiler.block(node.orelse) if node.orelse else None
    final = compiler.block(node.finalbody) if node.finalbody else None

    def try_star(f):
        try:
            r = body(f)
        except BaseException as e:  # noqa: BLE001 - split, then re-raised
            catch_in_frame(f, e)
            remaining = _as_group(e)
            raised = []
            for match, store, unbind, handler, _, _ in handlers:
                if remaining is None:
                    break
                matched, remaining = _star_match(f, match, remaining)
                if matched is None:
                    continue
                if store is not None:
                    store(f, matched)
                try:
                    handler(f)
                except BaseException as error:  # noqa: BLE001 - collected, re-raised below
                    raised.append(error)
                finally:
                    if unbind is not None:
                        unbind(f)
            _reraise_after_handlers(f, e, remaining, raised)
            return None
        if r is not None:
            return r  # return/break/continue in the body: no else
        if orelse is not None:
            return orelse(f)
        return r

    if final is None:
        return try_star

    def try_star_finally(f):
        try:
            r = try_star(f)
        except BaseException as e:
            catch_in_frame(f, e)
            r = final(f)
            if r is not None:
                return r
            f.exc = e
            f.exc_node = ALREADY_RECORDED
            raise
        done = final(f)
        if done is not None:
            return done
        return r

    return try_star_finally


def _compile_generator_try_star(compiler, node):
    body, body_gen = compiler.block_any(node.body)
    handlers = compiler.handlers(node.handlers)
    orelse, orelse_gen = compiler.block_any(node.orelse) if node.orelse else (None, False)
    final, final_gen = compiler.block_any(node.finalbody) if node.finalbody else (None, False)

    def try_star(f):
        try:
            r = (yield from body(f)) if body_gen else body(f)
        except BaseException as e:  # noqa: BLE001 - split, then re-raised
            catch_in_frame(f, e)
            remaining = _as_group(e)
            raised = []
            for match, store, unbind, handler, is_gen, _ in handlers:
                if remaining is None:
                    break
                matched, remaining = _star_match(f, match, remaining)
                if matched is None:
                    continue
                if store is not None:
                    store(f, matched)
                try:
                    if is_gen:
                        yield from handler(f)
                    else:
                        handler(f)
                except BaseException as error:  # noqa: BLE001 - collected, re-raised below
                    raised.append(error)
                finally:
                    if unbind is not None:
                        unbind(f)
            _reraise_after_handlers(f, e, remaining, raised)
            return None
        if r is not None:
            return r  # return/break/continue in the body: no else
        if orelse is not None:
            return (yield from orelse(f)) if orelse_gen else orelse(f)
        return r

    if final is None:
        return try_star

    def try_star_finally(f):
        try:
            r = yield from try_star(f)
        except BaseException as e:
            catch_in_frame(f, e)
            r = (yield from final(f)) if final_gen else final(f)
            if r is not None:
                return r
            f.exc = e
            f.exc_node = ALREADY_RECORDED
            raise
        done = (yield from final(f)) if final_gen else final(f)
        if done is not None:
            return done
        return r

    return try_star_finally
