from markdown_toc import build_toc, check_structure, extract_headings, numbered_outline, parse_heading, slugify

DOC = [
    "# Guide",
    "intro",
    "## Install ##",
    "### On Linux",
    "```",
    "# not a heading",
    "```",
    "## Usage",
    "#hashtag",
    "####### seven",
    "### On Linux",
    "## C# & F#",
    "# API",
]


def test_parse_heading_levels():
    assert parse_heading("# Title") == (1, "Title")
    assert parse_heading("###### Six") == (6, "Six")
    assert parse_heading("####### Seven") is None
    assert parse_heading("#tag") is None
    assert parse_heading("plain") is None
    assert parse_heading("") is None
    assert parse_heading(" # indented") is None
    assert parse_heading("#") == (1, "")
    assert parse_heading("##   Spaced   ") == (2, "Spaced")


def test_parse_heading_closing_hashes():
    assert parse_heading("## Title ##") == (2, "Title")
    assert parse_heading("### a ###   ") == (3, "a")
    assert parse_heading("## C#") == (2, "C#")
    assert parse_heading("## Title#") == (2, "Title#")
    assert parse_heading("# ##") == (1, "")


def test_extract_headings_skips_code_fences():
    assert extract_headings(DOC) == [
        (1, "Guide"), (2, "Install"), (3, "On Linux"), (2, "Usage"),
        (3, "On Linux"), (2, "C# & F#"), (1, "API"),
    ]
    assert extract_headings(["  ```python", "# code", "  ```", "## After"]) == [(2, "After")]
    assert extract_headings([]) == []


def test_slugify():
    assert slugify("Hello, World!") == "hello-world"
    assert slugify("C# & F#") == "c--f"
    assert slugify("snake_case-name 2") == "snake_case-name-2"
    assert slugify("") == ""


def test_build_toc_full_depth():
    assert build_toc(DOC, 6) == [
        "- [Guide](#guide)",
        "  - [Install](#install)",
        "    - [On Linux](#on-linux)",
        "  - [Usage](#usage)",
        "    - [On Linux](#on-linux-1)",
        "  - [C# & F#](#c--f)",
        "- [API](#api)",
    ]


def test_build_toc_limits_depth_but_keeps_slug_numbering():
    assert build_toc(DOC, 1) == ["- [Guide](#guide)", "- [API](#api)"]
    assert build_toc(["# X", "### X", "## X"], 2) == ["- [X](#x)", "  - [X](#x-2)"]
    assert build_toc(["## A", "### B"], 3) == ["- [A](#a)", "  - [B](#b)"]
    assert build_toc(["## A", "### B"], 0) == []
    assert build_toc(["text only"], 6) == []
    assert build_toc(["# Intro", "# Intro", "# Intro"], 1) == [
        "- [Intro](#intro)", "- [Intro](#intro-1)", "- [Intro](#intro-2)",
    ]


def test_numbered_outline():
    assert numbered_outline(DOC) == [
        "1 Guide", "1.1 Install", "1.1.1 On Linux", "1.2 Usage",
        "1.2.1 On Linux", "1.3 C# & F#", "2 API",
    ]
    assert numbered_outline(["## A", "#### B", "### C", "## D"]) == ["1 A", "1.0.1 B", "1.1 C", "2 D"]
    assert numbered_outline(["###### Deep", "###### Deeper"]) == ["1 Deep", "2 Deeper"]
    assert numbered_outline(["# A", "###### x", "# B", "###### y"]) == ["1 A", "1.0.0.0.0.1 x", "2 B", "2.0.0.0.0.1 y"]
    assert numbered_outline([]) == []


def test_check_structure():
    assert check_structure(DOC) == ["line 11: repeated title On Linux"]
    assert check_structure(["# A", "### B", "#", "## b", "# a"]) == [
        "line 2: h1 -> h3",
        "line 3: empty title",
        "line 4: repeated title b",
        "line 5: repeated title a",
    ]
    assert check_structure(["### Deep", "#### Deeper", "# Top", "## Sub"]) == []
