"""The compiled catalogue kept in each server process, reloaded when the stored catalogue changes."""

from __future__ import annotations

import threading
import time

from naesone_app.core.catalog.merge import resident_catalogue
from naesone_app.core.program import Program
from naesone_app.core.screening import CompiledCatalog, compile_catalog
from naesone_app.db.catalog import catalog_version, load_programs
from naesone_app.db.engine import database_url, transaction

RECHECK_SECONDS = 30.0


class _CatalogCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[int, str] | None = None
        self._url = ""  # the database the cached catalogue came from
        self._compiled: CompiledCatalog = compile_catalog([])
        self._by_key: dict[str, Program] = {}
        self._checked_at = 0.0

    def get(self) -> CompiledCatalog:
        with self._lock:
            stale = time.monotonic() - self._checked_at >= RECHECK_SECONDS or self._version is None
            if stale or database_url() != self._url:  # another database: its catalogue, not the last one's
                self._refresh()
            return self._compiled

    def program(self, key: str) -> Program | None:
        self.get()
        return self._by_key.get(key)

    def _refresh(self) -> None:
        url = database_url()
        with transaction(url) as session:
            version = catalog_version(session)
            if version != self._version or url != self._url:
                programs = resident_catalogue(load_programs(session))
                self._compiled = compile_catalog(programs)
                self._by_key = {url_key(p): p for p in programs}
                self._version, self._url = version, url
        self._checked_at = time.monotonic()

    def invalidate(self) -> None:
        with self._lock:
            self._version, self._checked_at = None, 0.0


def url_key(program: Program) -> str:
    """The programme's id in URLs: its one public key, ``native:junggu-senior-lunch`` / ``gov24:000000465790``."""
    return program.key


CATALOG = _CatalogCache()
