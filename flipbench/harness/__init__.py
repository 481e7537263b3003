"""Sandboxes, test runners, verification, localizers and experiment execution."""
