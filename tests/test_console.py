"""Progress where no terminal shows a bar: log lines at a steady interval, quiet for short jobs."""

import io

from flipbench.console import LogProgress, progress


def test_progress_off_a_terminal_is_a_log_of_lines():
    assert isinstance(progress(total=3, desc="x", out=io.StringIO()), LogProgress)


def test_log_progress_prints_a_line_each_interval_and_a_last_one_on_close():
    out = io.StringIO()
    bar = LogProgress(total=4, desc="certifying", unit="fault", out=out, every=0.0)
    bar.update(1)
    bar.set_postfix_str("2 errors")
    bar.update(3)
    bar.close()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("certifying: 1/4 fault (")
    assert lines[1].startswith("certifying: 4/4 fault (") and lines[1].endswith(", 2 errors)")
    assert lines[-1].startswith("certifying: 4/4 fault (done, ")


def test_a_job_shorter_than_the_interval_prints_nothing():
    out = io.StringIO()
    for _ in LogProgress(range(100), total=None, desc="quick", unit="it", out=out, every=3600.0):
        pass
    assert out.getvalue() == ""


def test_iterating_counts_every_item_of_a_sized_iterable():
    out = io.StringIO()
    bar = LogProgress(["a", "b"], total=None, desc="items", unit="item", out=out, every=0.0)
    assert list(bar) == ["a", "b"]
    assert bar.n == 2 and "items: 2/2 item (done, " in out.getvalue()
