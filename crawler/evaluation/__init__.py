"""Scoring body text on sets of real pages (Dragnet, CleanEval, trafilatura's real pages) next to the extractors a
user would otherwise use, in the same run: the sets' metrics, bootstrap intervals, the other extractors' outputs."""
