"""Flip rates, controls, statistics and reports."""
