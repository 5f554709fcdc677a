"""kg: Chinese local news -> knowledge graph.

The data flow, one module a step (see README "Layout"):
ingest -> text -> articles -> extract/* -> resolve -> relate -> graph -> export/*
"""
from __future__ import annotations

__version__ = "0.1.0"
