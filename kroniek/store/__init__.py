"""The embedded DuckDB store: coded documents in, queries and exports out."""

from kroniek.store.db import Store

__all__ = ["Store"]
