"""The pool's order of work (pipeline/run/runner.py), on an in-memory stand-in for the worker processes:
a worker gets its next file before the caller is handed the result of the one it finished."""
from pathlib import Path

from pipeline.core.models import Failure, FailureEntry
from pipeline.run import runner
from pipeline.run.runner import Task, run_tasks


class _Conn:
    """The parent's end of a stand-in worker's pipe: a file sent is done at once, its result queued."""

    def __init__(self, sent: list):
        self.sent, self.replies = sent, []

    def send(self, msg):
        self.sent.append(msg)
        if msg is not None:
            index, _, source = msg
            self.replies.append((index, FailureEntry(result=Failure(source=source, category="not_pdf",
                                                                     message="stand-in")).model_dump_json()))

    def poll(self):
        return bool(self.replies)

    def recv(self):
        return self.replies.pop(0)

    def close(self):
        pass


class _Proc:
    sentinel = object()
    exitcode = 0

    def __init__(self, *a, **k):
        pass

    def start(self):
        pass

    def join(self, timeout=None):
        pass

    def is_alive(self):
        return False

    def kill(self):
        pass


class _Context:
    def __init__(self):
        self.sent: list = []

    def Pipe(self):  # noqa: N802 - multiprocessing's name
        return _Conn(self.sent), None

    Process = _Proc


def test_a_worker_gets_its_next_file_before_the_caller_gets_the_last_result(monkeypatch):
    ctx = _Context()
    monkeypatch.setattr(runner, "worker_context", lambda: ctx)
    monkeypatch.setattr(runner, "wait", lambda objs, timeout=None: [o for o in objs if isinstance(o, _Conn) and o.replies])

    def start(slot, *args):
        slot.proc, slot.conn, slot.done = _Proc(), ctx.Pipe()[0], 0

    monkeypatch.setattr(runner, "_start", start)
    tasks = [Task(i, Path(f"/nowhere/{i}.pdf"), f"{i}.pdf") for i in range(3)]
    seen = []
    for task, entry in run_tasks(tasks, workers=1):
        # when the caller holds file i's result, file i + 1 is already with the worker
        seen.append([m[0] for m in ctx.sent if m is not None])
        assert entry.result.source == task.source
    assert seen == [[0, 1], [0, 1, 2], [0, 1, 2]]
