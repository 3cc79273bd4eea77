"""kroniek: political event data (PLOVER) from news text, explainable and local-first."""

__version__ = "0.1.0"
CONTRACT = "kroniek/1"
