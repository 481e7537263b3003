"""What each SPM does to Python code, and the rules that keep behaviour: one behaviour per test."""

import json
import re

import pytest

from flipbench.mutators.content import ExternalContent
from flipbench.mutators.spms import NotApplicable

from spmkit import apply, line

LOOP = "def total(xs):\n    s = 0\n    for i in range(len(xs)):\n        s += xs[i]\n    return s\n"


def test_misleading_comment_goes_above_a_statement_at_its_indentation_or_at_its_end():
    variants = [apply("python", LOOP, "misleading_comments", seed=seed)[0] for seed in range(12)]
    added = {line(v, v.edits[0].line) for v in variants}
    for text in added:
        assert "# " in text
        code = text.split("#")[0]
        assert code.strip() == "" or code.rstrip() in LOOP
    assert all(v.source.replace("\n", "").count("#") == 1 for v in variants)


def test_misleading_comments_never_enter_a_multi_line_expression():
    source = "def f(a, b):\n    return g(\n        a,\n        b,\n    )\n"
    for seed in range(20):
        variant, _ = apply("python", source, "misleading_comments", seed=seed, strength=3)
        inside = variant.source.split("return g(\n")[1].split("\n    )")[0]
        assert inside == "        a,\n        b,"


def test_misleading_names_follow_scopes_into_closures():
    source = "def f(items):\n    count = len(items)\n    def bump():\n        return count + 1\n    return bump()\n"
    for seed in range(8):
        variant, _ = apply("python", source, "misleading_names", strength=2, seed=seed)
        namespace: dict = {}
        exec(variant.source, namespace)
        assert namespace["f"]([1, 2]) == 3
        assigned = line(variant, 2).split("=")[0].strip()
        assert line(variant, 4).strip() == f"return {assigned} + 1"


def test_misleading_names_never_touch_attributes_or_keyword_names():
    source = "def f(size):\n    size2 = size * 2\n    return g(size=size2).size\n"
    for seed in range(10):
        variant, _ = apply("python", source, "misleading_names", strength=2, seed=seed)
        assert "g(size=" in variant.source and ").size" in variant.source


def test_a_parameter_called_by_keyword_is_not_renamed():
    source = "def area(width, height):\n    return width * height\n\nprint(area(width=2, height=3))\n"
    with pytest.raises(NotApplicable):
        apply("python", source, "misleading_names")


def test_a_parameter_the_tests_pass_by_keyword_keeps_its_name():
    source = "def area(width, height):\n    result = width * height\n    return result\n"
    tests = "from snippet import area\n\ndef test_area():\n    assert area(width=2, height=3) == 6\n"
    for seed in range(8):
        variant, _ = apply("python", source, "misleading_names", seed=seed, tests=tests)
        assert "def area(width, height):" in variant.source


def test_functions_using_locals_or_eval_are_left_alone():
    source = "def f(x):\n    y = x + 1\n    return locals()['y']\n"
    with pytest.raises(NotApplicable):
        apply("python", source, "misleading_names")


def test_new_names_never_collide_with_names_in_the_module():
    source = "index = 3\n\ndef f(count):\n    total = count + index\n    return total\n"
    for seed in range(10):
        variant, _ = apply("python", source, "misleading_names", strength=2, seed=seed)
        compile(variant.source, "v", "exec")
        assert variant.source.count("index") == source.count("index")


def test_dead_code_is_guarded_and_copies_a_statement_of_the_same_function():
    variant, _ = apply("python", LOOP, "dead_code", seed=1)
    first = variant.edits[0].line
    assert line(variant, first).strip().startswith("if ") and line(variant, first).rstrip().endswith(":")
    assert line(variant, first + 1).strip() in {"s = 0", "s += xs[i]", "return s"}


def test_external_dead_code_that_would_bind_a_new_local_is_rejected(tmp_path):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"dead_code": ["counter = 1"]}))
    with pytest.raises(NotApplicable, match="would make it local"):
        apply("python", LOOP, "dead_code", content=ExternalContent.load(content))


