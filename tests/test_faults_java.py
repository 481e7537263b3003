"""What each fault operator does to Java code, and the javac rules it must respect."""

import pytest

from flipbench.execution.java_tools import compile_units
from flipbench.mutators.faults import inject
from flipbench.mutators.java_tree import JavaTree, can_complete_normally
from flipbench.mutators.source_text import UnparseableSource

from faultkit import changes, faults, lines_after, snippet


def java(body: str, members: str = "") -> str:
    return f"public class Box {{\n{members}\n{body}\n}}\n"


def test_boolean_logic_swaps_one_operator_at_a_time():
    source = java("    static boolean ok(boolean a, boolean b, boolean c) {\n        return a && b || c;\n    }")
    assert changes("java", source, "boolean_logic") == [("&&", "||"), ("||", "&&")]


def test_misplaced_return_closes_an_inner_block_with_a_value_of_the_method():
    source = java("    static int sum(int[] xs) {\n        int s = 0;\n        for (int i = 0; i < xs.length; i++) {\n"
                  "            s += xs[i];\n        }\n        return s;\n    }")
    [fault] = faults("java", source, "misplaced_return")
    assert fault.source.split("\n")[fault.fault_lines[0] - 1] == "            return s;"
    assert fault.source.split("\n")[fault.fault_lines[0]] == "        }"


def test_misplaced_return_uses_a_default_when_no_return_value_is_in_scope():
    source = java("    static int first(int[] xs) {\n        for (int i = 0; i < xs.length; i++) {\n"
                  "            int x = xs[i];\n            if (x > 0) {\n                x++;\n            }\n"
                  "        }\n        int last = -1;\n        return last;\n    }")
    assert set(lines_after("java", source, "misplaced_return")) == {"return 0;"}


def test_misplaced_return_in_a_void_method_is_bare():
    source = java("    static void fill(int[] xs) {\n        if (xs.length > 0) {\n            xs[0] = 1;\n        }\n"
                  "        xs[xs.length - 1] = 2;\n    }")
    assert lines_after("java", source, "misplaced_return") == ["return;"]


def test_misplaced_return_never_follows_a_jump_or_enters_constructors_and_lambdas():
    source = java(
        "    Box(int n) {\n        if (n > 0) {\n            n--;\n        }\n    }\n"
        "    static int f(int n) {\n        if (n > 0) {\n            return n;\n        }\n"
        "        Runnable r = () -> {\n            System.out.println(n);\n        };\n        return 0;\n    }")
    assert faults("java", source, "misplaced_return") == []


def test_misplaced_return_never_makes_code_after_a_branch_or_do_loop_unreachable():
    source = java("    static int f(int n) {\n        if (n > 0) {\n            n--;\n        } else {\n            return 0;\n"
                  "        }\n        do {\n            n--;\n        } while (n > 5);\n        return n;\n    }")
    assert faults("java", source, "misplaced_return") == []


def test_misplaced_return_never_returns_a_pattern_variable_outside_its_scope():
    source = java("    static int f(Object o) {\n        int n = 0;\n        if (n > 0) {\n            n++;\n        }\n"
                  "        if (o instanceof String str) {\n            return str.length();\n        }\n        return n;\n    }")
    assert set(lines_after("java", source, "misplaced_return")) == {"return n;"}


@pytest.mark.parametrize("operator", ["boolean_logic", "negated_condition"])
def test_conditions_that_assign_a_variable_keep_their_logic(operator):
    """javac's definite assignment follows && and ||: `v` must stay assigned where it is read."""
    source = java("    static int f(String s) {\n        int v;\n        if (s != null && (v = s.length()) > 0) {\n"
                  "            return v;\n        }\n        return 0;\n    }")
    assert faults("java", source, operator) == []


def test_off_by_one_flips_loop_boundaries_and_moves_the_bound():
    source = java("    static int f(int n) {\n        int t = 0;\n        for (int i = 0; i < n; i++) {\n"
                  "            t += i;\n        }\n        return t;\n    }")
    assert changes("java", source, "off_by_one") == [("<", "<="), ("n", "n - 1")]


