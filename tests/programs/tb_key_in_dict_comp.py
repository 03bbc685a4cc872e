# KeyError inside a dict comprehension called from a method.
class Table:
    def __init__(self, rows):
        self.rows = rows
    def index(self, column):
        return {row[column]: row for row in self.rows}
t = Table([{'id': 1}, {'name': 'x'}])
t.index('id')
