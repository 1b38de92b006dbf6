"""What many test modules share: data paths, a minimal pack, the built-in catalogue, the
in-process CLI result, and starting the real `wsw` in a pseudo-terminal."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wsw.catalogue.load import load_catalogue
from wsw.catalogue.model import Catalogue
from wsw.packs.library import Library
from wsw.walk.session import Session

if TYPE_CHECKING:
    import pexpect

DATA = Path(__file__).parent / "data"
WARM_CACHE: list[Path] = []  # the session's filled cache folder, once conftest has made it
WSW = str(Path(sys.executable).parent / "wsw")


@cache
def builtin() -> Catalogue:
    """The built-in packs only, loaded once per test run (safe at import: see conftest)."""
    return load_catalogue(installed=False, user=False, env=False)


def builtin_library() -> Library:
    return builtin().library


def session(walk: str = "individual", answers: dict[str, object] | None = None) -> Session:
    """A session on a built-in walk, with the built-in suggester."""
    catalogue = builtin()
    library = catalogue.library
    return Session(library.walks[walk], library, answers or {},  # type: ignore[arg-type]
                   suggester=catalogue.suggester)  # fmt: skip


@dataclass
class Result:
    code: int
    out: str
    err: str


Runner = Callable[..., Result]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def default_interrupts() -> None:
    """For pexpect's `preexec_fn`: Ctrl-C must reach wsw even when the tests were started
    with SIGINT ignored (a shell's background job), which a child would otherwise inherit."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def warm(home: Path) -> Path:
    """Give a wsw home the built-in packs' cache, as a machine that has run wsw before has."""
    (home / "cache").mkdir(parents=True, mode=0o700, exist_ok=True)
    home.chmod(0o700)
    for folder in WARM_CACHE:
        for pickled in folder.glob("library-*.pickle"):
            shutil.copy2(pickled, home / "cache" / pickled.name)
    return home


def interrupt(child: Any) -> None:
    """Ctrl-C once the prompt is waiting, as a person presses it.

    A SIGINT that lands in the instant between a prompt being printed and readline starting
    to wait is only acted on at the next key (Python checks signals between bytecodes), so a
    test that fires Ctrl-C the moment text appears would hang where a person never would.
    """
    import time

    time.sleep(0.2)
    child.sendintr()


def terminal_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a real `wsw` in a pseudo-terminal: its own warm home, no colour."""
    warm(home)
    env = {**os.environ, "WSW_HOME": str(home), "NO_COLOR": "1", "TERM": "dumb",
           "COLUMNS": "80", "LINES": "24", **extra}  # fmt: skip
    env.pop("WSW_PACKS", None)
    return env


def team_scenario(answers: str) -> str:
    """A fictional scenario for MINIMAL_PACK, with `answers` as YAML lines under `answers:`."""
    return (
        "scenarios:\n"
        "  - id: team-scenario\n"
        "    title: A team scenario (fictional)\n"
        "    fictional: true\n"
        "    information: A fictional piece of information.\n"
        "    themes: [neglect]\n"
        f"    answers:\n{answers}"
    )


MINIMAL_PACK = """\
schema: 1
id: team-pack
title: Team pack
version: 1.0
requires: [core]
learning_points:
  - id: team.one
    themes: [neglect]
    title: A team learning point
    text: Something the team has learnt.
    source: {document: rip-scr-2017-19, section: "Understanding the child's daily life", page: 16}
    triggers: [packed lunch]
"""


def load_library(extra: list[Path] | None = None, **options: Any) -> Library:
    """The library of `load_catalogue` (packs checked and layered as a command sees them)."""
    return load_catalogue(extra, **options).library


def session_from_answers(library: Library, walk: str | None, path: Path) -> Session:
    """A checked session from an answers file, suggesting from `library`'s own index."""
    from wsw.reflection.answers import session_from_file

    catalogue = builtin() if library is builtin().library else Catalogue.build(library)
    return session_from_file(catalogue, walk, path)[0]


def case_answers(folder: Path, name: str, case: str, **changes: object) -> Path:
    """The full fictional answers file about `case`, with some answers changed."""
    import yaml

    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    data["answers"].update({"case": case, **changes})
    return write(folder / name, yaml.safe_dump(data, sort_keys=False))


def notes_in(home: Path) -> list[Path]:
    return sorted((home / "notes").glob("*.md"))


def backdate(note: Path, day: str) -> None:
    """As if the note had been written on `day` (its front matter's date edited by hand)."""
    text = note.read_text(encoding="utf-8")
    start, end = text.index("\ndate: "), text.index("\n", text.index("\ndate: ") + 1)
    note.write_text(text[:start] + f"\ndate: '{day}'" + text[end:], encoding="utf-8")


# A supervision of the full answers file's reflection (fictional).
SUPERVISION_ANSWERS: dict[str, object] = {
    "supervisor-role": "Practice supervisor",
    "supervision-kind": "situational",
    "sup-decision": "Refer under s17 now; the checks can follow.",
    "sup-options": ["Wait for the local authority checks", "Refer now"],
    "sup-who-decided": "Service manager, with the FCA",
    "sup-manager-present": True,
    "sup-impact": "The FCA is anxious about visiting the home.",
    "sup-wellbeing": "A joint visit with a colleague; a debrief afterwards.",
    "sup-learning": "Weigh a partner's history at the first contact.",
    "sup-take-forward": "Ask about every adult in the household early.",
    "sup-resources": "A second worker for the visit.",
    "sup-actions": [{"action": "Arrange a joint visit", "owner": "SM", "due": "2026-12-04"}],
    "sup-review": "2026-12-15",
}


def supervision_answers(folder: Path, **changes: object) -> Path:
    """A fictional answers file for the supervision walk (`wsw supervise --answers`)."""
    import yaml

    data = {"answers": {**SUPERVISION_ANSWERS, **changes}, "meta": {"walk": "supervision"}}
    return write(folder / "supervision.yaml", yaml.safe_dump(data, sort_keys=False))


PROMPT = r"\r\n> $"  # a walk's prompt for an answer
MORE = r"\r\n  $"  # the next line of a multi-line answer


def spawn_walk(
    command: str,
    home: Path,
    *args: str,
    env: dict[str, str] | None = None,
    people: tuple[str, ...] = (),
) -> pexpect.spawn[str]:
    """Start a walk command (`reflect`, `supervise`) at an 80x24 pseudo-terminal; a new
    reflection first asks who to pseudonymise (none by default)."""
    import pexpect

    child = pexpect.spawn(WSW, [command, *args], env=terminal_env(home, **(env or {})),
                          encoding="utf-8", dimensions=(24, 80), timeout=60,
                          preexec_fn=default_interrupts)  # fmt: skip
    if "--resume" not in args:
        child.expect("Declare the people involved")
        for declaration in people:
            child.expect(r"[>=] $")
            child.sendline(declaration)
        child.expect(r"[>=] $")
        child.sendline("")
    return child


def say(child: pexpect.spawn[str], text: str) -> None:
    child.expect(PROMPT)
    child.sendline(text)


def say_lines(child: pexpect.spawn[str], *lines: str) -> None:
    child.expect(PROMPT)
    for line in lines:
        child.sendline(line)
        child.expect(MORE)
    child.sendline("")
