# An uncaught KeyboardInterrupt: traceback, then the process dies of SIGINT as CPython does.
print('before')
raise KeyboardInterrupt
