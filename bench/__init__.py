"""Benchmarks: long-running measurements printed as tables, never part of the test suite."""
