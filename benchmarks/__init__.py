"""Benchmarks that print figures against the budgets in DESIGN.md (`make bench`); they never fail tests."""
