"""The docker backend's runtime images: their recipes, content-hash tags and two ways to build them.

``dockerfile`` is the usual build for a machine whose engine reaches a registry. ``offline``
needs no registry: it bootstraps a minimal Debian root with ``debootstrap`` from a Debian
mirror (the public one, or an air-gapped cluster's own) and ``docker import``s it. Both install
the same Debian packages, and a tag is the hash of its recipe, so an image is rebuilt only when
the recipe changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from flipbench.errors import InputError
from flipbench.model import Language

BuildMethod = Literal["offline", "dockerfile"]
SUITE = "bookworm"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
TRIMMED = ("usr/share/doc", "usr/share/man", "usr/share/info", "usr/share/locale", "var/cache/apt/archives",
           "var/lib/apt/lists")
"""Folders of the bootstrapped root that no runner needs (about a third of its size)."""


@dataclass(frozen=True)
class ImageRecipe:
    """What goes into one runtime image."""

    language: Language
    packages: tuple[str, ...]
    suite: str = SUITE
    finish: tuple[str, ...] = ()
    """Commands run in the finished root (as root, before it is trimmed): they fill caches the sandbox,
    with its read-only root, could never write."""

    @property
    def repository(self) -> str:
        return f"flipbench-{self.language}"

    @property
    def tag(self) -> str:
        recipe = "\n".join([self.suite, *sorted(self.packages), "trim:" + ",".join(TRIMMED), *self.finish])
        return f"{self.repository}:{hashlib.sha256(recipe.encode()).hexdigest()[:12]}"

    def dockerfile(self) -> str:
        return (f"FROM debian:{self.suite}-slim\n"
                "RUN apt-get update \\\n"
                f" && apt-get install -y --no-install-recommends {' '.join(self.packages)} \\\n"
                " && rm -rf /var/lib/apt/lists/*\n"
                + "".join(f"RUN {command}\n" for command in self.finish) +
                "USER 65534:65534\n"
                "WORKDIR /work\n")


RECIPES: dict[Language, ImageRecipe] = {
    # python3-pytest: programs may bring pytest test modules (tests.framework = "pytest"), run by the real pytest
    "python": ImageRecipe("python", ("python3-minimal", "libpython3.11-stdlib", "python3-pytest"),
                          # about half the standard library (json, for one) ships without bytecode: every
                          # runner start would compile it again (70 ms for json alone)
                          finish=("python3 -m compileall -q /usr/lib/python3.11 || true",)),
    # junit4, junit5: programs may bring JUnit 4/5 test classes (tests.framework), run through JUnit's own API
    "java": ImageRecipe("java", ("openjdk-17-jdk-headless", "junit4", "junit5")),
}


def image_present(client: object, recipe: ImageRecipe) -> bool:
    import docker.errors

    try:
        client.images.get(recipe.tag)  # type: ignore[attr-defined]
    except docker.errors.ImageNotFound:
        return False
    return True


def build_image(client: object, recipe: ImageRecipe, *, method: BuildMethod = "offline",
                mirror: str | None = None, log: Callable[[str], None] = print) -> str:
    """Build one image unless an image with its tag exists; returns the tag."""
    if image_present(client, recipe):
        log(f"{recipe.tag}: up to date")
        return recipe.tag
    if method == "dockerfile":
        _build_from_dockerfile(client, recipe, log)
    else:
        _build_offline(client, recipe, mirror or os.environ.get("FLIPBENCH_DEBIAN_MIRROR", DEFAULT_MIRROR), log)
    log(f"{recipe.tag}: built ({method})")
    return recipe.tag


def _build_from_dockerfile(client: object, recipe: ImageRecipe, log: Callable[[str], None]) -> None:
    import docker.errors

    with tempfile.TemporaryDirectory(prefix="flipbench-image-") as scratch:
        (Path(scratch) / "Dockerfile").write_text(recipe.dockerfile(), encoding="utf-8")
        log(f"{recipe.tag}: docker build (needs a registry)")
        try:
            client.images.build(path=scratch, tag=recipe.tag, rm=True)  # type: ignore[attr-defined]
        except (docker.errors.BuildError, docker.errors.APIError) as error:
            raise InputError(f"docker build of {recipe.tag} failed: {error}; without a registry use the "
                             "offline build (flipbench sandbox build --method offline)") from error


def _build_offline(client: object, recipe: ImageRecipe, mirror: str, log: Callable[[str], None]) -> None:
    debootstrap = shutil.which("debootstrap")
    if debootstrap is None:
        raise InputError("the offline image build needs debootstrap (apt-get install debootstrap)")
    if os.getuid() != 0:
        raise InputError("the offline image build runs debootstrap, which needs root")
    with tempfile.TemporaryDirectory(prefix="flipbench-rootfs-") as scratch:
        root = Path(scratch) / "root"
        log(f"{recipe.tag}: debootstrap {recipe.suite} from {mirror} with {', '.join(recipe.packages)}")
        done = subprocess.run([debootstrap, "--variant=minbase", f"--include={','.join(recipe.packages)}",
                               recipe.suite, str(root), mirror], capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            raise InputError(f"debootstrap failed for {recipe.tag}: {' | '.join(tail)}")
        for command in recipe.finish:
            subprocess.run(["chroot", str(root), "/bin/sh", "-c", command], capture_output=True, check=True)
        for relative in TRIMMED:
            shutil.rmtree(root / relative, ignore_errors=True)
        (root / "work").mkdir(exist_ok=True)
        archive = Path(scratch) / "root.tar"
        subprocess.run(["tar", "-C", str(root), "--numeric-owner", "-cf", str(archive), "."], check=True)
        repository, tag = recipe.tag.split(":")
        client.api.import_image_from_file(  # type: ignore[attr-defined]
            str(archive), repository=repository, tag=tag,
            changes=["USER 65534:65534", "WORKDIR /work", "ENV PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8"])
