# Uncaught error raised inside __init__ via a property and a helper, shown frame by frame.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.check()
    @property
    def limit(self):
        return self.balance // self.divisor
    def check(self):
        if self.limit < 0:
            print('negative')
class Savings(Account):
    divisor = 0
Savings('ann', 100)
