"""Semantic-preserving mutations: the catalogue, the engine that applies a chain, and the SPMs
themselves, one module per idea with its Python and Java implementations side by side."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "base": ("Application", "Context", "NotApplicable", "Placement", "Rejection", "Site", "Spm", "TreeFacts"),
    "catalogue": ("SPMS", "STUDY_CHAINS", "STUDY_SPMS", "SpmInfo", "UnknownSpm", "parse_chain"),
    "engine": ("mutate", "protected_names_of"),
})
