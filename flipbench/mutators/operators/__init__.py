"""The fault operators, one module per idea with its Python finder (a libcst visitor) and its Java finder
(a function over the tree-sitter tree) side by side; registered once in ``mutators.faults.OPERATORS``."""
