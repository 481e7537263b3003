"""What each SPM does to Java code, under javac's rules: one behaviour per test."""

import json

import pytest

from flipbench.execution.java_tools import compile_units
from flipbench.mutators.content import ExternalContent
from flipbench.mutators.spms import NotApplicable

from spmkit import apply, line


def java(*members: str) -> str:
    return "public class Box {\n" + "\n".join(members) + "\n}\n"


SUM = java("    static int sum(int[] xs) {", "        int total = 0;", "        for (int i = 0; i < xs.length; i++) {",
           "            total += xs[i];", "        }", "        return total;", "    }")


def compiles(*sources: str) -> list[str]:
    return [r.errors for r in compile_units([{"Box.java": source} for source in sources]) if not r.ok]


def test_misleading_comments_are_line_comments_above_or_after_statements():
    variants = [apply("java", SUM, "misleading_comments", seed=seed, strength=2)[0] for seed in range(6)]
    for variant in variants:
        for edit in variant.edits:
            assert "// " in line(variant, edit.line)
    assert compiles(*(v.source for v in variants)) == []


def test_misleading_names_rename_locals_and_parameters_but_not_fields():
    source = java("    private int total;", "    int add(int total) {", "        int next = this.total + total;",
                  "        this.total = next;", "        return next;", "    }")
    for seed in range(6):
        variant, _ = apply("java", source, "misleading_names", strength=2, seed=seed)
        assert "private int total;" in variant.source and "this.total" in variant.source
        assert compiles(variant.source) == []


def test_misleading_names_rename_the_receiver_of_a_method_reference():
    source = java("    static java.util.List<String> f(java.util.List<Integer> xs) {", "        String prefix = \"n\";",
                  "        return xs.stream().map(String::valueOf).map(prefix::concat).toList();", "    }")
    for seed in range(6):
        variant, _ = apply("java", source, "misleading_names", strength=2, seed=seed)
        assert compiles(variant.source) == [], variant.edits


def test_a_name_that_also_means_a_field_outside_its_scope_is_not_renamed():
    source = java("    private int count;", "    int f(boolean flag) {", "        if (flag) {", "            int count = 1;",
                  "            return count;", "        }", "        return count;", "    }")
    for seed in range(6):
        variant, _ = apply("java", source, "misleading_names", strength=3, seed=seed)
        assert variant.source.count("count") == source.count("count")


def test_dead_code_uses_only_definitely_assigned_locals_and_compiles():
    source = java("    static int f(int n) {", "        int a = n + 1;", "        int b;", "        b = a * 2;",
                  "        System.out.println(b);", "        return a + b;", "    }")
    variants = [apply("java", source, "dead_code", strength=3, seed=seed)[0] for seed in range(8)]
    assert compiles(*(v.source for v in variants)) == []
    for variant in variants:
        for edit in variant.edits:
            assert line(variant, edit.line).strip().startswith("if (")


READER = ("import java.io.*;\n" + java(
    "    static BufferedReader open(String s) {", "        BufferedReader br = null;", "        int n = 0;",
    "        n++;", "        try {", "            br = new BufferedReader(new FileReader(s));", "            n++;",
    "        } catch (FileNotFoundException e) {", "            n--;", "        }", "        System.out.println(n);",
    "        return br;", "    }",
    "    static String first(BufferedReader reader) {", "        int n = 0;", "        n++;", "        try {",
    "            return reader.readLine();", "        } catch (IOException e) {", "            return null;", "        }",
    "    }"))


def test_dead_code_copies_a_call_only_inside_the_try_blocks_around_it():
    """javac checks exceptions in dead code too: a copy outside the try would throw unreported."""
    variants = [apply("java", READER, "dead_code", strength=8, seed=seed)[0] for seed in range(24)]
    made = "".join(e.description for v in variants for e in v.edits)
    assert "{ br = new" in made or "{ return reader.readLine(); }" in made
    assert compiles(*(v.source for v in variants)) == []


def test_dead_code_never_reads_a_resource_outside_its_try():
    source = "import java.io.*;\n" + java(
        "    static int f(String s) throws IOException {", "        int n = 0;", "        n++;",
        "        try (BufferedReader br = new BufferedReader(new FileReader(s))) {", "            n = br == null ? 0 : 1;",
        "            n--;", "        }", "        return n;", "    }")
    variants = [apply("java", source, "dead_code", strength=8, seed=seed)[0] for seed in range(8)]
    assert compiles(*(v.source for v in variants)) == []


