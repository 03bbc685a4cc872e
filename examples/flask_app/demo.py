"""Calls every route of app.py with Flask's test client and prints each response."""

from app import app

REQUESTS = [
    ('GET', '/', None),
    ('GET', '/hello/memphis', None),
    ('GET', '/square/12', None),
    ('GET', '/half/3.5', None),
    ('GET', '/path/a/b/c', None),
    ('POST', '/sum', [1, 2, 3.5]),
    ('POST', '/sum', {'not': 'a list'}),
    ('GET', '/work/15', None),
    ('GET', '/counter', None),
    ('GET', '/counter', None),
    ('GET', '/secret', None),
    ('GET', '/old', None),
    ('GET', '/query?a=1&a=2&b=x', None),
    ('GET', '/missing', None),
    ('GET', '/divide/7/2', None),
    ('GET', '/divide/1/0', None),
    ('GET', '/notes/', None),
    ('GET', '/notes/2', None),
    ('GET', '/notes/9', None),
    ('POST', '/notes/', {'text': 'serve Flask'}),
    ('POST', '/notes/', {}),
    ('GET', '/notes/', None),
    ('GET', '/static/style.css', None),
]


def main() -> None:
    client = app.test_client()
    for method, url, body in REQUESTS:
        response = client.open(url, method=method, json=body)
        print(f'{method} {url} -> {response.status}  {response.content_type}')
        text = response.get_data(as_text=True).strip()
        for line in text.splitlines():
            print('   ', line)


if __name__ == '__main__':
    main()
