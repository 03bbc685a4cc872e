# Uncaught errors from a match guard and inside a generator expression consumed by sum().
def classify(value):
    match value:
        case {'size': size} if size > 10:
            return 'big'
        case _:
            return 'other'
print(classify({'size': 20}), classify(5))
def total(rows):
    return sum(row['count'] * 2 for row in rows)
print(total([{'count': 1}]))
total([{'count': 1}, {'count': None}])
