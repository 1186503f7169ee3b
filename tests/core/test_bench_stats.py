"""The bench's figures: wall-clock and CPU time per call, side by side."""

from hipmap.core import bench


def test_timed_calls_report_cpu_time_beside_wall_clock_time():
    samples = bench._time_calls(lambda pm: sum(range(20000)), [None], 30)
    assert len(samples) == len(samples.cpu) == 30
    stats = bench._stats(samples)
    assert stats["runs"] == 30 and 0 < stats["cpu_median_ms"] <= stats["cpu_p99_ms"]
    assert set(bench._stats([1.0, 2.0])) == {"runs", "median_ms", "p99_ms", "max_ms"}  # plain samples: wall clock only
