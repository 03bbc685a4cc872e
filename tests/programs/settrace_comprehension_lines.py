# Comprehensions over several lines under a trace function: CPython 3.11 reports the line of
# each instruction that changes line (targets, conditions, elements), the comprehension's line
# for its loops and jumps, and after a condition that is a comparison, that comparison's line.
def nested(data):
    return [x
            for x in
              data
            if x
              > 1
            for y in
              range(x)
            if
              y]


def unpacking(data):
    return {a:
              b
            for a, (b,
                    c) in data
            if a and
              (c or b)
            if nested([a]) == []
            }


def generator(data):
    return sum(x
                for x in data
                for y in [x,
                          x]
                if y > 1
                )


def conditional(data):
    return [(x,
             y) for x in data for y in data if (x if
                                                 x > 1 else y)]


def negated(data):
    return {x
            for x in data
            if not
              x % 2}


class Attributes:
    value = 3

    def method(self, *args):
        return args


def attribute_lines(obj):
    first = (obj
             .value)
    second = (obj
              .method
              )(1,
                2)
    return first, second


print(nested([1, 2, 3]))
print(unpacking([(1, (2, 3)), (0, (1, 1)), (4, (0, 0))]))
print(generator([1, 2, 3]))
print(conditional([1, 2]))
print(sorted(negated(range(7))))
print(attribute_lines(Attributes()))
