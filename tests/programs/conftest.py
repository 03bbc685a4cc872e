"""The corpus programs are run by tests/test_programs.py, never collected as test modules."""

collect_ignore_glob = ['*.py']
