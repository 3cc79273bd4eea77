"""Readers: turn files, directories and standard input into :class:`~kroniek.model.Document`.

Readers never raise on bad input: they yield a :class:`~kroniek.errors.KroniekError` in place
of the document it would have been, so one bad line never stops a batch.
"""

from kroniek.ingest.readers import document_id, read_paths

__all__ = ["document_id", "read_paths"]
