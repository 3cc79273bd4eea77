"""API and web UI over the store (to come: no issue has asked for it yet)."""
