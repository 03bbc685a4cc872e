"""`try`/`except*`: splitting exception groups among handlers and re-raising what is left."""

from __future__ import annotations

from ..runtime.exceptions import _check_catchable
from ..runtime.tracebacks import ALREADY_RECORDED, catch_in_frame, memphis_traceback, set_traceback

__all__ = ['combine_raised', 'compile_try_star']


def _leaf_ids(error: BaseException, found: set) -> set:
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            _leaf_ids(inner, found)
    else:
        found.add(id(error))
    return found


def _same_metadata(one: BaseException, other: BaseException) -> bool:
    """CPython's is_same_exception_metadata: the same notes, traceback (Memphis's), cause and
    context objects: a part of the original group (split copies them) or the group itself,
    not a new exception (nor one raised anew with `raise e`, which adds a traceback entry)."""
    return (getattr(one, '__notes__', None) is getattr(other, '__notes__', None)
            and memphis_traceback(one) is memphis_traceback(other)
            and one.__cause__ is other.__cause__ and one.__context__ is other.__context__)


def _copy_tracebacks(original: BaseException, derived) -> None:
    """Give `derived`, a part of `original` that split() made (and its nested parts), the
    Memphis traceback of what it was derived from, as split() copies the host's."""
    if derived is None or derived is original:
        return
    set_traceback(derived, memphis_traceback(original))
    if not isinstance(original, BaseExceptionGroup) or \
            not isinstance(derived, BaseExceptionGroup):
        return
    parts = iter(derived.exceptions)
    part = next(parts, None)
    for child in original.exceptions:
        if part is None:
            break
        if part is child:
            part = next(parts, None)
        elif isinstance(child, BaseExceptionGroup) and isinstance(part, BaseExceptionGroup) \
                and _leaf_ids(part, set()) <= _leaf_ids(child, set()):
            _copy_tracebacks(child, part)
            part = next(parts, None)


def _split(group: BaseExceptionGroup, condition) -> tuple:
    """`group.split(condition)` (a subclass's own split, derive), tracebacks copied."""
    match, rest = group.split(condition)
    _copy_tracebacks(group, match)
    _copy_tracebacks(group, rest)
    return match, rest


def combine_raised(original: BaseException, raised: list) -> BaseException | None:
    """What `except*` re-raises: CPython's _PyExc_PrepReraiseStar. `raised` holds what each
    clause raised and, last, the part no clause matched (None where there was nothing).

    The parts of the original group re-raised as they were (the unmatched rest, a bare
    `raise`) are projected back onto its structure; anything else raised is grouped with that.
    """
    raised = [error for error in raised if error is not None]
    if not raised:
        return None
    if not isinstance(original, BaseExceptionGroup):
        return raised[0]  # a naked exception: one clause at most matched it
    new, kept = [], set()
    for error in raised:
        if _same_metadata(error, original):
            _leaf_ids(error, kept)
        else:
            new.append(error)
    reraised = None
    if kept:
        reraised, _ = _split(original, lambda leaf: not isinstance(leaf, BaseExceptionGroup)
                             and id(leaf) in kept)
    if not new:
        return reraised
    if reraised is not None:
        new.append(reraised)
    return new[0] if len(new) == 1 else BaseExceptionGroup('', new)


def _check_star_type(spec) -> None:
    specs = spec if isinstance(spec, tuple) else (spec,)
    for cls in specs:
        _check_catchable(cls)
        if issubclass(cls, BaseExceptionGroup):
            raise TypeError('catching ExceptionGroup with except* is not allowed. Use except '
                            'instead.')


def _star_match(f, match, remaining):
    """(matched, rest) of one `except*` clause, as CPython's CHECK_EG_MATCH: an exception
    of the clause's type matches whole (a naked one wrapped in a group), a group is split."""
    spec = match(f)
    _check_star_type(spec)
    if remaining is None:  # all matched before: the type is still evaluated and checked
        return None, None
    if isinstance(remaining, spec):
        if isinstance(remaining, BaseExceptionGroup):
            return remaining, None
        wrapped = BaseExceptionGroup('', (remaining,))
        set_traceback(wrapped, memphis_traceback(remaining))
        return wrapped, None
    if isinstance(remaining, BaseExceptionGroup):
        return _split(remaining, spec)
    return None, remaining


