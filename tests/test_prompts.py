"""Prompt templates: built-ins, user files, placeholders and the answer schema."""

import pytest

from flipbench.errors import InputError
from flipbench.localizers.base import Sampling
from flipbench.localizers.prompts import builtin_prompt_names, load_prompt

SOURCE = "def add(a, b):\n    return a - b\n"


def render(name, **kwargs):
    return load_prompt(name).render(source=SOURCE, spec="Add two numbers.", language="python",
                                    sampling=Sampling(), **kwargs)


def test_the_four_builtin_prompts_exist():
    assert set(builtin_prompt_names()) >= {"paper", "numbered", "ranked", "reasoning"}


def test_the_paper_prompt_uses_the_studys_wording_and_raw_code():
    query = render("paper")
    assert 'I want this code to "Add two numbers." but I am experiencing unexpected output.' in query.user
    assert "Can you give me the exact line number where the bug is?" in query.user
    assert "    return a - b" in query.user and "2: " not in query.user


def test_the_numbered_prompt_numbers_every_line():
    assert "1: def add(a, b):\n2:     return a - b" in render("numbered").user


def test_a_ranked_prompt_allows_five_lines_in_its_schema():
    assert render("ranked").answer_schema["properties"]["lines"]["maxItems"] == 5


def test_the_reasoning_prompt_asks_for_no_structured_output():
    assert render("reasoning").answer_schema == {}


def test_dollar_signs_in_code_are_left_alone():
    query = load_prompt("paper").render(source="x = '$code'\n", spec="s", language="python", sampling=Sampling())
    assert "x = '$code'" in query.user


def test_a_user_template_is_loaded_from_its_path(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('user = "Find the bug in $language:\\n$numbered_code"\n')
    assert "Find the bug in Python:\n1: def add" in load_prompt(str(path)).render(
        source=SOURCE, spec="", language="python", sampling=Sampling()).user


def test_an_unknown_placeholder_is_refused_with_its_name(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('user = "$code $specification"\n')
    with pytest.raises(InputError, match="specification"):
        load_prompt(str(path))


def test_a_template_without_the_code_is_refused(tmp_path):
    path = tmp_path / "nocode.toml"
    path.write_text('user = "Where is the bug?"\n')
    with pytest.raises(InputError, match=r"\$code"):
        load_prompt(str(path))


def test_an_unknown_prompt_name_lists_the_builtins():
    with pytest.raises(InputError, match="paper"):
        load_prompt("papr")


def test_every_query_of_a_template_carries_the_same_schema_object():
    """Derived forms of the schema (strict mode, cache-key JSON) are computed once per schema object."""
    for name in ("numbered", "reasoning"):
        template = load_prompt(name)
        first, second = (template.render(source="x = 1\n", spec="", language="python", sampling=Sampling())
                         for _ in range(2))
        assert first.answer_schema is second.answer_schema
