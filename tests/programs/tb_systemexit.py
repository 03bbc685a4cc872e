# SystemExit with a message: printed to stderr, status 1; finally blocks run first.
import sys
try:
    print('working')
    sys.exit('fatal: stopping')
finally:
    print('finally')
