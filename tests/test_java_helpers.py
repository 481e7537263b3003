"""flipbench's own Java helpers compile wherever a JDK is: on the host, or inside the sandbox."""

import pytest

from flipbench.execution.java_tools import NoJavaCompiler, compile_helpers
from flipbench.sandbox.docker import DockerSandbox, docker_problem


@pytest.fixture
def no_host_javac(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))


def test_helpers_compile_inside_docker_when_the_host_has_no_javac(tmp_path, no_host_javac):
    if docker_problem() is not None:
        pytest.skip(f"sandbox docker unavailable: {docker_problem()}")
    with DockerSandbox() as sandbox:
        compile_helpers(tmp_path / "classes", sandbox)
    assert {path.name for path in (tmp_path / "classes").iterdir()} >= {"FlipbenchRunner.class",
                                                                        "FlipbenchCompiler.class"}


def test_without_a_javac_anywhere_the_error_says_what_to_install(tmp_path, no_host_javac):
    with pytest.raises(NoJavaCompiler, match="install a JDK"):
        compile_helpers(tmp_path / "classes", None)
