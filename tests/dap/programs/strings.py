import re

source = '''
def made(x):
    doubled = x * 2
    return doubled
'''
namespace = {}
exec(source, namespace)  # noqa: S102 - code without a file, on purpose
pattern = re.compile('a+')
total = namespace['made'](21)
print('total', total)
