"""Text-level steps that come before any language pack: language identification."""
