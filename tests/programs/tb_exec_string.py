# Tracebacks through exec'd and eval'd source: "<string>" frames without source lines.
def run(source):
    exec(source, {})
try:
    run('x = 1\ny = x / 0')
except ZeroDivisionError as e:
    print('caught', e)
eval('undefined_name + 1')
