# Uncaught error case: multiline_message (traceback position and message must match CPython).
raise ValueError("multi\nline message")