def test_external_dead_code_that_creates_objects_or_calls_unknown_methods_is_rejected(tmp_path):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"dead_code": ["n = new FileReader(s).read();", "n = Box.count(s);"]}))
    source = java("    static int f(String s) {", "        int n = 0;", "        n++;", "        return n;", "    }")
    with pytest.raises(NotApplicable, match="checked exception"):
        apply("java", source, "dead_code", strength=3, content=ExternalContent.load(content))


def test_external_dead_code_may_print_and_use_math(tmp_path):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"dead_code": ["System.out.println(n);", "n = Math.max(n, 2);"]}))
    source = java("    static int f(String s) {", "        int n = 0;", "        n++;", "        n--;", "        return n;",
                  "    }")
    variant, _ = apply("java", source, "dead_code", strength=3, content=ExternalContent.load(content))
    assert len(variant.edits) == 3 and compiles(variant.source) == []


def test_external_dead_code_calling_math_is_rejected_where_the_file_has_its_own_math(tmp_path):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"dead_code": ["n = Math.max(n, 2);"]}))
    source = "import org.example.Math;\n" + java("    static int f(String s) {", "        int n = 0;", "        n++;",
                                                 "        return n;", "    }")
    with pytest.raises(NotApplicable, match="checked exception"):
        apply("java", source, "dead_code", strength=3, content=ExternalContent.load(content))


def test_dead_code_in_a_constructor_never_reads_a_blank_final_field():
    """A constructor may read a blank final by its simple name only after assigning it."""
    source = java("    private final int[] data;", "    private final int size;", "    Box(int n) {",
                  "        this.size = n;", "        System.out.println(n);", "        this.data = new int[n];",
                  "        java.util.Arrays.fill(data, size);",
                  "    }")
    variants = [apply("java", source, "dead_code", strength=8, seed=seed)[0] for seed in range(8)]
    assert compiles(*(v.source for v in variants)) == []


def test_external_dead_code_reading_an_unassigned_local_is_rejected(tmp_path):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"dead_code": ["System.out.println(b);"]}))
    source = java("    static int f(int n) {", "        int b;", "        b = n;", "        return b;", "    }")
    with pytest.raises(NotApplicable, match="not definitely assigned"):
        apply("java", source, "dead_code", strength=3, content=ExternalContent.load(content))


def test_function_shuffle_moves_methods_but_never_fields():
    source = java("    private int a = 1;", "    int first() {", "        return a;", "    }", "    private int b = a + 1;",
                  "    int second() {", "        return b;", "    }")
    variant, _ = apply("java", source, "function_shuffle", fault_lines=(8,))
    assert line(variant, 2) == "    private int a = 1;" and line(variant, 6) == "    private int b = a + 1;"
    assert variant.source.index("int second()") < variant.source.index("int first()")
    assert line(variant, variant.fault_lines[0]) == "        return b;"
    assert compiles(variant.source) == []


def test_rename_functions_renames_private_methods_and_their_calls_only():
    source = java("    private int twice(int x) {", "        return 2 * x;", "    }", "    public int go(int y) {",
                  "        return twice(y) + this.twice(1);", "    }")
    variant, _ = apply("java", source, "rename_functions")
    new = variant.edits[0].description.split(" -> ")[1]
    assert variant.source.count(new) == 3 and "twice" not in variant.source
    assert compiles(variant.source) == []


def test_public_methods_are_never_renamed():
    with pytest.raises(NotApplicable):
        apply("java", java("    public int twice(int x) {", "        return 2 * x;", "    }"), "rename_functions")


def test_loop_rewrite_turns_a_for_into_a_while_with_the_update_at_the_end():
    variant, _ = apply("java", SUM, "loop_rewrite", fault_lines=(4,))
    assert "        int i = 0;\n        while (i < xs.length) {\n            total += xs[i];\n            i++;\n        }" \
        in variant.source
    assert variant.fault_lines == (4, 5, 7)  # the header's declaration, condition and update
    assert compiles(variant.source) == []


