"""A small Flask application: the one issue 8 serves with Memphis.

`memphis app.py [PORT]` serves it on 127.0.0.1 (threaded development server; Ctrl-C stops it);
`memphis demo.py` calls every route with Flask's test client and prints the responses.
"""

import sys

from flask import (
    Flask,
    abort,
    jsonify,
    redirect,
    render_template,
    render_template_string,
    request,
    session,
    url_for,
)
from notes import notes


def create_app() -> Flask:
    app = Flask(__name__)
    app.config['SECRET_KEY'] = 'memphis-demo-secret'
    app.register_blueprint(notes, url_prefix='/notes')

    @app.template_filter('shout')
    def shout(text: str) -> str:
        return text.upper() + '!'

    @app.route('/')
    def index():
        return render_template('index.html', title='Memphis', items=['lexer', 'parser', 'evaluator'])

    @app.route('/hello/<name>')
    def hello(name: str):
        return render_template_string(
            '{% for i in range(times) %}Hello {{ name|shout }} {% endfor %}'
            '{{ "<escaped>" }}', name=name, times=2)

    @app.route('/square/<int:number>')
    def square(number: int):
        return jsonify(number=number, square=number * number)

    @app.route('/half/<float:number>')
    def half(number: float):
        return jsonify(half=number / 2)

    @app.route('/path/<path:rest>')
    def path(rest: str):
        return {'parts': rest.split('/')}

    @app.route('/sum', methods=['POST'])
    def total():
        data = request.get_json()
        if not isinstance(data, list) or not all(isinstance(x, (int, float)) for x in data):
            abort(400, description='expected a JSON list of numbers')
        return jsonify(total=sum(data), count=len(data))

    @app.route('/work/<int:n>')
    def work(n: int):
        # a little computation, so that concurrent requests overlap
        return jsonify(n=n, fib=_fib(min(n, 20)))

    @app.route('/counter')
    def counter():
        session['visits'] = session.get('visits', 0) + 1
        return jsonify(visits=session['visits'])

    @app.route('/secret')
    def secret():
        abort(403)

    @app.route('/old')
    def old():
        return redirect(url_for('square', number=7))

    @app.route('/query')
    def query():
        return jsonify(args=request.args.to_dict(flat=False), agent=request.user_agent.string)

    @app.errorhandler(404)
    def not_found(error):
        return render_template('error.html', code=404, message='no such page'), 404

    @app.errorhandler(403)
    def forbidden(error):
        return jsonify(error='forbidden', code=403), 403

    @app.errorhandler(ZeroDivisionError)
    def division(error):
        return jsonify(error=f'{type(error).__name__}: {error}'), 500

    @app.route('/divide/<int:a>/<int:b>')
    def divide(a: int, b: int):
        return jsonify(result=a // b)

    return app


def _fib(n: int) -> int:
    return n if n < 2 else _fib(n - 1) + _fib(n - 2)


app = create_app()

if __name__ == '__main__':
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    app.run(host='127.0.0.1', port=port, threaded=True)
