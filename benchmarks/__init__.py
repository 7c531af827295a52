"""Benchmarks: speed measured against a named baseline, side by side in one process."""
