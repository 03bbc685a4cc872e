import os
import sys

print('args', sys.argv[1:])
print('cwd', os.path.basename(os.getcwd()))
print('env', os.environ.get('MEMPHIS_DAP_TEST'))
