"""Pausing the garbage collector never leaves it off, whatever happens inside."""

from __future__ import annotations

import gc

import pytest

from wsw.infra import collector


def test_paused_restores_the_collector_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collector.paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_paused_inside_paused_keeps_it_off_until_the_outer_block_ends() -> None:
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_settle_freezes_what_is_alive_and_collects_again() -> None:
    gc.disable()
    kept = [object() for _ in range(10)]
    collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
