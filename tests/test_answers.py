"""Reading predicted lines out of replies: JSON first, then words; nothing found is not a wrong answer."""

from flipbench.localizers.answers import Prediction, read_prediction


def test_a_json_reply_gives_its_lines_in_order():
    assert read_prediction('{"lines": [12, 4, 12]}') == Prediction((12, 4), "json")


def test_the_studys_line_no_key_is_understood():
    assert read_prediction('{"line_no": 7}') == Prediction((7,), "json")


def test_json_inside_a_code_fence_is_found():
    assert read_prediction('Sure!\n```json\n{"line": 33}\n```') == Prediction((33,), "json")


def test_a_reasoning_reply_is_read_from_its_last_json_object():
    reply = 'Line 3 sets {"x": 1}. The loop is fine.\nFinal answer: {"lines": [21]}'
    assert read_prediction(reply) == Prediction((21,), "json")


def test_a_line_number_in_words_is_the_fallback():
    assert read_prediction("The bug is on line 14, where the bound is off.") == Prediction((14,), "text")


def test_a_bare_number_is_a_line():
    assert read_prediction(" 9\n").lines == (9,)
    assert read_prediction("9.").lines == (9,)


def test_numeric_strings_in_json_count():
    assert read_prediction('{"lines": ["5"]}') == Prediction((5,), "json")


def test_a_reply_without_any_line_number_is_unparseable():
    assert read_prediction("I cannot find a bug in this code.") is None


def test_zero_negative_and_boolean_lines_are_not_lines():
    assert read_prediction('{"lines": [0, -3, true]}') is None


def test_rankings_are_cut_to_five_lines():
    assert read_prediction('{"lines": [1, 2, 3, 4, 5, 6, 7]}').lines == (1, 2, 3, 4, 5)
