"""The library cache: used when nothing changed, never when something did, harmless if damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import MINIMAL_PACK, Runner, write
from wsw.catalogue import cache
from wsw.catalogue import load as catalogue_load
from wsw.catalogue.load import load_catalogue
from wsw.errors import PackError

# Every test here is about filling and reading the cache, so each starts without one.
pytestmark = pytest.mark.cold


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("library-*.pickle"))


def test_second_load_comes_from_the_cache(wsw_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_catalogue().library
    (stored,) = cache_files(wsw_home)
    assert oct(stored.stat().st_mode & 0o777) == "0o600"

    def no_loading(*args: object, **kwargs: object) -> None:
        raise AssertionError("packs were loaded again")

    monkeypatch.setattr(catalogue_load, "build_library", no_loading)
    second = load_catalogue()
    assert [p.pack.id for p in second.library.packs] == [p.pack.id for p in first.packs]
    assert second.suggester.suggest("no food in the house", limit=3)


def test_a_changed_added_or_removed_pack_is_picked_up(wsw_home: Path) -> None:
    pack = write(wsw_home / "data" / "packs" / "team.yaml", MINIMAL_PACK)
    assert "team.one" in load_catalogue().library.point_by_id
    pack.write_text(MINIMAL_PACK.replace("team.one", "team.two"), encoding="utf-8")
    library = load_catalogue().library
    assert "team.two" in library.point_by_id and "team.one" not in library.point_by_id
    pack.unlink()
    assert "team.two" not in load_catalogue().library.point_by_id
    assert len(cache_files(wsw_home)) == 1  # old entries are cleared


def test_a_damaged_cache_is_ignored_and_rebuilt(wsw_home: Path) -> None:
    load_catalogue()
    (stored,) = cache_files(wsw_home)
    stored.write_bytes(b"not a pickle at all")
    library = load_catalogue().library
    assert "core" in [p.pack.id for p in library.packs]
    (rebuilt,) = cache_files(wsw_home)
    assert rebuilt.read_bytes() != b"not a pickle at all"


def test_an_unwritable_cache_only_costs_speed(wsw_home: Path) -> None:
    write(wsw_home / "cache", "a file where the cache folder should be")
    assert load_catalogue().library.packs


def test_broken_packs_are_never_cached(wsw_home: Path) -> None:
    write(wsw_home / "data" / "packs" / "bad.yaml", "schema: 1\nid: bad\n")
    with pytest.raises(PackError, match="missing required field"):
        load_catalogue()
    assert cache_files(wsw_home) == []


def test_key_depends_on_contents_not_times(tmp_path: Path) -> None:
    pack = write(tmp_path / "p.yaml", MINIMAL_PACK)
    before = cache.key_for([(pack, "given")])
    pack.touch()
    assert cache.key_for([(pack, "given")]) == before
    pack.write_text(MINIMAL_PACK + "\n# a comment\n", encoding="utf-8")
    assert cache.key_for([(pack, "given")]) != before


def test_a_cache_from_other_code_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited checkout (or another build of the same version) pickles other shapes."""
    from wsw.infra.paths import builtin_packs_dir
    from wsw.packs.files import pack_paths

    targets = [(p, "built-in") for p in pack_paths(builtin_packs_dir())]
    before = cache.key_for(targets)
    copy = tmp_path / "wsw"
    for name in cache.PICKLED:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((cache._PACKAGE / name).read_bytes())
    monkeypatch.setattr(cache, "_PACKAGE", copy)
    assert cache.key_for(targets) == before
    models = copy / "packs" / "models.py"
    models.write_text(models.read_text() + "\n# a new field somewhere\n")
    assert cache.key_for(targets) not in (None, before)


