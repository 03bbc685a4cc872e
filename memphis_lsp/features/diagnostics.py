"""Diagnostics: `textDocument/publishDiagnostics` (push) and `textDocument/diagnostic` (pull).

Pull when the client supports it (then nothing is pushed), push otherwise. Pushed diagnostics
carry the version their analysis ran on, and only the document's latest version is published:
a run that finishes after a newer edit arrived is dropped.
"""

from __future__ import annotations

import asyncio
import logging

from lsprotocol import types

from interpreter.analysis.diagnostics import module_findings
from interpreter.analysis.imports import forget_locations

from ..analyses import Superseded
from ..documents import Document

__all__ = ['register', 'to_lsp_diagnostic', 'uses_pull_diagnostics']

logger = logging.getLogger(__name__)

SOURCE = 'memphis'

_SEVERITIES = {
    'error': types.DiagnosticSeverity.Error,
    'warning': types.DiagnosticSeverity.Warning,
    'information': types.DiagnosticSeverity.Information,
    'hint': types.DiagnosticSeverity.Hint,
}
_TAGS = {
    'unnecessary': types.DiagnosticTag.Unnecessary,
    'deprecated': types.DiagnosticTag.Deprecated,
}


def to_lsp_diagnostic(document: Document, finding) -> types.Diagnostic:
    """The LSP diagnostic of an analysis `Finding`, in the client's position encoding."""
    return types.Diagnostic(
        range=document.to_lsp_range(finding.lineno, finding.col,
                                    finding.end_lineno, finding.end_col),
        message=finding.message,
        severity=_SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Error),
        code=finding.code,
        source=SOURCE,
        tags=[_TAGS[tag] for tag in sorted(finding.tags) if tag in _TAGS] or None,
        data=finding.data,
    )


def uses_pull_diagnostics(server) -> bool:
    """Whether diagnostics are pulled by the client (else the server pushes them)."""
    mode = server.settings.diagnostic_mode
    if mode != 'auto':
        return mode == 'pull'
    capabilities = getattr(server.protocol, 'client_capabilities', None)
    text_document = capabilities.text_document if capabilities else None
    return text_document is not None and text_document.diagnostic is not None


def _client_refreshes(server) -> bool:
    """Whether the client supports `workspace/diagnostic/refresh`."""
    workspace = server.client_capabilities.workspace
    diagnostics = workspace.diagnostics if workspace else None
    return bool(diagnostics and diagnostics.refresh_support)


def register(server) -> None:
    """Push diagnostics after each open and change (and when files they import change on
    disk); answer pull requests."""
    server.diagnostics_generation = 0
    publishers: set[asyncio.Task] = set()  # the loop keeps only weak references to tasks

    def on_document(uri: str, document: Document | None) -> None:
        if uses_pull_diagnostics(server):
            return
        if document is None:
            server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            return
        # The previous version's publisher keeps running (it shares the analysis future) but
        # will find its version stale and publish nothing.
        task = asyncio.ensure_future(publish(document))
        publishers.add(task)
        task.add_done_callback(publishers.discard)

    async def publish(document: Document) -> None:
        try:
            analysis = await asyncio.shield(server.scheduler.analysis_future(document))
        except Superseded:
            return
        except Exception:
            logger.exception('analysis of %s failed', document.uri)
            return
        if server.documents.get(document.uri) is not document:
            return  # closed, or edited since: that version's publisher reports
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=document.uri, version=document.version,
            diagnostics=[to_lsp_diagnostic(document, finding)
                         for finding in analysis.diagnostics]))

    server.document_listeners.append(on_document)

    def on_disk(changes) -> None:
        # Unresolved imports and imported names depend on other files: check again.
        forget_locations()
        task = asyncio.ensure_future(refresh_open_documents())
        publishers.add(task)
        task.add_done_callback(publishers.discard)

    async def refresh_open_documents() -> None:
        changed = False
        for uri in list(server.documents):
            finished = server.latest_analysed(uri)
            if finished is None or server.documents.get(uri) is not finished[0]:
                continue  # being analysed: that run reads the disk as it is now
            document, analysis = finished
            findings = await asyncio.to_thread(module_findings, analysis)
            if findings == analysis.diagnostics:
                continue
            analysis.__dict__['diagnostics'] = findings
            changed = True
            if not uses_pull_diagnostics(server) and server.documents.get(uri) is document:
                server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                    uri=uri, version=document.version,
                    diagnostics=[to_lsp_diagnostic(document, finding) for finding in findings]))
        if changed and uses_pull_diagnostics(server):
            server.diagnostics_generation += 1
            if _client_refreshes(server):
                try:
                    await server.workspace_diagnostic_refresh_async(None)
                except Exception:  # the client's error: it pulls again on its own later
                    logger.exception('workspace/diagnostic/refresh failed')

    server.disk_listeners.append(on_disk)

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                    types.DiagnosticOptions(identifier=SOURCE, inter_file_dependencies=True,
                                            workspace_diagnostics=False))
    async def pull_diagnostics(ls, params: types.DocumentDiagnosticParams):
        analysed = await ls.analysed(params.text_document.uri)
        if analysed is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        document, analysis = analysed
        result_id = f'{ls.open_count}.{document.version}.{ls.diagnostics_generation}'
        if document.version is not None and params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(
            result_id=result_id if document.version is not None else None,
            items=[to_lsp_diagnostic(document, finding) for finding in analysis.diagnostics])