def test_loop_rewrite_is_not_applicable_when_the_body_continues():
    source = java("    static int f(int n) {", "        int s = 0;", "        for (int i = 0; i < n; i++) {",
                  "            if (i == 2) {", "                continue;", "            }", "            s += i;", "        }",
                  "        return s;", "    }")
    with pytest.raises(NotApplicable):
        apply("java", source, "loop_rewrite")


@pytest.mark.parametrize("last", ["return s;", "break;", "throw new IllegalStateException();",
                                  "if (s > 3) {\n                return s;\n            } else {\n                break;\n            }"])
def test_loop_rewrite_is_not_applicable_when_the_body_cannot_reach_its_end(last):
    """The update would follow the body's last statement, where javac calls it unreachable
    (a misplaced_return fault leaves loops like these)."""
    source = java("    static int f(int n) {", "        int s = 0;", "        for (int i = 0; i < n; i++) {",
                  "            s += i;", f"            {last}", "        }", "        return s;", "    }")
    with pytest.raises(NotApplicable):
        apply("java", source, "loop_rewrite")


def test_loop_rewrite_leaves_a_for_in_a_switch_group_whose_variable_a_later_group_declares():
    """A declaration in a switch group is in scope in the groups after it: the hoisted `int i` would clash."""
    source = java("    static int f(int n) {", "        int s = 0;", "        switch (n) {", "            case 1:",
                  "                for (int i = 0; i < n; i++) {", "                    s += i;", "                }",
                  "                break;", "            default:", "                int i = 2;", "                s = i;",
                  "        }", "        return s;", "    }")
    with pytest.raises(NotApplicable):
        apply("java", source, "loop_rewrite")


def test_swap_if_else_negates_and_swaps_the_blocks():
    source = java("    static int f(int x) {", "        int y;", "        if (x > 0) {", "            y = 1;",
                  "        } else {", "            y = 2;", "        }", "        return y;", "    }")
    variant, _ = apply("java", source, "swap_if_else", fault_lines=(5,))
    assert "        if (!(x > 0)) {\n            y = 2;\n        } else {\n            y = 1;\n        }" in variant.source
    assert variant.fault_lines == (7,)
    assert compiles(variant.source) == []


def test_swap_if_else_never_takes_the_bang_off_a_fault_line():
    """After negated_condition the `!` is the fault: un-negating would leave the original line."""
    source = java("    static int f(int x) {", "        int y;", "        if (!(x > 0)) {", "            y = 1;",
                  "        } else {", "            y = 2;", "        }", "        return y;", "    }")
    with pytest.raises(NotApplicable):
        apply("java", source, "swap_if_else", fault_lines=(4,), fault="negated_condition")
    variant, _ = apply("java", source, "swap_if_else", fault_lines=(5,))
    assert line(variant, 4) == "        if (x > 0) {"


def test_reformat_splits_arguments_without_a_trailing_comma():
    source = java("    static int f(int a, int b) {", "        return Math.max(a, b);", "    }")
    for seed in range(12):
        variant, _ = apply("java", source, "reformat", fault_lines=(3,), seed=seed)
        if "split" in variant.edits[0].description:
            assert "Math.max(\n                a,\n                b);" in variant.source
            assert compiles(variant.source) == []
            return
    pytest.fail("no seed chose to split the call")


def test_strip_comments_removes_javadoc_and_line_comments_but_not_on_the_fault_line():
    source = java("    /** Doc. */", "    static int f(int a) {", "        // note", "        return a + 1; // fault here",
                  "    }")
    variant, _ = apply("java", source, "strip_comments", strength=5, fault_lines=(5,))
    assert "Doc" not in variant.source and "// note" not in variant.source and "// fault here" in variant.source


def test_decoy_copies_a_nearby_statement_with_the_faults_kind_of_bug():
    source = java("    static int f(int a, int b) {", "        int c = a + b;", "        c += a - b;", "        return c;",
                  "    }")
    variant, _ = apply("java", source, "decoy", fault_lines=(3,), fault="operator_swap")
    body = line(variant, variant.edits[0].line + 1).strip()
    assert body in {"return c;"} or "-" in body or "+" in body
    assert compiles(variant.source) == []
