# gc.get_objects(), get_referrers() and get_referents() as interpreted code loops over them
# (Werkzeug's Rule leak test): every object they hand out can be bound to a variable and read.
import gc
import warnings


class Rule:
    pass


def count_rules():
    count = 0
    for obj in gc.get_objects():
        if isinstance(obj, Rule):
            count += 1
    return count, sum(1 for obj in gc.get_objects() if isinstance(obj, Rule))


def walk_generations():
    for generation in range(3):
        for obj in gc.get_objects(generation):
            obj = obj


rules = [Rule() for _ in range(3)]
print('rules found:', count_rules())
walk_generations()
print('generations walked')
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    holders = [ref for ref in gc.get_referrers(rules[0]) if ref is rules]
    print('list refers to rule:', len(holders))
    for obj in gc.get_referents(rules):
        assert isinstance(obj, Rule)
    print('referents are the rules:', len(gc.get_referents(rules)))
