"""Parse and format single CSV lines with quoted fields and doubled-quote escapes."""


class CsvError(ValueError):
    """A malformed line; position is a character index (or a line number for records)."""

    def __init__(self, message, position):
        super().__init__(message + " at " + str(position))
        self.position = position


def _parse(line, delimiter):
    """Split a line into (text, was_quoted) pairs."""
    fields = []
    field = []
    quoted = False
    in_quotes = False
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < n and line[i + 1] == '"':
                    field.append('"')
                    i += 2
                    continue
                in_quotes = False
            else:
                field.append(ch)
        elif ch == delimiter:
            fields.append(("".join(field), quoted))
            field = []
            quoted = False
        elif ch == '"':
            if len(field) > 0 or quoted:
                raise CsvError("unexpected quote", i)
            in_quotes = True
            quoted = True
        else:
            if quoted:
                raise CsvError("text after closing quote", i)
            field.append(ch)
        i += 1
    if in_quotes:
        raise CsvError("unterminated quote", n)
    fields.append(("".join(field), quoted))
    return fields


def parse_line(line, delimiter=","):
    return [text for text, _ in _parse(line, delimiter)]


def _to_number(text):
    """An int or float for plain decimal numbers such as -12 or 3.5, else None."""
    start = 0
    if text[0] == "-" or text[0] == "+":
        start = 1
    digits = 0
    dots = 0
    for i in range(start, len(text)):
        if text[i] == ".":
            dots += 1
        elif "0" <= text[i] <= "9":
            digits += 1
        else:
            return None
    if digits == 0 or dots > 1:
        return None
    if dots == 1:
        return float(text)
    return int(text)


def parse_typed(line, delimiter=","):
    """Like parse_line, but unquoted numbers become numbers and unquoted empty fields None."""
    values = []
    for text, quoted in _parse(line, delimiter):
        if quoted:
            values.append(text)
        elif text == "":
            values.append(None)
        else:
            number = _to_number(text)
            values.append(text if number is None else number)
    return values


def format_field(value, delimiter=","):
    """Quote a field when it holds a delimiter, quote or newline, or has edge spaces."""
    needs_quotes = delimiter in value or '"' in value or "\n" in value
    if len(value) > 0 and (value[0] == " " or value[-1] == " "):
        needs_quotes = True
    if not needs_quotes:
        return value
    return '"' + value.replace('"', '""') + '"'


def format_line(fields, delimiter=","):
    parts = []
    for i in range(len(fields)):
        parts.append(format_field(fields[i], delimiter))
    return delimiter.join(parts)


def parse_records(lines, delimiter=","):
    """Turn a header line and data lines into dicts; blank lines are skipped."""
    if len(lines) == 0:
        return []
    header = parse_line(lines[0], delimiter)
    records = []
    for number in range(2, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() == "":
            continue
        fields = parse_line(line, delimiter)
        if len(fields) != len(header):
            raise CsvError("expected " + str(len(header)) + " fields, got " + str(len(fields)), number)
        record = {}
        for j in range(len(header)):
            record[header[j]] = fields[j]
        records.append(record)
    return records
