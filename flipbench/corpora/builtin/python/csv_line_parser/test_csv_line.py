from csv_line import CsvError, format_field, format_line, parse_line, parse_records, parse_typed


def _error_position(func, *args):
    try:
        func(*args)
    except CsvError as error:
        return error.position
    return None


def test_parse_plain_fields():
    assert parse_line("a,b,c") == ["a", "b", "c"]
    assert parse_line("") == [""]
    assert parse_line("a,,c,") == ["a", "", "c", ""]
    assert parse_line(" a , b ") == [" a ", " b "]
    assert parse_line("a;b,c", ";") == ["a", "b,c"]


def test_parse_quoted_fields():
    assert parse_line('"x, y",z') == ["x, y", "z"]
    assert parse_line('"say ""hi""",2') == ['say "hi"', "2"]
    assert parse_line('""') == [""]
    assert parse_line('""""') == ['"']
    assert parse_line('a,"b"') == ["a", "b"]
    assert parse_line('"",x') == ["", "x"]


def test_parse_errors_report_position():
    assert _error_position(parse_line, '"abc') == 4
    assert _error_position(parse_line, '"a""') == 4
    assert _error_position(parse_line, 'ab"c') == 2
    assert _error_position(parse_line, 'a"b"') == 1
    assert _error_position(parse_line, '""x') == 2
    assert _error_position(parse_line, '"ab"c,d') == 4
    assert _error_position(parse_line, '"a" ') == 3
    assert _error_position(parse_line, '"a""b",c') is None
    try:
        parse_line('"abc')
    except CsvError as error:
        assert str(error) == "unterminated quote at 4"


def test_parse_typed_values():
    line = '1,-2,3.5,"7",,abc,+4,1.2.3,-,.5,5.,""'
    assert parse_typed(line) == [1, -2, 3.5, "7", None, "abc", 4, "1.2.3", "-", 0.5, 5.0, ""]
    assert parse_typed("x1;12", ";") == ["x1", 12]
    assert parse_typed("-0") == [0]
    assert parse_typed("90,9.09") == [90, 9.09]


def test_format_field_quotes_when_needed():
    assert format_field("plain") == "plain"
    assert format_field("") == ""
    assert format_field("a,b") == '"a,b"'
    assert format_field('say "hi"') == '"say ""hi"""'
    assert format_field(" pad") == '" pad"'
    assert format_field(" ") == '" "'
    assert format_field("pad ") == '"pad "'
    assert format_field("in side") == "in side"
    assert format_field("line\nbreak") == '"line\nbreak"'
    assert format_field("x;y", ";") == '"x;y"'
    assert format_field("x;y") == "x;y"


def test_format_line_round_trip():
    fields = ["a", "b,c", 'q"uote', "", " s"]
    line = format_line(fields)
    assert line == 'a,"b,c","q""uote",," s"'
    assert parse_line(line) == fields
    assert format_line([]) == ""
    assert format_line(["1", "2"], "|") == "1|2"


def test_parse_records():
    lines = ["name,age", "ann,31", "", '"bob, jr",4']
    assert parse_records(lines) == [{"name": "ann", "age": "31"}, {"name": "bob, jr", "age": "4"}]
    assert parse_records([]) == []
    assert parse_records(["a;b"], ";") == []
    assert parse_records(["a;b", "1;2"], ";") == [{"a": "1", "b": "2"}]


def test_parse_records_rejects_ragged_rows():
    assert _error_position(parse_records, ["a,b", "1,2", "3"]) == 3
    assert _error_position(parse_records, ["a,b", "1,2,3"]) == 2
    assert _error_position(parse_records, ["a,b", "  ", "1,2", "1,2,3"]) == 4