@pytest.mark.parametrize(("snippet_text", "reason"), [("yield s", "yield"), ("global s", "global"),
                                                     ("break", "outside a loop")])
def test_external_dead_code_that_changes_the_function_is_rejected(tmp_path, snippet_text, reason):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"dead_code": [snippet_text]}))
    source = "def f(xs):\n    s = 0\n    s += 1\n    return s\n"
    with pytest.raises(NotApplicable, match=reason):
        apply("python", source, "dead_code", content=ExternalContent.load(content))


@pytest.mark.parametrize(("new_name", "reason"), [("class", "'class' is reserved"), ("f", "'f' collides"),
                                                 ("two words", "not a valid identifier")])
def test_external_names_are_validated(tmp_path, new_name, reason):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"names": {"b": new_name}}))
    with pytest.raises(NotApplicable, match=reason):
        apply("python", "def f():\n    b = 1\n    return b\n", "misleading_names",
              content=ExternalContent.load(content))


def test_external_comments_must_be_one_line(tmp_path):
    content = tmp_path / "content.json"
    content.write_text(json.dumps({"comments": ["two\nlines"]}))
    variant_or_error = None
    with pytest.raises(NotApplicable, match="not a single line"):
        variant_or_error = apply("python", LOOP, "misleading_comments", content=ExternalContent.load(content))
    assert variant_or_error is None


def test_function_shuffle_moves_whole_definitions_and_follows_the_fault():
    source = "def a():\n    return 1\n\n\ndef b():\n    return 2\n\n\ndef c():\n    return a() + b()\n"
    variant, _ = apply("python", source, "function_shuffle", fault_lines=(6,), seed=2)
    assert sorted(variant.source.split("\n\n\n")) == sorted(source.split("\n\n\n")) or set(
        variant.source.replace("\n\n\n", "\n").split("\n")) == set(source.replace("\n\n\n", "\n").split("\n"))
    assert line(variant, variant.fault_lines[0]) == "    return 2"


def test_function_shuffle_is_not_applicable_across_side_effecting_decorators():
    source = "@register\ndef a():\n    return 1\n\n@register\ndef b():\n    return 2\n"
    with pytest.raises(NotApplicable, match="reordered safely"):
        apply("python", source, "function_shuffle")


def test_function_shuffle_never_moves_a_definition_across_module_level_code():
    source = "def a():\n    return 1\n\nx = a()\n\ndef b():\n    return 2\n"
    with pytest.raises(NotApplicable):
        apply("python", source, "function_shuffle")


NESTED_RUNS = ("class Widget:\n    def build(self):\n        class Inner:\n            def first(self):\n"
               "                return 1\n\n            def second(self):\n                return 2\n"
               "        return Inner()\n\n    def show(self):\n        return 3\n")


@pytest.mark.parametrize("seed", range(6))
def test_function_shuffle_reorders_a_class_inside_a_function_or_the_run_around_it_not_both(seed):
    variant, _ = apply("python", NESTED_RUNS, "function_shuffle", strength=8, seed=seed)
    assert sorted(variant.source.split("\n")) == sorted(NESTED_RUNS.split("\n"))
    compile(variant.source, "variant", "exec")


def test_rename_functions_updates_every_call_site():
    source = "def _helper(x):\n    return x * 2\n\ndef main(y):\n    return _helper(y) + _helper(1)\n"
    variant, _ = apply("python", source, "rename_functions")
    new = variant.edits[0].description.split(" -> ")[1]
    assert variant.source.count(new) == 3 and "_helper" not in variant.source


def test_rename_functions_leaves_names_the_tests_use():
    source = "def double(x):\n    return x * 2\n"
    tests = "from snippet import double\n\ndef test_double():\n    assert double(2) == 4\n"
    with pytest.raises(NotApplicable):
        apply("python", source, "rename_functions", tests=tests)


