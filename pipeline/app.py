# SPDX-License-Identifier: AGPL-3.0-or-later
"""Everything a command needs, built once from config: the edge where I/O is wired in."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import db, rules
from .config import Config
from .consume import Consumer
from .store import ContentStore


@dataclass
class App:
    cfg: Config
    engine: Engine
    factory: sessionmaker[Session]

    @classmethod
    def open(cls, cfg: Config, migrate: bool = True) -> "App":
        engine = db.make_engine(cfg.database_url)
        if migrate:
            db.migrate(engine)
        return cls(cfg, engine, db.sessions(engine))

    @cached_property
    def rules(self) -> rules.Rules:
        return rules.load(self.cfg.rules_path)

    @cached_property
    def consumer(self) -> Consumer:
        return Consumer(self.cfg, self.factory, self.rules)

    @cached_property
    def store(self) -> ContentStore:
        return ContentStore(self.cfg.data_path)

    def session(self):
        return db.transaction(self.factory)

    def close(self) -> None:
        self.engine.dispose()
