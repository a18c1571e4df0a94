"""The one build step pyproject.toml cannot say: the course goes into the wheel as kit/_course/.

notebooks/ and seeds/ stay at the top of the repository (the notebooks open ../seeds/...); the
wheel carries a copy so that `kit init DIR` works for someone who installed the kit without
cloning it (kit/classroom/course_folder.py reads it). The files copied follow the same rule as
course_folder.course_files (tests/test_package.py builds a wheel and compares). Everything else
about the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PARTS = {"notebooks": "*.ipynb", "seeds": "*"}
SKIPPED = {".ipynb_checkpoints", "__pycache__", "work"}


class BuildPyWithCourse(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's own folders
            return
        target = Path(self.build_lib) / "kit" / "_course"
        shutil.rmtree(target, ignore_errors=True)
        for part, pattern in PARTS.items():
            if not (ROOT / part).is_dir():
                raise SystemExit(f"setup.py: {ROOT / part} is missing; the wheel needs the course")
            for path in sorted((ROOT / part).rglob(pattern)):
                rel = path.relative_to(ROOT)
                if path.is_file() and not any(p in SKIPPED or p.startswith(".") for p in rel.parts):
                    (target / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, target / rel)


setup(cmdclass={"build_py": BuildPyWithCourse})
