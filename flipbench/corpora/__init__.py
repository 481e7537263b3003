"""Where programs come from: the built-in corpus, flipbench's JSONL format, the reference study's
importers and label audit, and the syntax checks that decide which programs are usable."""

from flipbench.corpora.corpus import Corpus
from flipbench.corpora.functions import fault_function_spans
from flipbench.corpora.jsonl import read_programs, write_programs
from flipbench.corpora.label_audit import summarize
from flipbench.corpora.llmcodeimpact import is_seed_directory, read_faults, read_seed_corpus
from flipbench.corpora.loading import load_corpus, load_program_file
from flipbench.corpora.stats import corpus_stats
from flipbench.corpora.syntax import first_java_error, java_parser, modifier_words, parse_java
from flipbench.corpora.testformat import discover_test_cases, java_test_class

__all__ = [
    "Corpus", "corpus_stats", "discover_test_cases", "fault_function_spans", "first_java_error",
    "is_seed_directory", "java_parser", "java_test_class", "load_corpus", "load_program_file",
    "modifier_words", "parse_java", "read_faults", "read_programs", "read_seed_corpus", "summarize",
    "write_programs",
]
