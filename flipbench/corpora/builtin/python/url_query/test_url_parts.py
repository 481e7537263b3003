from url_parts import (build_query, build_url, join_path, parse_query, parse_url, percent_decode, percent_encode,
                       query_dict)

URL = "HTTPS://bob:pw@Example.COM:8443/p/a%20th?x=1&y=2#Top"


def _error(func, *args):
    try:
        func(*args)
    except ValueError as error:
        return str(error)
    return None


def test_percent_encode():
    assert percent_encode("a b&c/é~", "") == "a%20b%26c%2F%C3%A9~"
    assert percent_encode("a/b c", "/") == "a/b%20c"
    assert percent_encode("€", "") == "%E2%82%AC"
    assert percent_encode("é", "é") == "%C3%A9"
    assert percent_encode("Az09-._~", "") == "Az09-._~"
    assert percent_encode("", "") == ""
    assert percent_encode("\n", "") == "%0A"


def test_percent_decode():
    assert percent_decode("a%20b+c%2F%c3%a9", True) == "a b c/é"
    assert percent_decode("a+b", False) == "a+b"
    assert percent_decode("%E2%82%AC", False) == "€"
    assert percent_decode("ab%41", False) == "abA"
    assert percent_decode("%7e%7E%09", False) == "~~\t"
    assert percent_decode("", True) == ""


def test_percent_decode_errors():
    assert _error(percent_decode, "%", True) == "truncated escape at 0"
    assert _error(percent_decode, "%4", True) == "truncated escape at 0"
    assert _error(percent_decode, "ab%2", True) == "truncated escape at 2"
    assert _error(percent_decode, "%zz", True) == "bad escape at 0"
    assert _error(percent_decode, "%4g", True) == "bad escape at 0"
    assert _error(percent_decode, "x%G1", True) == "bad escape at 1"
    assert _error(percent_decode, "%/0", True) == "bad escape at 0"
    assert _error(percent_decode, "%:0", True) == "bad escape at 0"


def test_parse_query():
    assert parse_query("?a=1&b=x+y&&flag&a=3&c=%3D=&=v") == [
        ("a", "1"), ("b", "x y"), ("flag", ""), ("a", "3"), ("c", "=="), ("", "v"),
    ]
    assert parse_query("") == []
    assert parse_query("k%20ey=v%26") == [("k ey", "v&")]
    assert parse_query("a+b&c+d=e+f") == [("a b", ""), ("c d", "e f")]
    assert query_dict("a=1&b=2&a=3") == {"a": ["1", "3"], "b": ["2"]}
    assert query_dict("") == {}


def test_build_query_round_trip():
    pairs = [("q", "rock & roll"), ("page", "2"), ("x", "a=b"), ("e", "")]
    assert build_query(pairs) == "q=rock+%26+roll&page=2&x=a%3Db&e="
    assert parse_query(build_query(pairs)) == pairs
    assert build_query([]) == ""
    assert build_query([("a b", "c+d")]) == "a+b=c%2Bd"


def test_parse_url_full():
    assert parse_url(URL) == {
        "scheme": "https", "user": "bob:pw", "host": "example.com", "port": 8443,
        "path": "/p/a%20th", "query": "x=1&y=2", "fragment": "Top",
    }
    assert parse_url("http://example.com") == {
        "scheme": "http", "user": "", "host": "example.com", "port": 80,
        "path": "", "query": "", "fragment": "",
    }
    assert parse_url("ftp://files.org/pub/")["port"] == 21
    assert parse_url("https://x")["port"] == 443
    assert parse_url("http://@host")["host"] == "host"
    assert parse_url("myapp://host")["port"] is None
    assert parse_url("a+b.c-d://h:65535")["port"] == 65535
    assert parse_url("http2://h/x")["scheme"] == "http2"
    assert parse_url("http://a@b@host/")["user"] == "a@b"


def test_parse_relative_url():
    assert parse_url(" /just/path?q=1#f ") == {
        "scheme": "", "user": "", "host": "", "port": None,
        "path": "/just/path", "query": "q=1", "fragment": "f",
    }
    assert parse_url("page#a?b")["fragment"] == "a?b"
    assert parse_url("page#a?b")["query"] == ""
    assert parse_url("#top")["fragment"] == "top"
    assert parse_url("?q=1")["query"] == "q=1"
    assert parse_url("?q=1")["path"] == ""


def test_parse_url_errors():
    assert _error(parse_url, "1http://x") == "bad scheme: 1http"
    assert _error(parse_url, "ht_tp://x") == "bad scheme: ht_tp"
    assert _error(parse_url, "://x") == "bad scheme: "
    assert _error(parse_url, "a_://x") == "bad scheme: a_"
    assert _error(parse_url, "http:///path") == "missing host"
    assert _error(parse_url, "http://:80") == "missing host"
    assert _error(parse_url, "http://user@") == "missing host"
    assert _error(parse_url, "http://host:65536/") == "bad port: 65536"
    assert _error(parse_url, "http://host:8a/") == "bad port: 8a"
    assert _error(parse_url, "http://host:/") == "bad port: "


def test_build_url():
    assert build_url(parse_url(URL)) == "https://bob:pw@example.com:8443/p/a%20th?x=1&y=2#Top"
    assert build_url(parse_url("http://example.com:80/a")) == "http://example.com/a"
    assert build_url(parse_url("https://example.com:80/a")) == "https://example.com:80/a"
    assert build_url(parse_url("/p?q#f")) == "/p?q#f"
    assert build_url(parse_url("myapp://host:0")) == "myapp://host:0"
    assert build_url(parse_url("myapp://host")) == "myapp://host"
    assert build_url(parse_url("https://x:443/")) == "https://x/"


def test_join_path():
    assert join_path("/a/b/c", "../d") == "/a/d"
    assert join_path("/a/b/c", "./d") == "/a/b/d"
    assert join_path("/a/b/c", ".") == "/a/b/"
    assert join_path("/a/b/c", "..") == "/a/"
    assert join_path("/a/b/c", "/x/../y") == "/y"
    assert join_path("/", "..") == "/"
    assert join_path("/a/b/c", "d/") == "/a/b/d/"
    assert join_path("/a/b/c", "../../../../x") == "/x"
    assert join_path("/a/b/", "c") == "/a/b/c"
    assert join_path("/a/b/c", "g/./h/../i") == "/a/b/g/i"
    assert _error(join_path, "a/b", "c") == "base path must be absolute"
