"""flipbench's version: recorded in every run database and output, so results say what made them."""

__version__ = "0.1.0"
