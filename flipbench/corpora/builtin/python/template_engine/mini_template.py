"""A small text template engine.

    {{ name }}                     substitution, with dotted access into dicts: {{ user.name }}
    {{ name | upper }}             filters: upper, lower, length, default:TEXT
    {% for x in items %}...{% endfor %}   loops; loop.index (from 1), loop.first, loop.last
    {% if name %}...{% else %}...{% endif %}   a missing or empty value counts as false

Missing keys in substitutions and loops are handled by the mode: "error" raises
TemplateError, "keep" leaves the placeholder in place (as {{expression}}), "empty" renders nothing.
"""

_MISSING = object()


class TemplateError(Exception):
    pass


def _tokenize(source):
    """Split source into ('text' | 'var' | 'block', content) tokens."""
    tokens = []
    i = 0
    while i < len(source):
        var = source.find("{{", i)
        block = source.find("{%", i)
        if var < 0 and block < 0:
            tokens.append(("text", source[i:]))
            break
        start = var if block < 0 or (var >= 0 and var < block) else block
        if start > i:
            tokens.append(("text", source[i:start]))
        closer = "}}" if start == var else "%}"
        end = source.find(closer, start + 2)
        if end < 0:
            raise TemplateError("unclosed tag at " + str(start))
        tokens.append(("var" if closer == "}}" else "block", source[start + 2:end].strip()))
        i = end + 2
    return tokens


def _parse(tokens, pos, closing):
    """Parse nodes until a block tag named in closing; returns (nodes, position, closer)."""
    nodes = []
    while pos < len(tokens):
        kind, value = tokens[pos]
        if kind == "block":
            words = value.split()
            if len(words) > 0 and words[0] in closing:
                return nodes, pos, words[0]
            if len(words) == 4 and words[0] == "for" and words[2] == "in":
                body, pos, _ = _parse(tokens, pos + 1, ("endfor",))
                nodes.append(("for", words[1], words[3], body))
            elif len(words) == 2 and words[0] == "if":
                body, pos, closer = _parse(tokens, pos + 1, ("else", "endif"))
                other = []
                if closer == "else":
                    other, pos, _ = _parse(tokens, pos + 1, ("endif",))
                nodes.append(("if", words[1], body, other))
            else:
                raise TemplateError("bad tag: {% " + value + " %}")
        else:
            nodes.append((kind, value))
        pos += 1
    if len(closing) > 0:
        raise TemplateError("missing {% " + closing[-1] + " %}")
    return nodes, pos, None


def _lookup(name, scopes):
    """Resolve a dotted name, innermost scope first; _MISSING when it cannot be found."""
    parts = name.split(".")
    value = _MISSING
    for i in range(len(scopes) - 1, -1, -1):
        if parts[0] in scopes[i]:
            value = scopes[i][parts[0]]
            break
    for part in parts[1:]:
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _apply_filter(name, value):
    if name == "upper":
        return str(value).upper()
    if name == "lower":
        return str(value).lower()
    if name == "length":
        return len(value)
    if name.startswith("default:"):
        return value
    raise TemplateError("unknown filter: " + name)


def _render_var(expression, scopes, missing):
    parts = [part.strip() for part in expression.split("|")]
    value = _lookup(parts[0], scopes)
    if value is _MISSING:
        for part in parts[1:]:
            if part.startswith("default:"):
                return part[len("default:"):]
        if missing == "error":
            raise TemplateError("missing key: " + parts[0])
        if missing == "keep":
            return "{{" + expression + "}}"
        return ""
    for part in parts[1:]:
        value = _apply_filter(part, value)
    return str(value)


def _render(nodes, scopes, missing, out):
    for node in nodes:
        if node[0] == "text":
            out.append(node[1])
        elif node[0] == "var":
            out.append(_render_var(node[1], scopes, missing))
        elif node[0] == "for":
            items = _lookup(node[2], scopes)
            if items is _MISSING:
                if missing == "error":
                    raise TemplateError("missing key: " + node[2])
                items = []
            for index in range(len(items)):
                loop = {"index": index + 1, "first": index == 0, "last": index == len(items) - 1}
                _render(node[3], scopes + [{node[1]: items[index], "loop": loop}], missing, out)
        else:
            value = _lookup(node[1], scopes)
            truthy = value is not _MISSING and bool(value)
            _render(node[2] if truthy else node[3], scopes, missing, out)


def render(source, context, missing="error"):
    nodes, _, _ = _parse(_tokenize(source), 0, ())
    out = []
    _render(nodes, [context], missing, out)
    return "".join(out)


def _collect(nodes, bound, found):
    for node in nodes:
        if node[0] == "var":
            name = node[1].split("|")[0].strip().split(".")[0]
            if name not in bound:
                found.add(name)
        elif node[0] == "for":
            if node[2].split(".")[0] not in bound:
                found.add(node[2].split(".")[0])
            _collect(node[3], bound | {node[1], "loop"}, found)
        elif node[0] == "if":
            if node[1].split(".")[0] not in bound:
                found.add(node[1].split(".")[0])
            _collect(node[2], bound, found)
            _collect(node[3], bound, found)


def variables(source):
    """Sorted names the template reads from its context (loop variables excluded)."""
    nodes, _, _ = _parse(_tokenize(source), 0, ())
    found = set()
    _collect(nodes, set(), found)
    return sorted(found)
