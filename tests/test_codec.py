from dataclasses import dataclass

import pytest

from flipbench import codec
from flipbench.model import Edit, FaultyProgram, LineMap, Program, Provenance, SpmEdit, TestSuite, Variant


def _program() -> Program:
    return Program(
        name="python/example", language="python", source="def f(x):\n    return x + 1\n", spec="Add one.",
        filename="example.py", provenance=Provenance("builtin", "python/example", "MIT"),
        tests=TestSuite("from example import f\n\ndef test_f():\n    assert f(1) == 2\n", "test_example.py"),
    )


def _variant() -> Variant:
    faulty = FaultyProgram(_program(), "operator_swap", (2,), Edit(21, 26, "x + 1", "x - 1", 2), 50.0)
    return Variant(faulty, ("misleading_comments",), 1, "random", 7, "# adds\ndef f(x):\n    return x - 1\n",
                   LineMap(((2,), (3,)), 3), (3,), (SpmEdit("misleading_comments", "comment", 1, 2),),
                   (("placement", "random"),))


@pytest.mark.parametrize("value", [_program(), _variant().faulty, _variant(), LineMap.identity(3)])
def test_dataclasses_round_trip_through_json(value):
    assert codec.from_data(type(value), codec.to_data(value)) == value


def test_round_trip_keeps_the_content_id():
    variant = _variant()
    assert codec.from_data(Variant, codec.to_data(variant)).id == variant.id


def test_canonical_json_is_independent_of_construction_order():
    assert codec.dumps({"b": 1, "a": [1, 2]}) == '{"a":[1,2],"b":1}'


def test_decoding_reports_the_path_of_a_wrong_field():
    data = codec.to_data(_program())
    data["tests"]["filename"] = 3
    with pytest.raises(codec.DecodeError, match=r"\$\.tests\.filename"):
        codec.from_data(Program, data)


def test_decoding_reports_a_missing_field():
    data = codec.to_data(_program())
    del data["spec"]
    with pytest.raises(codec.DecodeError, match="missing field 'spec'"):
        codec.from_data(Program, data)


def test_decoding_rejects_a_value_outside_a_literal():
    data = codec.to_data(_program())
    data["language"] = "cobol"
    with pytest.raises(codec.DecodeError, match="cobol"):
        codec.from_data(Program, data)


def test_decoding_fills_defaults_for_absent_optional_fields():
    @dataclass(frozen=True)
    class WithDefault:
        name: str
        tags: tuple[str, ...] = ()

    assert codec.from_data(WithDefault, {"name": "x"}) == WithDefault("x")
