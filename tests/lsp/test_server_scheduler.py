"""memphis_lsp.analyses.AnalysisScheduler: shared runs, superseded versions, one run per document."""

from __future__ import annotations

import asyncio
import threading

import pytest

from memphis_lsp.analyses import AnalysisScheduler, Superseded
from memphis_lsp.documents import Document


class BlockingAnalysis:
    """An analysis function that records what it analysed and waits until released."""

    def __init__(self):
        self.analysed: list[tuple[str, int]] = []
        self.release = threading.Event()
        self.started = threading.Event()

    def __call__(self, document: Document):
        self.analysed.append((document.uri, document.version))
        self.started.set()
        assert self.release.wait(30)
        return f'analysis of {document.uri} v{document.version}'


def version(uri: str, number: int) -> Document:
    return Document.from_text(uri, f'x = {number}\n', number)


@pytest.mark.asyncio
async def test_a_version_superseded_before_its_run_starts_is_skipped():
    analyse = BlockingAnalysis()
    scheduler = AnalysisScheduler(analyse)
    try:
        documents = [version('u', number) for number in (1, 2, 3)]
        scheduler.document_changed(documents[0])
        first = scheduler.analysis_future(documents[0])
        await asyncio.to_thread(analyse.started.wait, 30)
        for document in documents[1:]:
            scheduler.document_changed(document)
        second = scheduler.analysis_future(documents[1])
        third = scheduler.analysis_future(documents[2])
        assert scheduler.analysis_future(documents[2]) is third  # one run per version
        analyse.release.set()
        assert await first == 'analysis of u v1'
        with pytest.raises(Superseded):
            await second
        assert await third == 'analysis of u v3'
        assert analyse.analysed == [('u', 1), ('u', 3)]
        assert scheduler.finished['u'] == (documents[2], 'analysis of u v3')
    finally:
        analyse.release.set()
        scheduler.shutdown()


@pytest.mark.asyncio
async def test_runs_of_one_document_wait_for_each_other_but_not_for_other_documents():
    analyse = BlockingAnalysis()
    scheduler = AnalysisScheduler(lambda document: document.uri if document.uri == 'small'
                                  else analyse(document))
    try:
        big_1, big_2, small = version('big', 1), version('big', 2), version('small', 1)
        scheduler.document_changed(big_1)
        running = scheduler.analysis_future(big_1)
        await asyncio.to_thread(analyse.started.wait, 30)
        scheduler.document_changed(big_2)
        waiting = scheduler.analysis_future(big_2)
        scheduler.document_changed(small)
        assert await scheduler.analysis_future(small) == 'small'  # while big v1 still runs
        assert analyse.analysed == [('big', 1)] and not running.done()
        analyse.release.set()
        assert await waiting == 'analysis of big v2'
        assert analyse.analysed == [('big', 1), ('big', 2)]
    finally:
        analyse.release.set()
        scheduler.shutdown()


@pytest.mark.asyncio
async def test_cancelling_a_waiter_does_not_cancel_the_shared_run():
    analyse = BlockingAnalysis()
    scheduler = AnalysisScheduler(analyse)
    try:
        document = version('u', 1)
        scheduler.document_changed(document)
        waiter = asyncio.ensure_future(asyncio.shield(scheduler.analysis_future(document)))
        await asyncio.to_thread(analyse.started.wait, 30)
        waiter.cancel()
        analyse.release.set()
        assert await scheduler.analysis_future(document) == 'analysis of u v1'
        assert analyse.analysed == [('u', 1)]
    finally:
        analyse.release.set()
        scheduler.shutdown()


@pytest.mark.asyncio
async def test_a_failing_analysis_fails_its_waiters_only():
    def analyse(document: Document):
        if document.version == 1:
            raise RuntimeError('analysis bug')
        return f'v{document.version}'

    scheduler = AnalysisScheduler(analyse)
    try:
        first, second = version('u', 1), version('u', 2)
        scheduler.document_changed(first)
        with pytest.raises(RuntimeError, match='analysis bug'):
            await scheduler.analysis_future(first)
        scheduler.document_changed(second)
        assert await scheduler.analysis_future(second) == 'v2'
    finally:
        scheduler.shutdown()


@pytest.mark.asyncio
async def test_a_reopened_document_with_the_same_version_gets_its_own_run():
    analyse = BlockingAnalysis()
    scheduler = AnalysisScheduler(lambda document: (analyse(document), document.text)[1])
    try:
        before = Document.from_text('u', 'old = 1\n', 1)
        after = Document.from_text('u', 'new = 1\n', 1)
        scheduler.document_changed(before)
        old_run = scheduler.analysis_future(before)
        await asyncio.to_thread(analyse.started.wait, 30)
        scheduler.document_closed('u')
        scheduler.document_changed(after)
        new_run = scheduler.analysis_future(after)
        assert new_run is not old_run
        analyse.release.set()
        assert await old_run == 'old = 1\n'
        assert await new_run == 'new = 1\n'
        assert scheduler.finished['u'] == (after, 'new = 1\n')
    finally:
        analyse.release.set()
        scheduler.shutdown()
