"""planner: a local-first exercise planner for people whose backs spasm or ache."""

__version__ = "0.1.0"
