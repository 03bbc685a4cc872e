"""A blueprint: notes kept in memory, with its own templates folder."""

from flask import Blueprint, abort, jsonify, render_template, request

notes = Blueprint('notes', __name__, template_folder='templates')
_NOTES: dict[int, str] = {1: 'interpret the Python', 2: 'bridge the C'}


@notes.route('/')
def list_notes():
    return render_template('notes/list.html', notes=sorted(_NOTES.items()))


@notes.route('/<int:note_id>')
def show(note_id: int):
    if note_id not in _NOTES:
        abort(404)
    return jsonify(id=note_id, text=_NOTES[note_id])


@notes.route('/', methods=['POST'])
def add():
    text = (request.get_json(silent=True) or {}).get('text')
    if not text:
        return jsonify(error='a note needs "text"'), 400
    note_id = max(_NOTES, default=0) + 1
    _NOTES[note_id] = text
    return jsonify(id=note_id, text=text), 201
