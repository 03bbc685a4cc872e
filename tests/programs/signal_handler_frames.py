# A signal handler installed by interpreted code receives the interrupted (Memphis) frame;
# signal.getsignal and the previous handler returned by signal.signal are the program's.
import os
import signal


def handler(signum, frame):
    print('handled', signum == signal.SIGUSR1, frame.f_code.co_name, frame.f_lineno)
    print('caller of that frame:', frame.f_back.f_code.co_name if frame.f_back else None)


def interrupted():
    os.kill(os.getpid(), signal.SIGUSR1)
    return 'after the signal'


previous = signal.signal(signal.SIGUSR1, handler)
print(previous is signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
print(interrupted())
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)
print(signal.getsignal(signal.SIGUSR1) is signal.SIG_DFL)
