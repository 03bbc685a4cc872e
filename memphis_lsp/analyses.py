"""Module analyses of open documents, computed off the event loop, one per (uri, version).

A run for a version that is no longer the document's latest when a worker picks it up is
skipped (`Superseded`), so a burst of edits costs one analysis, not one per keystroke.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from interpreter.analysis.module import ModuleAnalysis, analyse_module

from .documents import Document

__all__ = ['AnalysisScheduler', 'Superseded', 'analyse_document']

logger = logging.getLogger(__name__)


class Superseded(Exception):
    """The document changed before its analysis started; nobody needs this version's."""


def analyse_document(document: Document, filename: str,
                     search_path: list[str] | None) -> ModuleAnalysis:
    """The analysis of one document version (runs on a worker thread)."""
    analysis = analyse_module(document.text, filename, search_path=search_path)
    # The server reads the findings on the event loop: compute the lazy parts here, off it.
    analysis.diagnostics  # noqa: B018
    return analysis


class AnalysisScheduler:
    """Runs analyses on worker threads of our own (not pygls's pool, which also reads stdin)."""

    def __init__(self, analyse: Callable[[Document], Any], *, workers: int = 2):
        self._analyse = analyse
        self._executor = ThreadPoolExecutor(max_workers=workers,
                                            thread_name_prefix='memphis-analysis')
        # uri -> latest known version; read by the workers to skip stale runs.
        self._latest: dict[str, int | None] = {}
        self._latest_lock = threading.Lock()
        # (uri, version) -> (document, future of its analysis): shared by every waiter.
        self._runs: dict[tuple[str, int | None], tuple[Document, asyncio.Future]] = {}
        # uri -> the task of its latest run (runs of one document go one after another).
        self._running: dict[str, asyncio.Task] = {}
        # uri -> (document, analysis) of the newest finished run.
        self.finished: dict[str, tuple[Document, Any]] = {}

    def document_changed(self, document: Document) -> None:
        """Record the latest version of a document (call on every open and change)."""
        # Runs of older versions are not cancelled (their waiters would see a CancelledError
        # as if their own request had been cancelled): a worker skips them as `Superseded`.
        with self._latest_lock:
            self._latest[document.uri] = document.version

    def document_closed(self, uri: str) -> None:
        """Forget a closed document's runs and results."""
        with self._latest_lock:
            self._latest.pop(uri, None)
        self.finished.pop(uri, None)

    def analysis_future(self, document: Document) -> asyncio.Future:
        """The (shared) future of `document`'s analysis; starts the run if there is none."""
        key = (document.uri, document.version)
        finished = self.finished.get(document.uri)
        loop = asyncio.get_running_loop()
        if finished is not None and finished[0] is document:
            future = loop.create_future()
            future.set_result(finished[1])
            return future
        entry = self._runs.get(key)
        # The same document object: a reopened document may repeat a version with other text.
        if entry is not None and entry[0] is document:
            return entry[1]
        run = asyncio.ensure_future(self._run(document))
        self._runs[key] = (document, run)
        return run

    async def _run(self, document: Document) -> Any:
        # One run per document at a time: two versions analysed side by side would only share
        # the GIL, and the older is not wanted; the newer waits, then runs if still current.
        uri = document.uri
        previous = self._running.get(uri)
        this_run = asyncio.current_task()
        self._running[uri] = this_run
        loop = asyncio.get_running_loop()
        try:
            if previous is not None and not previous.done():
                await asyncio.wait([previous])
            analysis = await loop.run_in_executor(self._executor, self._run_if_current, document)
        finally:
            if self._runs.get((uri, document.version), (None,))[0] is document:
                del self._runs[uri, document.version]
            if self._running.get(uri) is this_run:
                del self._running[uri]
        finished = self.finished.get(uri)
        if uri in self._latest and (
                finished is None or _newer_or_same(document.version, finished[0].version)):
            self.finished[uri] = (document, analysis)
        return analysis

    def _run_if_current(self, document: Document) -> Any:
        with self._latest_lock:
            latest = self._latest.get(document.uri, document.version)
        if latest != document.version:
            raise Superseded(f'{document.uri} version {document.version} (now {latest})')
        started = time.perf_counter()
        analysis = self._analyse(document)
        logger.info('analysed %s version %s in %.1f ms (re-parsed: %s, functions reused: %s)',
                    document.uri, document.version, (time.perf_counter() - started) * 1000,
                    getattr(analysis, 'reparsed', None), getattr(analysis, 'reused_walks', None))
        return analysis

    def shutdown(self) -> None:
        """Stop the workers (runs in progress finish; queued ones are dropped)."""
        self._executor.shutdown(wait=False, cancel_futures=True)


def _newer_or_same(version: int | None, than: int | None) -> bool:
    return version is None or than is None or version >= than
