from mini_template import TemplateError, render, variables


def _error(source, context, missing):
    try:
        render(source, context, missing)
    except TemplateError as error:
        return str(error)
    return None


def test_plain_substitution():
    assert render("Hello, {{ name }}!", {"name": "Ann"}) == "Hello, Ann!"
    assert render("{{a}}{{b}}", {"a": 1, "b": 2}) == "12"
    assert render("no tags", {}) == "no tags"
    assert render("", {}) == ""
    assert render("{{n}} left", {"n": 0}) == "0 left"


def test_dotted_names_and_filters():
    context = {"user": {"name": "bo", "address": {"city": "Oslo"}}, "items": [1, 2, 3]}
    assert render("{{user.name|upper}} has {{ items|length }} items", context) == "BO has 3 items"
    assert render("{{ user.address.city | lower }}", context) == "oslo"
    assert render("{{ title | default:Untitled }}", {}) == "Untitled"
    assert render("{{ title | default:Untitled }}", {"title": "Dune"}) == "Dune"
    assert render("{{ user.age | default:? }}", context) == "?"
    assert _error("{{ user.name.first }}", context, "error") == "missing key: user.name.first"
    assert _error("{{ user | reverse }}", context, "error") == "unknown filter: reverse"


def test_missing_key_modes():
    assert _error("Hi {{who}}", {}, "error") == "missing key: who"
    assert _error("{{ who | upper }}", {}, "error") == "missing key: who"
    assert render("Hi {{who}} and {{ other }}", {"who": "A"}, "keep") == "Hi A and {{other}}"
    assert render("Hi {{who}}{{other}}!", {"who": "A"}, "empty") == "Hi A!"
    assert render("{{ a.b | upper }}", {"a": {}}, "keep") == "{{a.b | upper}}"


def test_loops():
    template = "{% for x in xs %}{{loop.index}}:{{x}}{% if loop.last %}.{% else %}, {% endif %}{% endfor %}"
    assert render(template, {"xs": ["a", "b", "c"]}) == "1:a, 2:b, 3:c."
    assert render(template, {"xs": ["solo"]}) == "1:solo."
    assert render(template, {"xs": []}) == ""
    assert render("{% for x in xs %}{% if loop.first %}<{% endif %}{{x}}{% endfor %}", {"xs": [1, 2]}) == "<12"
    assert render("{% for x in xs %}{{x}}{% endfor %}{{x}}", {"xs": [1, 2], "x": "outer"}) == "12outer"


def test_nested_loops_with_dotted_items():
    template = "{% for row in rows %}[{% for c in row.cells %}{{c}}{% endfor %}]{% endfor %}"
    context = {"rows": [{"cells": [1, 2]}, {"cells": []}, {"cells": ["x"]}]}
    assert render(template, context) == "[12][][x]"
    pairs = "{% for a in xs %}{% for b in xs %}{{a}}{{b}} {% endfor %}{% endfor %}"
    assert render(pairs, {"xs": [1, 2]}) == "11 12 21 22 "


def test_missing_loop_source():
    assert render("{% for x in missing %}{{x}}{% endfor %}end", {}, "empty") == "end"
    assert render("{% for x in missing %}{{x}}{% endfor %}end", {}, "keep") == "end"
    assert _error("{% for x in nope %}{% endfor %}", {}, "error") == "missing key: nope"


def test_conditions():
    template = "{% if flag %}yes{% endif %}|{% if empty %}A{% else %}B{% endif %}"
    assert render(template, {"flag": True, "empty": []}) == "yes|B"
    assert render(template, {"flag": 0, "empty": [0]}) == "|A"
    assert render("{% if nothing %}x{% else %}y{% endif %}", {}) == "y"
    assert render("{% if u.admin %}admin{% endif %}", {"u": {"admin": True}}) == "admin"
    branches = "{% if flag %}{{name}}{% else %}{{other}}{% endif %}"
    assert render(branches, {"flag": 1, "name": "N", "other": "O"}) == "N"
    assert render(branches, {"flag": "", "name": "N", "other": "O"}) == "O"


def test_syntax_errors():
    assert _error("{{ a", {"a": 1}, "error") == "unclosed tag at 0"
    assert _error("ab {% if a", {"a": 1}, "error") == "unclosed tag at 3"
    assert _error("{% for x in xs %}", {"xs": []}, "error") == "missing {% endfor %}"
    assert _error("{% if a %}x{% else %}y", {"a": 1}, "error") == "missing {% endif %}"
    assert _error("{% if a %}x", {"a": 1}, "error") == "missing {% endif %}"
    assert _error("{% while x %}", {}, "error") == "bad tag: {% while x %}"
    assert _error("{% %}", {}, "error") == "bad tag: {%  %}"
    assert _error("{%%}", {}, "error") == "bad tag: {%  %}"
    assert _error("{% endfor %}", {}, "error") == "bad tag: {% endfor %}"
    assert _error("{% for x on xs %}{% endfor %}", {}, "error") == "bad tag: {% for x on xs %}"


def test_variables():
    source = "{{a}} {% for x in xs %}{{x.n}}{{loop.index}}{{b|upper}}{% endfor %}{% if c.d %}{{e}}{% else %}{{f}}{% endif %}{{x}}"
    assert variables(source) == ["a", "b", "c", "e", "f", "x", "xs"]
    assert variables("{% for a in b %}{% for c in a.items %}{{c}}{% endfor %}{% endfor %}") == ["b"]
    assert variables("text") == []
    assert variables("{% for p in shop.products %}{{p}}{% endfor %}") == ["shop"]
    assert variables("{% for x in xs %}{% if x.ok %}y{% endif %}{% endfor %}") == ["xs"]