class _Planted:
    """A pickle that would run code when loaded: what another local user could plant."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))  # opening for writing creates the marker


def _plant(wsw_home: Path, marker: Path) -> Path:
    import pickle

    load_catalogue()
    (stored,) = cache_files(wsw_home)
    stored.write_bytes(pickle.dumps(_Planted(marker)))
    return stored


def test_a_cache_file_others_could_write_is_never_unpickled(wsw_home: Path, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    stored = _plant(wsw_home, marker)
    stored.chmod(0o666)
    notices: list[str] = []
    catalogue = load_catalogue(notices=notices)
    assert not marker.exists()
    assert "core" in [p.pack.id for p in catalogue.library.packs]
    assert notices and "was not written by you alone" in notices[0]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_cache_file_of_another_user_is_never_unpickled(wsw_home: Path, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    stored = _plant(wsw_home, marker)
    os.chown(stored, 65534, 65534)
    notices: list[str] = []
    load_catalogue(notices=notices)
    assert not marker.exists() and notices


def test_a_cache_folder_others_can_write_is_made_private_and_emptied(
    wsw_home: Path, tmp_path: Path, wsw: Runner
) -> None:
    marker = tmp_path / "marker"
    _plant(wsw_home, marker)
    folder = wsw_home / "cache"
    folder.chmod(0o777)
    result = wsw("packs", "list")
    assert result.code == 0
    assert not marker.exists()
    assert "could be written by other users; it is now private again" in result.err
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert cache_files(wsw_home) == []  # nothing planted is kept; the next run fills it
    assert "was not used" not in wsw("packs", "list").err


def test_a_cache_folder_that_cannot_be_made_private_is_not_used(
    wsw_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wsw: Runner
) -> None:
    marker = tmp_path / "marker"
    _plant(wsw_home, marker)
    (wsw_home / "cache").chmod(0o777)

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refused)
    result = wsw("packs", "list")
    assert result.code == 0 and not marker.exists()
    assert "could be written by other users (Operation not permitted)" in result.err


def _as_install(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Run as another install of the same code (a pipx install beside a checkout)."""
    for name in cache.PICKLED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes((cache._PACKAGE / name).read_bytes())
    monkeypatch.setattr(cache, "_PACKAGE", folder)


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_loading(*args: object, **kwargs: object) -> None:
        raise AssertionError("packs were loaded again")

    monkeypatch.setattr(catalogue_load, "build_library", no_loading)


def test_two_installs_on_one_machine_both_stay_warm(
    wsw_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout = cache._PACKAGE
    load_catalogue()  # the checkout
    with monkeypatch.context() as other:
        _as_install(other, tmp_path / "pipx" / "wsw")
        load_catalogue()  # the other install
    assert len(cache_files(wsw_home)) == 2
    _no_building(monkeypatch)
    assert checkout == cache._PACKAGE
    assert load_catalogue().library.packs  # the checkout is still warm
    _as_install(monkeypatch, tmp_path / "pipx" / "wsw")
    assert load_catalogue().library.packs  # and so is the other install


def test_caches_unused_for_a_month_are_pruned(wsw_home: Path) -> None:
    import time

    folder = wsw_home / "cache"
    folder.mkdir(mode=0o700, exist_ok=True)
    old = write(folder / "library-0123456789ab-old.pickle", "x")
    recent = write(folder / "library-ba9876543210-recent.pickle", "x")
    month_ago = time.time() - (cache.MAX_AGE_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    load_catalogue()
    assert not old.exists()
    assert recent.exists()  # another install's, in use


def _settled(pack: Path) -> None:
    """As if the pack had been written a while ago (its time can be trusted)."""
    import time

    past = time.time() - 60
    os.utime(pack, (past, past))


def test_unchanged_packs_are_not_read_again_to_find_the_cache(
    wsw_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = write(wsw_home / "data" / "packs" / "team.yaml", MINIMAL_PACK)
    _settled(pack)
    load_catalogue()
    load_catalogue()  # records the stats beside the key

    def no_hashing(targets: object) -> None:
        raise AssertionError("the packs were read and hashed")

    with monkeypatch.context() as patched:
        patched.setattr(cache, "key_for", no_hashing)
        assert "team.one" in load_catalogue().library.point_by_id
    pack.write_text(MINIMAL_PACK.replace("team.one", "team.two"), encoding="utf-8")
    _settled(pack)
    with monkeypatch.context() as patched:
        patched.setattr(cache, "key_for", no_hashing)
        with pytest.raises(AssertionError, match="read and hashed"):
            load_catalogue()  # a changed pack is hashed
    assert "team.two" in load_catalogue().library.point_by_id


def test_a_pack_changed_a_moment_ago_is_always_hashed(wsw_home: Path) -> None:
    write(wsw_home / "data" / "packs" / "team.yaml", MINIMAL_PACK)  # its time is now
    load_catalogue()
    load_catalogue()
    assert not list((wsw_home / "cache").glob("stats-*.json"))
