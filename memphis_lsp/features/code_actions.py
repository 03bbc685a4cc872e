"""Code actions (`textDocument/codeAction`): remove an unused import; add a missing import.

"Remove unused import" answers the unused-import finding (`import a, b`, `from x import a, b`,
parenthesised multi-line imports: only the unused names go). "Add missing import" answers an
undefined name that is a standard-library module (`sys.stdlib_module_names`) or that a module
of the workspace index defines at top level. Edits carry the document version they were made for.
"""

from __future__ import annotations

import sys

from lsprotocol import types

from ..import_edits import add_import_edit, find_import, remove_aliases_edits
from .analysed import Analysed, analysed
from .diagnostics import to_lsp_diagnostic
from .indexing import start_indexing, workspace_index_of

__all__ = ['UNDEFINED_NAME', 'UNUSED_IMPORT', 'register']

# The analysis's finding codes these actions answer (see "Diagnostic codes" in the README).
UNUSED_IMPORT = 'M020'
UNDEFINED_NAME = 'M010'


def _overlaps(finding, lineno: int, col: int, end_lineno: int, end_col: int) -> bool:
    return (finding.lineno, finding.col) <= (end_lineno, end_col) and \
        (lineno, col) <= (finding.end_lineno, finding.end_col)


def _workspace_edit(server, found: Analysed, edits) -> types.WorkspaceEdit:
    document = found.document
    text_edits = [types.TextEdit(range=document.to_lsp_range(*edit_range), new_text=new_text)
                  for edit_range, new_text in edits]
    capabilities = getattr(server.protocol, 'client_capabilities', None)
    workspace_edit = getattr(getattr(capabilities, 'workspace', None), 'workspace_edit', None)
    if getattr(workspace_edit, 'document_changes', False):
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(
                uri=document.uri, version=document.version),
            edits=text_edits)])
    return types.WorkspaceEdit(changes={document.uri: text_edits})


def remove_unused_import_actions(server, found: Analysed, findings) -> list[types.CodeAction]:
    """One action per unused-import finding, plus one removing all of them when there are several."""
    tree, ranges = found.analysis.tree, found.ranges
    located = []
    for finding in findings:
        hit = find_import(tree, ranges, finding.lineno, finding.col)
        if hit is not None:
            located.append((finding, *hit))
    actions = []
    for finding, statement, index, statements in located:
        edits = remove_aliases_edits(statement, {index}, ranges,
                                     alone_in_block=_alone_in_block(tree, statements))
        name = statement.names[index].asname or statement.names[index].name
        actions.append(types.CodeAction(
            title=f"Remove unused import '{name}'", kind=types.CodeActionKind.QuickFix,
            diagnostics=[to_lsp_diagnostic(found.document, finding)], is_preferred=True,
            edit=_workspace_edit(server, found, edits)))
    return actions


def remove_all_unused_imports_edits(found: Analysed, findings):
    """The edits removing every unused import the findings name, statement by statement."""
    tree, ranges = found.analysis.tree, found.ranges
    by_statement: dict[int, tuple] = {}
    for finding in findings:
        hit = find_import(tree, ranges, finding.lineno, finding.col)
        if hit is not None:
            statement, index, statements = hit
            entry = by_statement.setdefault(id(statement), (statement, set(), statements))
            entry[1].add(index)
    edits = []
    for statement, removed, statements in by_statement.values():
        edits.extend(remove_aliases_edits(statement, removed, ranges,
                                          alone_in_block=_alone_in_block(tree, statements)))
    return edits


def _alone_in_block(tree, statements: list) -> bool:
    return len(statements) == 1 and statements is not getattr(tree, 'body', None)


def import_candidates(server, name: str, path: str | None) -> list[str]:
    """Import statements that would define `name`: a stdlib module, or a workspace module's name.

    The workspace index may still be filling (its scan starts on first use): what it has so far
    is offered.
    """
    candidates = []
    if name in sys.stdlib_module_names and not name.startswith('_'):
        candidates.append(f'import {name}')
    start_indexing(server)
    for module, defining_path in workspace_index_of(server).definers(name):
        if defining_path != path:
            candidates.append(f'from {module} import {name}')
    return candidates


def add_missing_import_actions(server, found: Analysed, findings) -> list[types.CodeAction]:
    """For each undefined name: one action per import statement that would define it."""
    actions = []
    for finding in findings:
        name = found.ranges.text(finding.range)
        if not name.isidentifier():
            continue
        path = server.path_of(found.document.uri)
        for statement_text in import_candidates(server, name, path):
            edit = add_import_edit(found.analysis.tree, found.ranges, statement_text)
            actions.append(types.CodeAction(
                title=f"Add '{statement_text}'", kind=types.CodeActionKind.QuickFix,
                diagnostics=[to_lsp_diagnostic(found.document, finding)],
                edit=_workspace_edit(server, found, [edit])))
    return actions


def register(server) -> None:
    """Answer codeAction requests with quick fixes for the findings in the requested range."""

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix,
                           types.CodeActionKind.SourceOrganizeImports]))
    async def code_action(params: types.CodeActionParams):
        found = await analysed(server, params.text_document.uri)
        if found is None:
            return None
        requested = found.document.from_lsp_range(params.range)
        findings = found.analysis.diagnostics
        in_range = [finding for finding in findings if _overlaps(finding, *requested)]
        unused = [finding for finding in in_range if finding.code == UNUSED_IMPORT]
        undefined = [finding for finding in in_range if finding.code == UNDEFINED_NAME]
        actions = [*remove_unused_import_actions(server, found, unused),
                   *add_missing_import_actions(server, found, undefined)]
        every_unused = [finding for finding in findings if finding.code == UNUSED_IMPORT]
        if unused and len(every_unused) > 1:
            actions.append(types.CodeAction(
                title='Remove all unused imports',
                kind=types.CodeActionKind.SourceOrganizeImports,
                edit=_workspace_edit(server, found,
                                     remove_all_unused_imports_edits(found, every_unused))))
        only = params.context.only
        if only:
            actions = [action for action in actions
                       if any(action.kind == kind or action.kind.startswith(f'{kind}.')
                              for kind in only)]
        return actions or None
