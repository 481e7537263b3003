"""Pure source-to-source transformations with exact line maps: fault operators (semantic-altering)
and semantic-preserving mutations (SPMs), over concrete syntax trees (libcst, tree-sitter)."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "content": ("MODEL_KINDS", "BuiltinContent", "ExternalContent", "ModelContent"),
    "faults": ("FAULT_KINDS", "OPERATORS", "REAL", "STUDY_OPERATORS", "fault_record", "inject", "operator_names",
               "sample_faults", "site_key"),
    "reverting": ("revert_fault",),
    "sampling": ("quartile", "rank"),
    "spms": ("NotApplicable", "Placement", "Rejection", "SPMS", "STUDY_SPMS", "mutate", "parse_chain"),
    "trees": ("parse_tree",),
})
