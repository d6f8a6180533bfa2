"""A crash or Ctrl-C during a write leaves the store exactly as it was before the command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lazos
from lazos.services import backup
from lazos.store import Store


def _big_backup(store: Store, tmp_path: Path, people: int = 300) -> Path:
    for i in range(people):
        p = lazos.add_person(store, name=f"Persona {i}", emails=[f"p{i}@example.com"])
        lazos.add_need(store, person=p.id, text=f"Necesidad número {i}")
    path = tmp_path / "big.json"
    lazos.export_json(store, path)
    return path


def test_ctrl_c_midway_through_an_import_changes_nothing(store: Store, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = _big_backup(store, tmp_path)
    before = len(lazos.list_people(store))
    calls = {"n": 0}
    real = backup._decode

    def interrupt_after_some_rows(*args: object) -> dict[str, object]:
        calls["n"] += 1
        if calls["n"] == 200:
            raise KeyboardInterrupt
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(backup, "_decode", interrupt_after_some_rows)
    with pytest.raises(KeyboardInterrupt):
        lazos.import_json(store, path)
    assert calls["n"] == 200
    assert len(lazos.list_people(store)) == before


CHILD = """
import sys, time
from pathlib import Path
import lazos
from lazos.services import backup
real = backup._decode
count = 0
def slow(*args):
    global count
    count += 1
    if count == 150:
        Path(sys.argv[3]).write_text("midway")
        time.sleep(60)
    return real(*args)
backup._decode = slow
with lazos.open_network(sys.argv[1]) as net:
    lazos.import_json(net, Path(sys.argv[2]))
"""


def test_a_killed_process_midway_through_an_import_changes_nothing(
        store: Store, db_url: str, tmp_path: Path) -> None:
    path = _big_backup(store, tmp_path)
    before = len(lazos.list_people(store))
    flag = tmp_path / "flag"
    child = subprocess.Popen([sys.executable, "-c", CHILD, db_url, str(path), str(flag)],
                             env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while not flag.exists() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert flag.exists(), "the child never reached the middle of the import"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert len(lazos.list_people(store)) == before
    assert lazos.list_people(store, text="Persona 299")
