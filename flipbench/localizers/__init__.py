"""Everything that answers "which line is wrong?": one ``Localizer`` protocol, the registry that builds
any localizer from its ``provider/model`` name, chat models over HTTP (wrapped in the chat localizer
that owns prompts and the reading of answers), the spectrum and random baselines."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "answers": ("read_prediction",),
    "base": (
        "ChatModel", "LearnsDialect", "ModelSpec", "PermanentError", "Query", "Reply", "Sampling", "Server",
        "TransientError", "once_per_schema",
    ),
    "baselines": ("NAMES as BASELINE_NAMES", "Baseline", "BaselineLocalizer", "NoCoverage"),
    "chat": ("ChatLocalizer",),
    "content_writing": ("CONTENT_ASKS", "ContentAsk", "WritesContent", "WrittenContent"),
    "findings": ("OUTPUT_FORMATS", "Finding", "UnreadableOutput", "predicted_lines", "read_findings"),
    "http": ("ModelClient",),
    "openai_batch": ("BatchState", "BatchStatus", "OpenAIBatches", "batch_request", "batches_for", "read_results",
                     "split"),
    "openai_chat": ("OpenAIChat",),
    "prompts": ("PromptTemplate", "builtin_prompt_names", "load_prompt"),
    "protocol": (
        "Capabilities", "Draw", "Localizer", "LocalizerAnswer", "LocalizerSettings", "Response",
        "TaskContext", "ToolFailed", "Unanswered",
    ),
    "reviews": ("DIFF_BASES", "DiffBase", "Review", "numbered_diff", "review_base", "unified_diff"),
    "registry": ("BASELINE", "PROVIDERS", "chat_model", "localizer_for", "parse_model"),
    "spectrum": ("FORMULAS", "ochiai", "rank_lines"),
    "tools": ("TOOL", "ToolConfig", "ToolLocalizer"),
})
