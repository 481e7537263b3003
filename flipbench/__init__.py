"""flipbench: measures whether fault localization survives semantic-preserving code changes."""

__version__ = "0.1.0"