def test_off_by_one_shifts_array_indices_and_folds_constants():
    source = java("    static int last(int[] xs) {\n        return xs[xs.length - 1];\n    }")
    assert changes("java", source, "off_by_one") == [("xs.length - 1", "xs.length"), ("xs.length - 1", "xs.length - 2")]


def test_operator_swap_never_touches_string_concatenation():
    source = java("    static String f(int a, int b, String s) {\n        int c = a + b;\n        String t = s + a;\n"
                  "        String u = \"n=\" + c + b;\n        c++;\n        c += a;\n        return t + u + (a - b);\n    }")
    assert changes("java", source, "operator_swap") == [("+", "-"), ("-", "+")]


def test_operator_swap_needs_evidence_that_both_operands_are_numbers():
    source = java("    static Object f(Object a, int b) {\n        return a + \"\" + b;\n    }")
    assert changes("java", source, "operator_swap") == []


def test_relational_flip_skips_loop_conditions_and_case_labels():
    source = java("    static boolean f(int n, int m) {\n        while (n < m) {\n            n++;\n        }\n"
                  "        return n == m;\n    }")
    assert changes("java", source, "relational_flip") == [("==", "!=")]


def test_negated_condition_wraps_or_unwraps():
    source = java("    static int f(boolean a, int b) {\n        if (!a) {\n            return 1;\n        }\n"
                  "        if (b > 2 && a) {\n            return 2;\n        }\n        return a ? 3 : 4;\n    }")
    assert changes("java", source, "negated_condition") == [("!a", "a"), ("b > 2 && a", "!(b > 2 && a)"), ("a", "!a")]


def test_wrong_literal_leaves_case_labels_and_constant_loop_conditions_alone():
    source = java("    static int f(int k) {\n        switch (k) {\n            case 1: return 5;\n            default: break;\n"
                  "        }\n        while (true) {\n            k++;\n            if (k > 9) {\n                break;\n"
                  "            }\n        }\n        return k;\n    }")
    assert changes("java", source, "wrong_literal") == [("5", "6"), ("9", "10")]


def test_swapped_arguments_requires_arguments_of_the_same_type():
    source = java("    static int g(int a, int b) { return a - b; }\n    static double h(int a, double b) { return a - b; }\n"
                  "    static double f(int x, int y, double z) {\n        return g(x, y) + h(x, z);\n    }")
    assert changes("java", source, "swapped_arguments") == [("x, y", "y, x")]


def test_var_locals_take_the_type_of_their_initializer_even_when_it_reads_another_local():
    source = java("    static int f(int n) {\n        var m = n;\n        var k = m + 1;\n        return g(k, m) * 2;\n    }\n"
                  "    static int g(int a, int b) { return a - b; }")
    assert changes("java", source, "operator_swap") == [("+", "-"), ("*", "/"), ("-", "+")]
    assert changes("java", source, "swapped_arguments") == [("k, m", "m, k")]


def test_removed_statement_keeps_definite_assignment_and_final_fields():
    source = java("    Box(int n) {\n        this.n = n;\n        this.m = n;\n    }\n"
                  "    static int f(int a) {\n        int x;\n        x = a;\n        int y = 0;\n        y = a;\n"
                  "        System.out.println(x);\n        return x + y;\n    }",
                  members="    private final int n;\n    private int m;")
    removed = {f.edit.before.strip() for f in faults("java", source, "removed_statement")}
    assert removed == {"this.m = n;", "y = a;", "System.out.println(x);"}


