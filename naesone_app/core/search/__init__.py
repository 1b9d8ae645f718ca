"""Searching in one's own words: question analysis, the lexicon, BM25 ranking and the answer shape."""
