"""pdb's `jump` command (it sets `frame.f_lineno` from its trace function), driven by a script."""
import io
import os
import pdb


def work():
    value = 1
    value = 2
    value = 3
    return value


def run(script: str, breakpoint_line: int | None = None) -> None:
    out = io.StringIO()
    debugger = pdb.Pdb(stdin=io.StringIO(script), stdout=out, nosigint=True, readrc=False)
    debugger.use_rawinput = False
    if breakpoint_line is not None:
        debugger.set_break(__file__, breakpoint_line)
    print('result', debugger.runcall(work))
    print(out.getvalue().replace(__file__, os.path.basename(__file__)))


first = work.__code__.co_firstlineno
run('jump %d\np value\nnext\np value\ncontinue\n' % (first + 3))
run('next\nnext\njump %d\nnext\np value\ncontinue\n' % (first + 1))
run('jump %d\ncontinue\n' % (first + 40))
run('continue\njump %d\ncontinue\n' % (first + 1), first + 4)
