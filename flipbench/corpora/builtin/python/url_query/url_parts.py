"""Parse and build URLs and query strings, with hand-written percent-encoding (UTF-8)."""

UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
HEX = "0123456789ABCDEF"
DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}


def _hex_value(ch):
    """0-15 for a hex digit (either case), -1 otherwise."""
    if "0" <= ch <= "9":
        return ord(ch) - ord("0")
    lower = ch.lower()
    if "a" <= lower <= "f":
        return ord(lower) - ord("a") + 10
    return -1


def percent_encode(text, safe):
    """Escape every UTF-8 byte except unreserved characters and those listed in safe."""
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if byte < 128 and (ch in UNRESERVED or ch in safe):
            out.append(ch)
        else:
            out.append("%" + HEX[byte // 16] + HEX[byte % 16])
    return "".join(out)


def percent_decode(text, plus_as_space):
    """Undo percent-encoding; '+' becomes a space only when plus_as_space is true."""
    out = bytearray()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%":
            if i + 2 >= len(text):
                raise ValueError("truncated escape at " + str(i))
            high = _hex_value(text[i + 1])
            low = _hex_value(text[i + 2])
            if high < 0 or low < 0:
                raise ValueError("bad escape at " + str(i))
            out.append(high * 16 + low)
            i += 3
        else:
            if ch == "+" and plus_as_space:
                out.append(32)
            else:
                out.extend(ch.encode("utf-8"))
            i += 1
    return out.decode("utf-8")


def parse_query(query):
    """List of (key, value) pairs; empty parts are skipped and a bare key gets ''."""
    pairs = []
    if query.startswith("?"):
        query = query[1:]
    for part in query.split("&"):
        if part == "":
            continue
        eq = part.find("=")
        if eq < 0:
            pairs.append((percent_decode(part, True), ""))
        else:
            pairs.append((percent_decode(part[:eq], True), percent_decode(part[eq + 1:], True)))
    return pairs


def query_dict(query):
    """Every key with the list of its values, in order of appearance."""
    result = {}
    for key, value in parse_query(query):
        if key not in result:
            result[key] = []
        result[key].append(value)
    return result


def build_query(pairs):
    parts = []
    for key, value in pairs:
        encoded_key = percent_encode(key, " ").replace(" ", "+")
        encoded_value = percent_encode(value, " ").replace(" ", "+")
        parts.append(encoded_key + "=" + encoded_value)
    return "&".join(parts)


def _valid_scheme(scheme):
    if len(scheme) == 0 or not scheme[0].isalpha():
        return False
    for i in range(1, len(scheme)):
        if not (scheme[i].isalnum() or scheme[i] in "+-."):
            return False
    return True


def parse_url(url):
    """Split an absolute or relative URL into its parts; the port falls back to the scheme's default."""
    parts = {"scheme": "", "user": "", "host": "", "port": None, "path": "", "query": "", "fragment": ""}
    rest = url.strip()
    mark = rest.find("#")
    if mark >= 0:
        parts["fragment"] = rest[mark + 1:]
        rest = rest[:mark]
    mark = rest.find("?")
    if mark >= 0:
        parts["query"] = rest[mark + 1:]
        rest = rest[:mark]
    mark = rest.find("://")
    if mark < 0:
        parts["path"] = rest
        return parts
    scheme = rest[:mark].lower()
    if not _valid_scheme(scheme):
        raise ValueError("bad scheme: " + rest[:mark])
    parts["scheme"] = scheme
    rest = rest[mark + 3:]
    slash = rest.find("/")
    authority = rest if slash < 0 else rest[:slash]
    parts["path"] = "" if slash < 0 else rest[slash:]
    at = authority.rfind("@")
    if at >= 0:
        parts["user"] = authority[:at]
        authority = authority[at + 1:]
    colon = authority.rfind(":")
    if colon >= 0:
        port = authority[colon + 1:]
        if not port.isdigit() or int(port) > 65535:
            raise ValueError("bad port: " + port)
        parts["port"] = int(port)
        authority = authority[:colon]
    if authority == "":
        raise ValueError("missing host")
    parts["host"] = authority.lower()
    if parts["port"] is None and scheme in DEFAULT_PORTS:
        parts["port"] = DEFAULT_PORTS[scheme]
    return parts


def build_url(parts):
    """Inverse of parse_url; a default port is left out."""
    url = ""
    if parts["scheme"] != "":
        url = parts["scheme"] + "://"
        if parts["user"] != "":
            url += parts["user"] + "@"
        url += parts["host"]
        port = parts["port"]
        if port is not None and port != DEFAULT_PORTS.get(parts["scheme"]):
            url += ":" + str(port)
    url += parts["path"]
    if parts["query"] != "":
        url += "?" + parts["query"]
    if parts["fragment"] != "":
        url += "#" + parts["fragment"]
    return url


def join_path(base, relative):
    """Resolve a relative path against an absolute base path, handling '.' and '..' segments."""
    if not base.startswith("/"):
        raise ValueError("base path must be absolute")
    if relative.startswith("/"):
        merged = relative
    else:
        merged = base[:base.rfind("/") + 1] + relative
    output = []
    segments = merged.split("/")
    for i in range(len(segments)):
        segment = segments[i]
        last = i == len(segments) - 1
        if segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        elif segment == ".":
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/".join(output)
