"""Where programs come from: the built-in corpus, flipbench's JSONL format, the reference study's
importers and label audit, and the syntax checks that decide which programs are usable."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "condefects": ("CORPUS as CONDEFECTS", "MAX_CASE_BYTES", "is_condefects_tree", "read_condefects"),
    "corpus": ("Corpus",),
    "fault_locations": ("Agreement", "disagreements"),
    "functions": ("fault_function_spans",),
    "jsonl": ("read_programs", "write_programs"),
    "label_audit": ("summarize",),
    "llmcodeimpact": ("is_seed_directory", "read_faults", "read_seed_corpus"),
    "loading": ("load_corpus", "load_program_file"),
    "stats": ("corpus_stats",),
    "syntax": ("first_java_error", "java_parser", "modifier_words", "parse_java", "syntax_error"),
    "testformat": ("discover_test_cases", "java_test_class"),
})
