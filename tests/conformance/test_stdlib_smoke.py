"""The interpreted standard library: each module of issue 4's list imported and used under Memphis.

Each snippet runs as `memphis -c "import M; ..."` and as `python3 -c` with the same text; stdout,
stderr and the exit status must be identical. The snippets are small: this shows a module imports
and its common entry points work; CPython's own regression tests go deeper.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

SMOKE = {
 'os': "print(os.path.join('a','b'), os.getcwd() != '', sorted(os.environ)[:0], os.fspath('x'))",
 'os.path': "print(os.path.splitext('a/b.c'), os.path.basename('/x/y'))",
 'io': "s=io.StringIO(); s.write('x'); print(s.getvalue(), io.BytesIO(b'a').read(), io.TextIOWrapper(io.BytesIO(b'hi\\n')).read())",
 'abc': "class A(abc.ABC):\n @abc.abstractmethod\n def f(self): pass\ntry: A()\nexcept TypeError as e: print(e)",
 'collections': "print(collections.Counter('aab'), collections.namedtuple('P','x y')(1,2), collections.ChainMap({1:2}))",
 'collections.abc': "print(isinstance([], collections.abc.Sequence), issubclass(dict, collections.abc.Mapping))",
 'functools': "print(functools.reduce(lambda a,b:a+b,[1,2]), functools.partial(max,1)(2)); print(functools.cache(lambda x:x)(3)); print(functools.singledispatch(lambda x: 1)(2))",
 'itertools': "print(list(itertools.chain([1],[2])), list(itertools.product('ab', repeat=2)))",
 'operator': "print(operator.itemgetter(1)([1,2]), operator.attrgetter('real')(3))",
 'types': "print(types.SimpleNamespace(a=1), types.MappingProxyType({1:2}), type(types.new_class('X')))",
 'typing': "T=typing.TypeVar('T')\nclass G(typing.Generic[T]): pass\nprint(G[int], typing.Optional[int], typing.get_type_hints(typing.NamedTuple('N',[('a',int)])))\nclass P(typing.Protocol):\n def m(self): ...\nprint(typing.cast(int, 1))",
 'dataclasses': "@dataclasses.dataclass(frozen=True)\nclass P:\n x: int\n y: list = dataclasses.field(default_factory=list)\nprint(P(1), dataclasses.replace(P(1), x=2), hash(P(1))==hash(P(1)))",
 'enum': "class C(enum.Enum):\n A=1\n B=enum.auto()\nprint(list(C), C['A'], C(2))\nclass F(enum.Flag):\n X=1\n Y=2\nprint(F.X|F.Y)",
 're': "print(re.sub(r'(a)(b)?', r'\\1x', 'abac'), re.split(r'\\W+', 'a, b'), re.fullmatch(r'(?P<n>\\d+)', '12').groupdict())",
 'json': "print(json.dumps({'a':[1,{'b':None}]}, sort_keys=True, indent=2), json.loads('[1.5, \"x\", {\"a\": null}]'))",
 'string': "print(string.Template('$a').substitute(a=1), string.Formatter().format('{0}', 5), string.capwords('a b'))",
 'textwrap': "print(textwrap.wrap('aaa bbb ccc', 5), textwrap.indent('a\\nb', '> '))",
 'contextlib': "with contextlib.ExitStack() as s: s.callback(print, 'cb')\nwith contextlib.redirect_stdout(__import__('io').StringIO()): print('hidden')\nprint('ok')",
 'copy': "a=[[1]]; b=copy.deepcopy(a); b[0].append(2); print(a, b, copy.copy({1:2}))",
 'weakref': "class A: pass\na=A(); r=weakref.ref(a); print(r() is a); d=weakref.WeakValueDictionary(); d[1]=a; print(len(d))",
 'heapq': "h=[]; [heapq.heappush(h, x) for x in [3,1,2]]; print(heapq.heappop(h), heapq.nlargest(2,[1,5,3]))",
 'bisect': "print(bisect.bisect([1,2,3], 2), bisect.insort_left([1,3], 2))",
 'random': "random.seed(1); print(random.random(), random.randint(1, 10), random.choice('abc'))",
 'datetime': "print(datetime.date(2020,1,2)+datetime.timedelta(days=3), datetime.datetime(2020,1,1,tzinfo=datetime.timezone.utc).isoformat())",
 'decimal': "print(decimal.Decimal('1.10')*3, decimal.getcontext().prec)",
 'fractions': "print(fractions.Fraction(3, 6), fractions.Fraction('1.5'))",
 'statistics': "print(statistics.median([3,1,2]), statistics.stdev([1,2,3,4]))",
 'pathlib': "print(pathlib.PurePosixPath('/a/b.txt').stem, pathlib.Path('.').is_dir())",
 'tempfile': "import os\nwith tempfile.TemporaryDirectory() as d: print(os.path.isdir(d))",
 'shutil': "print(shutil.which('sh') is not None)",
 'glob': "print(glob.glob('*.nonexistent'))",
 'fnmatch': "print(fnmatch.fnmatch('a.py', '*.py'))",
 'argparse': "p=argparse.ArgumentParser(prog='x'); p.add_argument('n', type=int); p.add_argument('-v', action='store_true'); print(p.parse_args(['3','-v']))",
 'logging': "logging.basicConfig(format='%(levelname)s %(message)s'); logging.warning('w %d', 1)",
 'warnings': "warnings.warn('x')",
 'traceback': "try: 1/0\nexcept Exception: print(traceback.format_exc().splitlines()[-1])",
 'inspect': "def f(a, b=1): pass\nprint(inspect.signature(f), inspect.isfunction(f))",
 'linecache': "print(linecache.getline(__import__('os').__file__, 1)[:10])",
 'tokenize': "import io\nprint([t.string for t in tokenize.generate_tokens(io.StringIO('a = 1\\n').readline)])",
 'ast': "print(ast.dump(ast.parse('a+1')))",
 'pprint': "pprint.pprint({'a': list(range(30))})",
 'reprlib': "print(reprlib.repr(list(range(100))))",
 'threading': "t=threading.Thread(target=print, args=(1,)); t.start(); t.join(); print(threading.current_thread().name)",
 'queue': "q=queue.Queue(); q.put(1); print(q.get())",
 'concurrent.futures': "with concurrent.futures.ThreadPoolExecutor(2) as ex: print(list(ex.map(abs, [-1, -2])))",
 'asyncio': "async def m():\n await asyncio.sleep(0)\n q=asyncio.Queue(); await q.put(1)\n return await asyncio.wait_for(q.get(), 1)\nprint(asyncio.run(m()))",
 'socket': "print(socket.AF_INET, socket.gethostname() != '')",
 'selectors': "print(selectors.DefaultSelector().__class__.__name__)",
 'http.client': "print(http.client.responses[404])",
 'urllib.parse': "print(urllib.parse.urlparse('http://a/b?c=1'), urllib.parse.quote('a b'))",
 'email': "import email.message\nm=email.message.EmailMessage(); m['To']='a@b'; print(m['To'])",
 'base64': "print(base64.b64encode(b'hi'), base64.b64decode(b'aGk='))",
 'hashlib': "print(hashlib.sha256(b'x').hexdigest()[:8], hashlib.md5(b'').hexdigest()[:8])",
 'struct': "print(struct.pack('<i', 1), struct.unpack('<h', b'\\x01\\x00'))",
 'csv': "import io\nr=csv.reader(io.StringIO('a,b\\n1,2\\n')); print(list(r))",
 'sqlite3': "c=sqlite3.connect(':memory:'); c.execute('create table t(x)'); c.execute('insert into t values (1)'); print(c.execute('select * from t').fetchall())",
 'unittest': "class T(unittest.TestCase):\n def test(self): self.assertEqual(1, 1)\nr=unittest.TextTestRunner(stream=__import__('io').StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(T)); print(r.wasSuccessful())",
 'doctest': "print(doctest.testmod.__name__)",
 'keyword': "print(keyword.iskeyword('if'), keyword.kwlist[:3])",
 'importlib': "print(importlib.import_module('json').__name__)",
 'pickle': "print(pickle.loads(pickle.dumps({1: [2, (3,)]})))",
}


def run(command: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    return subprocess.run(command, cwd=ROOT, capture_output=True, timeout=600, env=env,
                          check=False)


@pytest.mark.slow
@pytest.mark.parametrize('module', sorted(SMOKE))
def test_module_matches_cpython(module: str) -> None:
    code = f'import {module}\n{SMOKE[module]}\n'
    expected = run([sys.executable, '-c', code])
    actual = run([sys.executable, '-m', 'interpreter', '-c', code])
    assert actual.stdout.decode() == expected.stdout.decode()
    assert actual.stderr.decode() == expected.stderr.decode()
    assert actual.returncode == expected.returncode
