# SystemExit with an integer status.
import sys
print('exit 3')
raise SystemExit(3)
