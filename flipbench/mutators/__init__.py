"""Pure source-to-source transformations with exact line maps: fault operators (semantic-altering)
and semantic-preserving mutations (SPMs), over concrete syntax trees (libcst, tree-sitter)."""

from flipbench.mutators.content import ExternalContent
from flipbench.mutators.faults import (
    OPERATORS,
    STUDY_OPERATORS,
    fault_record,
    inject,
    operator_names,
    sample_faults,
    site_key,
)
from flipbench.mutators.sampling import rank
from flipbench.mutators.spm import NotApplicable, Placement
from flipbench.mutators.spms import SPMS, STUDY_SPMS, mutate, parse_chain
from flipbench.mutators.trees import parse_tree

__all__ = [
    "ExternalContent", "NotApplicable", "OPERATORS", "Placement", "SPMS", "STUDY_OPERATORS", "STUDY_SPMS",
    "fault_record", "inject", "mutate", "operator_names", "parse_chain", "parse_tree", "rank", "sample_faults",
    "site_key",
]
