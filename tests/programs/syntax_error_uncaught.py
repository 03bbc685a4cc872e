# A syntax error in the program itself: reported before anything runs, exit status 1.
print('never printed')
x = (1,
     2
y = 3
