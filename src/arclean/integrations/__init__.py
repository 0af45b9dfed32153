"""Adapters that run arclean inside other data-processing engines (optional extras)."""
