"""Prints, as JSON lines, every response of examples/flask_app to demo.py's requests.

Run by tests/flask/test_flask_app.py under CPython and under Memphis: the lines must be equal.
Headers that carry the time (Date, and the signed session cookie's value) are left out.
"""

import json
import sys

sys.path.insert(0, sys.argv[1])

from app import app
from demo import REQUESTS


def described(response) -> dict:
    headers = []
    for name, value in response.headers.items():
        if name == 'Date':
            continue
        if name == 'Set-Cookie':
            cookie, _, attributes = value.partition(';')
            value = cookie.partition('=')[0] + '=<signed>;' + attributes
        headers.append([name, value])
    return {'status': response.status, 'headers': headers,
            'body': response.get_data(as_text=True)}


def main() -> None:
    client = app.test_client()
    for method, url, body in REQUESTS:
        response = client.open(url, method=method, json=body)
        print(json.dumps({'request': [method, url], **described(response)}))
        response.close()
    # a session travels in the cookie: a second client starts again at 1
    other = app.test_client()
    print(json.dumps(described(other.get('/counter'))))
    # conditional request on a static file, and a HEAD request
    etag = client.get('/static/style.css').headers['ETag']
    print(json.dumps(described(client.get('/static/style.css',
                                          headers={'If-None-Match': etag}))))
    print(json.dumps(described(client.head('/square/3'))))
    print(json.dumps(described(client.post('/sum', data='not json',
                                           content_type='application/json'))))


if __name__ == '__main__':
    main()