def test_loop_rewrite_produces_the_equivalent_while_loop():
    variant, _ = apply("python", LOOP, "loop_rewrite", fault_lines=(3,))
    assert "    i = 0\n    while i < stop:" in variant.source or "    while i < " in variant.source
    assert "        i += 1\n" in variant.source
    namespace: dict = {}
    exec(variant.source, namespace)
    assert namespace["total"]([1, 2, 3]) == 6
    assert len(variant.fault_lines) >= 3  # initialisation, condition and increment all come from the header


@pytest.mark.parametrize("body", ["        if i == 2:\n            continue\n        s += i\n", "        i = 5\n        s += i\n"])
def test_loop_rewrite_is_not_applicable_when_it_would_change_behaviour(body):
    source = f"def f(n):\n    s = 0\n    for i in range(n):\n{body}    return s\n"
    with pytest.raises(NotApplicable):
        apply("python", source, "loop_rewrite")


def test_loop_rewrite_is_not_applicable_when_the_variable_is_used_after_the_loop():
    source = "def f(n):\n    for i in range(n):\n        pass\n    return i\n"
    with pytest.raises(NotApplicable):
        apply("python", source, "loop_rewrite")


def test_swap_if_else_negates_and_swaps():
    source = "def f(x):\n    if x > 0:\n        y = 1\n    else:\n        y = 2\n    return y\n"
    variant, _ = apply("python", source, "swap_if_else", fault_lines=(3,))
    assert variant.source == "def f(x):\n    if not (x > 0):\n        y = 2\n    else:\n        y = 1\n    return y\n"
    assert variant.fault_lines == (5,)


def test_swap_if_else_never_takes_the_not_off_a_fault_line():
    """After negated_condition the `not` is the fault: un-negating would leave the original line."""
    source = "def f(x):\n    if not x > 0:\n        y = 1\n    else:\n        y = 2\n    return y\n"
    with pytest.raises(NotApplicable):
        apply("python", source, "swap_if_else", fault_lines=(2,), fault="negated_condition")
    variant, _ = apply("python", source, "swap_if_else", fault_lines=(3,))
    assert line(variant, 2) == "    if x > 0:"


def test_reformat_split_keeps_every_token_and_maps_the_line_to_all_pieces():
    source = "def f(a, b):\n    return max(a, b)\n"
    for seed in range(10):
        variant, _ = apply("python", source, "reformat", fault_lines=(2,), seed=seed)
        if "split" in variant.edits[0].description:
            assert variant.source == "def f(a, b):\n    return max(\n        a,\n        b\n    )\n"
            assert variant.fault_lines == (2, 3, 4, 5)
            return
    pytest.fail("no seed chose to split the call")


def test_reformat_never_reindents_a_function_holding_a_multi_line_string():
    source = 'def f():\n    text = """a\n    b"""\n    return text\n'
    for seed in range(10):
        variant, _ = apply("python", source, "reformat", strength=3, seed=seed, fault_lines=(4,))
        assert '"""a\n    b"""' in variant.source


def test_strip_comments_keeps_the_coding_line_and_docstrings_read_through_doc():
    source = "# -*- coding: utf-8 -*-\ndef f():\n    \"\"\"Doc.\"\"\"\n    x = 1  # one\n    return f.__doc__\n"
    variant, _ = apply("python", source, "strip_comments", strength=5, fault_lines=(5,))
    assert variant.source == "# -*- coding: utf-8 -*-\ndef f():\n    \"\"\"Doc.\"\"\"\n    x = 1\n    return f.__doc__\n"


def test_fault_comment_claims_the_fault_line_is_correct():
    variant, _ = apply("python", LOOP, "fault_comment", fault_lines=(3,), fault="off_by_one")
    text = "\n".join(line(variant, n) for n in range(variant.fault_lines[0] - 1, variant.fault_lines[0] + 1))
    assert "# " in text and ("correct" in text or "verified" in text or "intentional" in text)
    assert line(variant, variant.fault_lines[0]).split("#")[0].rstrip() == "    for i in range(len(xs)):"


