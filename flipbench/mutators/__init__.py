"""Semantic-altering (faults) and semantic-preserving (SPM) mutations with exact line maps."""
