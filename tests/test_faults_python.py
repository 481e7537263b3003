"""What each fault operator does to Python code: one behaviour per test."""

import pytest

from flipbench.mutators.faults import inject
from flipbench.mutators.source_text import UnparseableSource

from faultkit import changes, faults, lines_after, snippet


def test_boolean_logic_swaps_one_operator_at_a_time():
    source = "def ok(a, b, c):\n    return a and b or c\n"
    assert changes("python", source, "boolean_logic") == [("and", "or"), ("or", "and")]


def test_boolean_logic_keeps_comments_and_blank_lines():
    source = "# header\n\ndef ok(a, b):\n    # check both\n    return a and b  # both\n"
    [fault] = faults("python", source, "boolean_logic")
    assert fault.source == source.replace("a and b", "a or b")
    assert fault.fault_lines == (5,)


def test_misplaced_return_returns_a_value_the_function_returns():
    source = "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n"
    assert lines_after("python", source, "misplaced_return") == ["return s", "return s"]


def test_misplaced_return_never_returns_a_name_not_yet_bound():
    source = "def f(n):\n    k = 2\n    m = n * k\n    return m\n"
    faulty = faults("python", source, "misplaced_return")
    assert [f.source.split("\n")[f.fault_lines[0] - 1].strip() for f in faulty] == ["return None"]


def test_misplaced_return_is_bare_in_a_function_without_values():
    source = "def log(items):\n    items.append(1)\n    items.append(2)\n"
    assert lines_after("python", source, "misplaced_return") == ["return"]


def test_misplaced_return_is_indented_like_the_statement_it_precedes():
    source = "def f(xs):\n    out = []\n    for x in xs:\n        out.append(x)\n    return out\n"
    inserted = [f.source.split("\n")[f.fault_lines[0] - 1] for f in faults("python", source, "misplaced_return")]
    assert "        return out" in inserted and "    return out" in inserted


def test_misplaced_return_never_goes_above_an_elif():
    source = "def sign(x):\n    y = x\n    if y > 0:\n        return 1\n    elif y < 0:\n        return -1\n    return 0\n"
    for fault in faults("python", source, "misplaced_return"):
        compile(fault.source, "f", "exec")
        assert fault.source.split("\n")[fault.fault_lines[0]].lstrip().startswith("elif") is False


def test_off_by_one_moves_range_bounds_both_ways():
    source = "def f(n):\n    t = 0\n    for i in range(1, n):\n        t += i\n    return t\n"
    assert set(changes("python", source, "off_by_one")) >= {("1", "2"), ("1", "0"), ("n", "n + 1"), ("n", "n - 1")}


def test_off_by_one_folds_into_an_existing_constant():
    source = "def f(xs):\n    for i in range(len(xs) - 1):\n        print(i)\n"
    assert ("len(xs) - 1", "len(xs)") in changes("python", source, "off_by_one")


def test_off_by_one_flips_the_boundary_of_a_while_condition():
    source = "def f(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n"
    assert set(changes("python", source, "off_by_one")) == {("<", "<="), ("n", "n - 1")}


def test_off_by_one_shifts_integer_indices_but_not_dictionary_keys():
    source = "def f(xs, d, k):\n    i = 0\n    return xs[i] + d[k]\n"
    assert changes("python", source, "off_by_one") == [("i", "i + 1"), ("i", "i - 1")]


def test_operator_swap_never_touches_string_concatenation_or_formatting():
    source = "def f(a, b, name):\n    label = 'n=' + name\n    text = '%d' % a\n    return a + b, label + '!', text\n"
    assert changes("python", source, "operator_swap") == [("+", "-")]


def test_operator_swap_leaves_augmented_assignment_alone():
    source = "def f(a):\n    a += 1\n    return a\n"
    assert changes("python", source, "operator_swap") == []


def test_relational_flip_skips_loop_conditions():
    source = "def f(n, m):\n    i = 0\n    while i < n:\n        i += 1\n    return i == m\n"
    assert changes("python", source, "relational_flip") == [("==", "!=")]


@pytest.mark.parametrize(("test", "negated"), [
    ("x", "not x"), ("not x", "x"), ("a and b", "not (a and b)"), ("a < b", "not a < b"), ("(a or b)", "not (a or b)"),
])
def test_negated_condition(test, negated):
    source = f"def f(x, a, b):\n    if {test}:\n        return 1\n    return 0\n"
    assert changes("python", source, "negated_condition") == [(test, negated)]


def test_wrong_literal_follows_the_pit_rule_and_leaves_bounds_alone():
    source = "def f(xs):\n    total = 0\n    scale = 1\n    limit = 7\n    return xs[0], total, scale, limit, True\n"
    assert changes("python", source, "wrong_literal") == [("0", "1"), ("1", "0"), ("7", "8"), ("True", "False")]


def test_swapped_arguments_swaps_adjacent_positional_arguments_only():
    source = "def f(a, b):\n    return g(a, b, key=1), g(a, a)\n"
    assert changes("python", source, "swapped_arguments") == [("a, b", "b, a")]


def test_removed_statement_deletes_a_line_and_marks_the_gap():
    source = "def f(xs):\n    xs.sort()\n    xs.reverse()\n    return xs\n"
    removed = faults("python", source, "removed_statement")
    assert [f.source for f in removed] == ["def f(xs):\n    xs.reverse()\n    return xs\n",
                                           "def f(xs):\n    xs.sort()\n    return xs\n"]
    assert [f.fault_lines for f in removed] == [(1, 2), (2, 3)]


def test_removed_statement_never_empties_a_block():
    source = "def f(xs):\n    if xs:\n        xs.sort()\n    return xs\n"
    assert faults("python", source, "removed_statement") == []


def test_python_2_source_is_rejected_with_the_reason():
    with pytest.raises(UnparseableSource, match="not valid Python 3: line 1"):
        list(inject(snippet("python", "print 'hi'\n")))


def test_every_variant_compiles():
    source = "def f(a, b):\n    if a < b and b > 0:\n        return a + b\n    return [a - b for _ in range(3)]\n"
    for fault in inject(snippet("python", source)):
        compile(fault.source, "variant", "exec")