def _handling(matched: BaseException):
    """Make `matched` the exception being handled while a clause runs (CPython's
    CHECK_EG_MATCH sets it: `sys.exception()`, the context of what the clause raises): raised
    here and caught by the caller's `except`, its own context and host traceback kept."""
    context, traceback = matched.__context__, matched.__traceback__
    try:
        raise matched
    finally:
        matched.__context__ = context
        matched.__traceback__ = traceback


def _outcome(f, e, remaining, raised: list):
    """What leaves the try once every `except*` clause has run: None if all was handled. Its
    frame entry is there already (the original's, or the raise's in a clause), as CPython's
    RERAISE adds none."""
    raised.append(remaining)
    result = combine_raised(e, raised)
    if result is None:
        if f.exc is e:
            f.exc = None
        return None
    f.exc = result
    f.exc_node = ALREADY_RECORDED
    # CPython's RERAISE: no 'exception' trace event, even for a group made of the parts
    f.traced_exc = result
    return result


def compile_try_star(compiler, node, *, generator: bool = False):
    """`try`/`except*`; with `generator`, a generator (some body or handler yields)."""
    if generator:
        return _compile_generator_try_star(compiler, node)
    return_line = _return_line(compiler, node)
    body = compiler.block(node.body)
    handlers = compiler.handlers(node.handlers)
    orelse = compiler.block(node.orelse) if node.orelse else None
    final = compiler.block(node.finalbody) if node.finalbody else None

    def try_star(f):
        try:
            r = body(f)
        except BaseException as e:  # noqa: BLE001 - split, then re-raised
            catch_in_frame(f, e)
            remaining = e
            raised = []
            for match, store, unbind, handler, _, _ in handlers:
                matched, remaining = _star_match(f, match, remaining)
                if matched is None:
                    continue
                if store is not None:
                    store(f, matched)
                try:
                    try:
                        _handling(matched)
                    except BaseException:  # noqa: BLE001 - `matched`, now being handled
                        handler(f)
                except BaseException as error:  # noqa: BLE001 - collected, re-raised below
                    catch_in_frame(f, error)
                    raised.append(error)
                finally:
                    if unbind is not None:
                        unbind(f)
            result = _outcome(f, e, remaining, raised)
            if result is None:
                if return_line is not None:
                    return_line(f)
                return None  # all handled: no else
        else:
            result = None
        if result is not None:
            # out of the handler: the result's context is its own (CPython's POP_EXCEPT)
            raise result
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


def _return_line(compiler, node):
    """For a `try`/`except*` that the code's implicit return follows: once its clauses
    handled everything, the line event CPython reports there when tracing (the return has the
    last clause's line: compiler.trace_lines.tail_statements). Plain code reports it only in
    a frame sys.settrace found running (pdb.set_trace() in a clause)."""
    if node.finalbody or id(node) not in compiler.tail_statements:
        return None
    from ..runtime.frames import switched_frames
    from ..runtime.tracing import loop_line_event

    line = node.handlers[-1].lineno
    if not compiler.instrument:
        def report_if_switched(f):
            if f in switched_frames:
                loop_line_event(f, line)

        return report_if_switched

    def report(f):
        # (after instructions without a line, CPython reports a line even if it is the same)
        loop_line_event(f, line)

    return report


def _compile_generator_try_star(compiler, node):
    return_line = _return_line(compiler, node)
    body, body_gen = compiler.block_any(node.body)
    handlers = compiler.handlers(node.handlers)
    orelse, orelse_gen = compiler.block_any(node.orelse) if node.orelse else (None, False)
    final, final_gen = compiler.block_any(node.finalbody) if node.finalbody else (None, False)

    def try_star(f):
        try:
            r = (yield from body(f)) if body_gen else body(f)
        except BaseException as e:  # noqa: BLE001 - split, then re-raised
            catch_in_frame(f, e)
            remaining = e
            raised = []
            for match, store, unbind, handler, is_gen, _ in handlers:
                matched, remaining = _star_match(f, match, remaining)
                if matched is None:
                    continue
                if store is not None:
                    store(f, matched)
                try:
                    try:
                        _handling(matched)
                    except BaseException:  # noqa: BLE001 - `matched`, now being handled
                        if is_gen:
                            yield from handler(f)
                        else:
                            handler(f)
                except BaseException as error:  # noqa: BLE001 - collected, re-raised below
                    catch_in_frame(f, error)
                    raised.append(error)
                finally:
                    if unbind is not None:
                        unbind(f)
            result = _outcome(f, e, remaining, raised)
            if result is None:
                if return_line is not None:
                    return_line(f)
                return None  # all handled: no else
        else:
            result = None
        if result is not None:
            raise result
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
