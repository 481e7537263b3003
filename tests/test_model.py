import dataclasses

import pytest

from flipbench.model import LineMap, Program, Provenance, position_percentile


def _program(**changes) -> Program:
    base = Program("python/a", "python", "x = 1\n", "Set x.", "a.py", Provenance("builtin", "a", "MIT"))
    return dataclasses.replace(base, **changes)


def test_program_id_depends_on_content_not_on_name_or_origin():
    assert _program().id == _program(name="other", provenance=Provenance("elsewhere", "b", "GPL")).id


@pytest.mark.parametrize("change", [{"source": "x = 2\n"}, {"spec": "Set y."}, {"language": "java"}])
def test_program_id_changes_with_content(change):
    assert _program().id != _program(**change).id


def test_program_id_is_stable_across_releases():
    # a golden value: ids key caches and stored results, so changing how they are computed is a breaking change
    assert _program().id == "cb6630940193e1c1"


def test_identity_line_map_maps_every_line_to_itself():
    assert LineMap.identity(3).image((1, 3)) == (1, 3)


def test_line_maps_compose_left_to_right():
    insert_comment_above_line_1 = LineMap(((2,), (3,)), 3)
    split_line_3 = LineMap(((1,), (2,), (3, 4)), 4)
    composed = insert_comment_above_line_1.then(split_line_3)
    assert composed.targets == ((2,), (3, 4))
    assert composed.new_line_count == 4


def test_line_maps_of_mismatched_sizes_do_not_compose():
    with pytest.raises(ValueError, match="cannot compose"):
        LineMap.identity(2).then(LineMap.identity(3))


def test_a_deleted_line_has_no_image():
    assert LineMap(((), (1,)), 1).image((1,)) == ()


@pytest.mark.parametrize(("line", "count", "expected"), [(1, 100, 0.0), (26, 100, 25.0), (100, 100, 99.0)])
def test_position_percentile_puts_the_first_line_at_zero(line, count, expected):
    assert position_percentile(line, count) == expected


def test_only_the_tested_level_certifies():
    from flipbench.model import CheckLevel

    assert [level.certified for level in CheckLevel] == [True, False, False]
    assert [str(level) for level in CheckLevel] == ["tested", "compiled", "parsed"]
