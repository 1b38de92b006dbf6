"""Packs installed as Python packages (entry point group `wsw.packs`): found, listed with where
they came from, and never run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import MINIMAL_PACK, Runner, load_library, write
from wsw.errors import PackError
from wsw.packs import installed


def fake_distribution(site: Path, value: str = "acme_packs:content") -> Path:
    """What `pip install acme-packs` leaves in site-packages: a package and its dist-info.

    The package's code, if it were ever run, would leave a marker file.
    """
    marker = site / "ran"
    write(site / "acme_packs" / "__init__.py", f"open({str(marker)!r}, 'w').close()\n")
    write(site / "acme_packs" / "content" / "team.yaml", MINIMAL_PACK)
    info = site / "acme_packs-1.2.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: acme-packs\nVersion: 1.2\n")
    write(info / "entry_points.txt", f"[wsw.packs]\nacme = {value}\n")
    return marker


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


def test_an_installed_pack_is_loaded_without_running_its_package(site: Path) -> None:
    marker = fake_distribution(site)
    library = load_library(user=False, env=False)
    assert library.point_by_id["team.one"].pack == "team-pack"
    loaded = library.pack("team-pack")
    assert loaded is not None and loaded.origin == "package acme-packs 1.2"
    assert not marker.exists()


def test_packs_list_shows_where_an_installed_pack_came_from(site: Path, wsw: Runner) -> None:
    fake_distribution(site)
    table = wsw("packs", "list")
    row = next(line for line in table.out.splitlines() if "team-pack" in line)
    assert "package" in row and "acme-packs" in table.out
    rows = json.loads(wsw("packs", "list", "--json").out)["packs"]
    (team,) = [r for r in rows if r["id"] == "team-pack"]
    assert team["origin"] == "package acme-packs 1.2"
    assert team["path"].endswith("acme_packs/content/team.yaml")


def test_what_was_found_is_remembered_until_something_is_installed(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_distribution(site)
    first, _ = installed.installed_packs()

    def no_asking() -> None:
        raise AssertionError("importlib.metadata was asked again")

    with monkeypatch.context() as patched:
        patched.setattr(installed, "_discover", no_asking)
        assert installed.installed_packs()[0] == first
    (site / "acme_packs-1.2.dist-info" / "entry_points.txt").unlink()
    (site / "acme_packs-1.2.dist-info").rename(site / "acme_packs-1.3.dist-info")  # an upgrade
    import os

    os.utime(site, ns=(0, os.stat(site).st_mtime_ns + 1_000_000))
    assert installed.installed_packs()[0] == []


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("acme_packs:missing", "which is not a folder"),
        ("no_such_package:content", "no installed package 'no_such_package'"),
        ("acme_packs:../../etc", "is not a folder name inside the package"),
        ("acme-packs", "should be a package"),
    ],
)
def test_a_broken_entry_point_is_a_pack_problem_naming_it(
    site: Path, value: str, says: str
) -> None:
    fake_distribution(site, value)
    with pytest.raises(PackError) as info:
        load_library(user=False, env=False)
    (problem,) = info.value.problems
    assert problem.file == "entry point 'acme' of acme-packs 1.2 (wsw.packs)"
    assert says in problem.message


def test_each_sys_path_keeps_its_own_memo(
    site: Path, tmp_path: Path, wsw_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two installs (two sys.paths) must not take turns replacing one memo."""
    fake_distribution(site)
    installed.installed_packs()
    other = tmp_path / "other-site"
    other.mkdir()
    monkeypatch.syspath_prepend(str(other))
    installed.installed_packs()
    assert len(list((wsw_home / "cache").glob("installed-packs-*.json"))) == 2


def test_a_memo_others_could_write_is_not_believed(
    site: Path, wsw_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_distribution(site)
    installed.installed_packs()
    (memo,) = (wsw_home / "cache").glob("installed-packs-*.json")
    planted = json.loads(memo.read_text())
    planted["packs"] = [[str(site / "elsewhere"), "package acme-packs 1.2"]]
    memo.write_text(json.dumps(planted))
    memo.chmod(0o666)
    found, _ = installed.installed_packs()  # asked afresh
    assert [Path(f.folder).name for f in found] == ["content"]


def test_a_package_may_ship_its_packs_built_as_json(site: Path, wsw: Runner) -> None:
    fake_distribution(site)
    content = site / "acme_packs" / "content"
    built = wsw("packs", "build", str(content / "team.yaml"), "--out", str(site / "built"))
    assert built.code == 0, built.err
    (content / "team.yaml").unlink()
    (site / "built" / "team-pack.pack.json").rename(content / "team-pack.pack.json")
    library = load_library(user=False, env=False)
    loaded = library.pack("team-pack")
    assert loaded is not None and loaded.origin == "package acme-packs 1.2"
    assert loaded.path.name == "team-pack.pack.json"
    assert library.point_by_id["team.one"].point.title == "A team learning point"
