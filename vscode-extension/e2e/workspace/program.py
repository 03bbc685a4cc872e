import re


def work(count):
    pattern = re.compile(r"[0-9]+")
    total = count * 2
    found = pattern.findall("a1b22c333")
    return total + len(found)  # breakpoint


print("result", work(20))
print("memphis-e2e-done")