COMPLETION = [  # (statement, whether it can complete normally: JLS 14.22, as javac decides it)
    ("n++;", True), ("return 1;", False), ("throw new RuntimeException();", False),
    ("if (n > 0) { return 1; }", True), ("if (n > 0) { return 1; } else { throw new RuntimeException(); }", False),
    ("while (true) { n++; }", False), ("while (true) { if (n > 3) break; n++; }", True),
    ("while (FOREVER) { n++; }", False), ("while (n == n) { n++; }", True), ("for (;;) { n++; }", False),
    ("for (int i = 0; i < n; i++) { return i; }", True), ("do { n++; } while (true);", False),
    ("do { return 1; } while (n > 0);", False), ("do { if (n > 0) continue; return 1; } while (n > 0);", True),
    ("outer: while (true) { while (true) { break outer; } }", True), ("while (true) { while (true) { break; } }", False),
    ("try { return 1; } catch (RuntimeException e) { n++; }", True), ("try { return 1; } finally { n++; }", False),
    ("try { n++; } finally { return 2; }", False), ("synchronized (Box.class) { return 1; }", False),
    ("switch (n) { case 1: return 1; default: return 2; }", False), ("switch (n) { case 1: return 1; }", True),
    ("switch (n) { case 1: n++; break; default: return 2; }", True),
    ("switch (n) { case 1 -> { return 1; } default -> throw new RuntimeException(); }", False),
    ("switch (n) { case 1 -> n++; default -> throw new RuntimeException(); }", True),
    ("{ n++; return n; }", False),
]


def test_can_complete_normally_agrees_with_javac_on_what_may_follow_a_statement():
    """Mutators append code after statements it calls completing (a premature return, a loop's update)."""
    sources = [java(f"    static int f(int n) {{\n        {statement}\n        int after = n;\n        return after;\n    }}",
                    "    static final boolean FOREVER = true;") for statement, _ in COMPLETION]
    verdicts = []
    for source in sources:
        tree = JavaTree.parse(source)
        verdicts.append(can_complete_normally(tree, tree.nodes("method_declaration")[0].child_by_field_name("body")
                                              .named_children[0]))
    assert verdicts == [expected for _, expected in COMPLETION]
    accepted = [r.ok for r in compile_units([{"Box.java": source} for source in sources])]
    assert accepted == verdicts


def test_removed_statement_never_removes_a_call_a_catch_of_a_checked_exception_may_need():
    """javac rejects `catch (IOException e)` around a body that cannot throw one."""
    source = "import java.io.*;\n" + java(
        "    static int f(String s) {\n        int n = 0;\n        try {\n            n++;\n"
        "            new FileReader(s).close();\n        } catch (IOException e) {\n            n--;\n        }\n"
        "        try {\n            n += Integer.parseInt(s);\n            System.out.println(n);\n"
        "        } catch (NumberFormatException e) {\n            n = -1;\n        }\n        return n;\n    }")
    removed = {f.edit.before.strip() for f in faults("java", source, "removed_statement")}
    assert removed == {"n += Integer.parseInt(s);", "System.out.println(n);", "n = -1;"}


def test_unparseable_java_is_rejected_with_the_line():
    with pytest.raises(UnparseableSource, match="not valid Java: line 2"):
        list(inject(snippet("java", "class A {\n  void f( {\n}\n")))


def test_every_variant_of_a_tricky_class_compiles():
    source = java(
        "    private final int size;\n    private int[] cells = new int[4];\n    Box(int size) { this.size = size; }\n"
        "    static String label(String s, int n) {\n        String out = s + n;\n        for (int i = 0; i < n; i++) {\n"
        "            out = out + i;\n            if (i % 2 == 0 && n > 1) {\n                out += \"-\";\n            }\n"
        "        }\n        return out;\n    }\n"
        "    int fill(int v) {\n        int count = 0;\n        while (count < cells.length) {\n            cells[count] = v * 2 - 1;\n"
        "            count++;\n        }\n        do {\n            count--;\n        } while (count > size);\n"
        "        return count;\n    }\n"
        "    static char next(char c) {\n        if (c == 'z') {\n            return 'a';\n        }\n        return (char) (c + 1);\n    }")
    variants = list(inject(snippet("java", source)))
    assert len(variants) > 30
    results = compile_units([{"Box.java": v.source} for v in variants])
    failed = [(v.fault, v.edit.line, v.edit.after, r.errors) for v, r in zip(variants, results) if not r.ok]
    assert failed == []
