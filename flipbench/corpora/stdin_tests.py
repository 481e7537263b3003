"""Tests for programs that read standard input and print an answer (competitive programming: ConDefects,
AtCoder): each (input, expected output) pair becomes one case of a flipbench-format test file.

Python: a case runs the program file as ``python program.py`` would (``runpy``, as ``__main__``), with the
input on file descriptor 0 and ``sys.stdin`` (so ``input()``, ``sys.stdin.buffer`` and ``open(0)`` all read
it), its output captured (``print`` and ``sys.stdout.buffer``), threads it started joined (a common trick
for deep recursion), and compares the output line by line with the expected one, as ConDefects' own runner
does. ``exit()`` with status 0 ends a run normally.

Java: a case calls the main class's ``main`` with the input as ``System.in`` and ``System.out`` captured, the
program's classes loaded afresh for the case (AtCoder programs keep their reader in static fields, which would
otherwise carry over from case to case); only flipbench's coverage probe is shared, so coverage still counts.
Threads the program started are joined. A program that calls ``System.exit`` ends the test JVM (the runner
records that). Either way the program's lines are traced like any tested program's, so spectrum rankings work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flipbench.model import TestSuite

_MODULE = '''\
"""{title}"""

import io
import os
import runpy
import sys
import tempfile
import threading

PROGRAM = os.path.join(os.path.dirname(os.path.abspath(__file__)), {program!r})
CASES = {cases!r}


def _run(name):
    given, expected = CASES[name]
    saved_fd, saved_in, saved_out = os.dup(0), sys.stdin, sys.stdout
    output = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\\n")
    with tempfile.TemporaryFile() as data:
        data.write(given.encode("utf-8"))
        data.seek(0)
        os.dup2(data.fileno(), 0)
        sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, closefd=False)), encoding="utf-8")
        sys.stdout = output
        before = set(threading.enumerate())
        try:
            runpy.run_path(PROGRAM, run_name="__main__")
        except SystemExit as end:
            if end.code not in (None, 0):
                raise AssertionError("the program exited with status %r" % (end.code,)) from None
        finally:
            for thread in set(threading.enumerate()) - before:
                thread.join()
            output.flush()
            sys.stdin, sys.stdout = saved_in, saved_out
            os.dup2(saved_fd, 0)
            os.close(saved_fd)
    printed = output.buffer.getvalue().decode("utf-8", "replace")
    assert printed.splitlines() == expected.splitlines(), "printed %r, expected %r" % (printed[:200], expected[:200])
'''


@dataclass(frozen=True)
class StdinCase:
    name: str
    given: str
    expected: str


def stdin_test_suite(program_filename: str, cases: Sequence[StdinCase], title: str) -> TestSuite:
    """A flipbench-format test module with one ``test_<name>`` per case (names made identifiers, unique)."""
    names = _named(cases)
    source = _MODULE.format(title=title, program=program_filename,
                            cases={name: (case.given, case.expected) for name, case in names.items()})
    source += "".join(f"\n\ndef test_{name}():\n    _run({name!r})\n" for name in names)
    return TestSuite(source, f"test_{program_filename.removesuffix('.py')}.py")


_JAVA = """\
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** {title} */
public class {test_class} {{
    private static final String MAIN = "{main_class}";
{methods}
    private static void run(String given, String expected) throws Throwable {{
        ClassLoader variant = {test_class}.class.getClassLoader();
        String prefix = {test_class}.class.getPackageName().isEmpty() ? "" : {test_class}.class.getPackageName() + ".";
        ClassLoader fresh = prefix.isEmpty() ? variant : new ClassLoader(variant.getParent()) {{
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {{
                synchronized (getClassLoadingLock(name)) {{
                    Class<?> found = findLoadedClass(name);
                    if (found == null && name.startsWith(prefix) && !name.startsWith(prefix + "FlipbenchCoverage")
                            && !name.startsWith(prefix + "{test_class}")) {{
                        try (InputStream bytes = variant.getResourceAsStream(name.replace('.', '/') + ".class")) {{
                            if (bytes != null) {{
                                byte[] code = bytes.readAllBytes();
                                found = defineClass(name, code, 0, code.length);
                            }}
                        }} catch (java.io.IOException unreadable) {{
                            throw new ClassNotFoundException(name, unreadable);
                        }}
                    }}
                    return found != null ? found : variant.loadClass(name);
                }}
            }}
        }};
        InputStream realIn = System.in;
        PrintStream realOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        System.setIn(new ByteArrayInputStream(given.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {{
            java.lang.reflect.Method main = Class.forName(prefix + MAIN, true, fresh).getMethod("main", String[].class);
            main.setAccessible(true);  // a package-private class Main, in this case's own runtime package
            main.invoke(null, (Object) new String[0]);
            for (Thread thread : Thread.getAllStackTraces().keySet()) {{
                if (!before.contains(thread) && !thread.isDaemon()) {{
                    thread.join();
                }}
            }}
        }} catch (InvocationTargetException error) {{
            throw error.getCause();
        }} finally {{
            System.out.flush();
            System.setIn(realIn);
            System.setOut(realOut);
        }}
        String output = printed.toString(StandardCharsets.UTF_8);
        if (!output.lines().toList().equals(expected.lines().toList())) {{
            throw new AssertionError("printed " + shown(output) + ", expected " + shown(expected));
        }}
    }}

    private static String shown(String text) {{
        String start = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return "'" + start.replace("\\n", "\\\\n") + "'";
    }}
}}
"""


def java_stdin_test_suite(program_filename: str, cases: Sequence[StdinCase], title: str) -> TestSuite:
    """A flipbench-format Java test class (``<Main>StdinTest``) with one ``static void test_<name>()`` per case."""
    main_class = program_filename.removesuffix(".java")
    test_class = f"{main_class}StdinTest"
    methods = "".join(f"\n    static void test_{name}() throws Throwable {{\n        run({_java_string(case.given)}, "
                      f"{_java_string(case.expected)});\n    }}\n" for name, case in _named(cases).items())
    source = _JAVA.format(title=title.replace("*/", "* /"), test_class=test_class, main_class=main_class,
                          methods=methods)
    return TestSuite(source, f"{test_class}.java")


def _java_string(text: str) -> str:
    """A Java string literal (octal escapes for control characters: a \\u escape would be read before lexing)."""
    special = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(special.get(c) or (c if c >= " " else "\\%03o" % ord(c)) for c in text) + '"'


def _named(cases: Sequence[StdinCase]) -> dict[str, StdinCase]:
    """Case names made identifiers, unique (``big-1`` -> ``big_1``, a second ``big_1`` -> ``big_1_``)."""
    names: dict[str, StdinCase] = {}
    for case in cases:
        name = re.sub(r"\W", "_", case.name)
        while name in names:
            name += "_"
        names[name] = case
    return names
