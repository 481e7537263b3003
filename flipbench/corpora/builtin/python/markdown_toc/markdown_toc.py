"""Build a table of contents for a markdown document from its ATX heading lines."""

MAX_LEVEL = 6


def parse_heading(line):
    """(level, title) for a heading line such as '## Title ##', or None for other lines."""
    stripped = line.rstrip()
    level = 0
    while level < len(stripped) and stripped[level] == "#":
        level += 1
    if level == 0 or level > MAX_LEVEL:
        return None
    if level < len(stripped) and stripped[level] != " ":
        return None
    title = stripped[level:].strip()
    # A closing run of hashes is dropped, but only when a space separates it ("C#" stays).
    end = len(title)
    while end > 0 and title[end - 1] == "#":
        end -= 1
    if end < len(title) and (end == 0 or title[end - 1] == " "):
        title = title[:end].rstrip()
    return (level, title)


def _scan(lines):
    """(line number, level, title) for each heading outside fenced code blocks."""
    found = []
    in_fence = False
    for i in range(len(lines)):
        if lines[i].lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = parse_heading(lines[i])
        if heading is not None:
            found.append((i + 1, heading[0], heading[1]))
    return found


def extract_headings(lines):
    return [(level, title) for _, level, title in _scan(lines)]


def slugify(title):
    """Anchor text: lower case, spaces become hyphens, other punctuation is removed."""
    out = []
    for ch in title.lower():
        if ch.isalnum() or ch == "_" or ch == "-":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def _unique_slug(slug, seen):
    """First use keeps the slug; later uses get -1, -2, ... suffixes."""
    if slug not in seen:
        seen[slug] = 0
        return slug
    seen[slug] += 1
    return slug + "-" + str(seen[slug])


def build_toc(lines, max_level):
    """Nested bullet list of links, indented two spaces per level below the shallowest heading."""
    headings = extract_headings(lines)
    if len(headings) == 0:
        return []
    base = min(level for level, _ in headings)
    seen = {}
    toc = []
    for level, title in headings:
        anchor = _unique_slug(slugify(title), seen)
        if level > max_level:
            continue
        indent = "  " * (level - base)
        toc.append(indent + "- [" + title + "](#" + anchor + ")")
    return toc


def numbered_outline(lines):
    """Headings numbered like '1', '1.1', '2' counting from the shallowest level."""
    headings = extract_headings(lines)
    if len(headings) == 0:
        return []
    base = min(level for level, _ in headings)
    counters = [0] * MAX_LEVEL
    outline = []
    for level, title in headings:
        counters[level - 1] += 1
        for deeper in range(level, MAX_LEVEL):
            counters[deeper] = 0
        parts = []
        for i in range(base - 1, level):
            parts.append(str(counters[i]))
        outline.append(".".join(parts) + " " + title)
    return outline


def check_structure(lines):
    """Warnings for skipped levels, empty titles and repeated titles."""
    warnings = []
    previous = 0
    titles = set()
    for number, level, title in _scan(lines):
        if previous > 0 and level > previous + 1:
            warnings.append("line " + str(number) + ": h" + str(previous) + " -> h" + str(level))
        if title == "":
            warnings.append("line " + str(number) + ": empty title")
        elif title.lower() in titles:
            warnings.append("line " + str(number) + ": repeated title " + title)
        titles.add(title.lower())
        previous = level
    return warnings
