# Interpreted json, re, string and textwrap, including their error messages.
import json
import re
import string
import textwrap

data = {'name': 'Memphis', 'tags': ['a', 'b'], 'nested': {'x': 1.5, 'y': None, 'z': True}}
text = json.dumps(data, indent=2, sort_keys=True)
print(text)
print(json.loads(text) == data, json.dumps('é\n', ensure_ascii=False), json.dumps([1, 'é']))


class Money:
    def __init__(self, cents):
        self.cents = cents


class MoneyEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Money):
            return {'cents': o.cents}
        return super().default(o)


print(json.dumps({'price': Money(250)}, cls=MoneyEncoder))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
for bad in ('{"a": }', '[1, 2', ''):
    try:
        json.loads(bad)
    except json.JSONDecodeError as error:
        print(type(error).__name__, error, error.pos)
try:
    json.dumps({1, 2})
except TypeError as error:
    print(error)

pattern = re.compile(r'(?P<key>\w+)=(?P<value>[^;]*)')
print([m.groupdict() for m in pattern.finditer('a=1;b=two;c=')])
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'x1 y22 z333'))
print(re.split(r'(,)\s*', 'a, b,c'), re.escape('a.b*c'), re.match(r'(a)|b', 'b').groups())
print(re.search(r'^\s*(\w+)', '  hello world', re.MULTILINE).span(1), re.findall(r'(\w)(\d)', 'a1b2'))
print(bool(re.fullmatch(r'[a-z]+', 'abc', re.IGNORECASE)), re.subn('a', 'b', 'aaa'))
try:
    re.compile('(unclosed')
except re.error as error:
    print('re.error:', error)

print(string.Template('$who likes ${what}').safe_substitute(who='tim'))
print(string.Formatter().vformat('{0:>5}|{name!r}', (42,), {'name': 'x'}))
print(string.capwords('hello   big world'), string.punctuation[:5], string.digits)
print(textwrap.fill('The quick brown fox jumps over the lazy dog ' * 2, width=30,
                    initial_indent='* ', subsequent_indent='  '))
print(textwrap.shorten('Hello there, general Kenobi', width=20, placeholder=' [...]'))
print(repr(textwrap.dedent('''
    def f():
        return 1
''')))
json.dumps({'price': Money(1)})