def test_decoy_imitates_the_fault_near_another_line():
    source = "def f(a, b, c):\n    x = a and b\n    y = b and c\n    return x or y\n"
    variant, _ = apply("python", source, "decoy", fault_lines=(2,), fault="boolean_logic", seed=0)
    guard_line = variant.edits[0].line
    assert line(variant, guard_line).strip().startswith("if ")
    copy = line(variant, guard_line + 1).strip()
    assert copy in {"y = b or c", "return x and y"}


@pytest.mark.parametrize(("placement", "allowed"), [("before_fault", lambda l: l < 4), ("after_fault", lambda l: l > 4),
                                                    ("near_fault=1", lambda l: abs(l - 4) <= 1)])
def test_placement_restricts_where_edits_go(placement, allowed):
    source = "def f(a):\n    b = a + 1\n    c = b + 1\n    d = c + 1\n    e = d + 1\n    g = e + 1\n    return g\n"
    for seed in range(6):
        variant, _ = apply("python", source, "dead_code", fault_lines=(4,), placement=placement, seed=seed)
        guarded = variant.edits[0].line + 2  # the statement the two-line dead block was put above
        [original] = [old for old, new in enumerate(variant.line_map.targets, start=1) if new == (guarded,)]
        assert allowed(original), (placement, seed, original)


def test_strength_larger_than_the_sites_applies_everything_available():
    source = "def f(a):\n    b = a\n    return b\n"
    variant, _ = apply("python", source, "misleading_names", strength=8)
    assert 1 <= len(variant.edits) <= 2


def test_chains_compose_line_maps():
    variant, _ = apply("python", LOOP, "misleading_names+misleading_comments+dead_code", strength=2, fault_lines=(4,),
                       seed=4)
    assert variant.chain == ("misleading_names", "misleading_comments", "dead_code")
    assert variant.line_map.image((4,)) == variant.fault_lines
    fault = line(variant, variant.fault_lines[0]).split("#")[0].strip()
    assert fault.endswith("+= xs[i]") or "+=" in fault


def test_swapped_names_are_never_captured_by_a_comprehension_variable():
    source = ("def slack(order, starts):\n    task = order[0]\n    finish = starts[task]\n"
              "    return {task: starts[task] - finish for task in order}\n")
    for seed in range(10):
        try:
            variant, _ = apply("python", source, "misleading_names", strength=8, seed=seed)
        except NotApplicable:
            continue
        namespace: dict = {}
        exec(variant.source, namespace)
        assert namespace["slack"](["a", "b"], {"a": 1, "b": 5}) == {"a": 0, "b": 4}


UNTERMINATED = ("def f(x):\n  if x > 0: return 1\n  else: return 2\n\ndef g(a, b):\n  s = a + b\n  if s:\n"
                "    s = max(a, b)\n  return s\n\nprint(f(1), g(2, 3))")


@pytest.mark.parametrize("seed", range(4))
def test_reformat_works_on_a_file_without_a_final_newline_and_keeps_it_so(seed):
    variant, _ = apply("python", UNTERMINATED, "reformat", strength=8, seed=seed, fault_lines=(6,))
    assert len(variant.edits) >= 5 and not variant.source.endswith("\n")
    assert variant.line_map.new_line_count == variant.source.count("\n") + 1
    compile(variant.source, "variant", "exec")


@pytest.mark.parametrize("seed", range(8))
def test_misleading_names_leave_a_name_that_an_inner_function_rebinds_from_itself(seed):
    """libcst takes the read in the inner `x = x + 1` for the outer `x` too: neither may be renamed."""
    source = "def outer(a):\n    def inner():\n        x = 1\n        x = x + 1\n        return x\n    x = a\n    return x\n"
    variant, _ = apply("python", source, "misleading_names", strength=8, seed=seed)
    assert len(re.findall(r"\bx\b", variant.source)) == 6
