"""The server's workspace index, built once on a worker thread with work-done progress.

Shared by workspace symbols, references and rename (which search the workspace's files).
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from lsprotocol import types

from interpreter.analysis.workspace_index import WorkspaceIndex

__all__ = ['indexed', 'start_indexing', 'workspace_index_of']

logger = logging.getLogger(__name__)

# Progress is reported at most this often (every N files), not once per file.
_REPORT_EVERY = 20


def workspace_index_of(server) -> WorkspaceIndex:
    """The server's workspace index (possibly still being filled)."""
    index = getattr(server, 'workspace_index', None)
    if index is None:
        index = WorkspaceIndex(server.workspace_roots())
        server.workspace_index = index
    return index


def start_indexing(server) -> asyncio.Task:
    """The task scanning the workspace (started on the first call)."""
    task = getattr(server, 'workspace_index_scan', None)
    if task is None:
        task = asyncio.ensure_future(_scan(server))
        server.workspace_index_scan = task
    return task


async def indexed(server) -> WorkspaceIndex:
    """The workspace index once the first scan is done."""
    await asyncio.shield(start_indexing(server))
    return workspace_index_of(server)


def _client_supports_progress(server) -> bool:
    try:
        window = server.client_capabilities.window
    except Exception:  # noqa: BLE001 - not initialised
        return False
    return bool(window and window.work_done_progress)


async def _scan(server) -> None:
    index = workspace_index_of(server)
    loop = asyncio.get_running_loop()
    progress = server.work_done_progress
    token = None
    if _client_supports_progress(server):
        token = str(uuid.uuid4())
        try:
            await progress.create_async(token)
            progress.begin(token, types.WorkDoneProgressBegin(
                title='Indexing workspace', percentage=0, cancellable=False))
        except Exception:
            logger.exception('work done progress refused')
            token = None

    def report(done: int, total: int, path: str) -> None:
        if token is None or done % _REPORT_EVERY:
            return
        loop.call_soon_threadsafe(progress.report, token, types.WorkDoneProgressReport(
            message=f'{done}/{total} files', percentage=int(100 * done / max(total, 1))))

    try:
        count = await asyncio.to_thread(index.scan, report)
    finally:
        if token is not None:
            progress.end(token, types.WorkDoneProgressEnd(message='workspace indexed'))
    logger.info('workspace index: %d files', count)
