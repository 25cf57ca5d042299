# SPDX-License-Identifier: AGPL-3.0-or-later
"""Everything a command needs, built once from config: the edge where I/O is wired in."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from pipeline.core import db, example, rules, scratch
from pipeline.core.config import Config
from pipeline.core.store import ContentStore
from pipeline.intake.consume import Consumer


@dataclass
class App:
    cfg: Config
    engine: Engine
    factory: sessionmaker[Session]

    @classmethod
    def open(cls, cfg: Config, migrate: bool = True) -> "App":
        scratch.configure(cfg.scratch_path)     # drafts in work never go to /tmp
        engine = db.make_engine(cfg.database_url)
        if migrate:
            db.migrate(engine)
        return cls(cfg, engine, db.sessions(engine))

    @cached_property
    def rules(self) -> rules.Rules:
        return rules.load(self.cfg.rules_path)

    @cached_property
    def consumer(self) -> Consumer:
        return Consumer(self.cfg, self.factory, self.rules, workflow=self.workflow)

    @cached_property
    def workflow(self):
        """The disposition/drafting/paraf loop, when the office has officials and routing
        rules; None for an intake-only installation."""
        folder = self.cfg.rules_path
        if not (folder / "officials.toml").exists() or not (folder / "routing.toml").exists():
            return None
        from pipeline.casework.route import load_routing
        from pipeline.casework.workflow import Workflow
        from pipeline.core.officials import load_officials
        officials = load_officials(folder / "officials.toml")
        template = folder / "templates" / "jawaban.docx"
        if not template.exists():
            template = example.templates() / "jawaban.docx"
        return Workflow(self.cfg, self.rules, officials, load_routing(folder / "routing.toml"),
                        self.store, template.read_bytes())

    @cached_property
    def store(self) -> ContentStore:
        return ContentStore(self.cfg.data_path)

    def session(self):
        return db.transaction(self.factory)

    @cached_property
    def group_commit(self):
        """For the busiest writes (the public form): many requests, one transaction."""
        from pipeline.core.groupcommit import GroupCommit
        return GroupCommit(self.factory)

    @cached_property
    def _read_factory(self) -> sessionmaker[Session]:
        if self.engine.dialect.name != "sqlite":
            return self.factory
        return db.sessions(db.make_engine(self.cfg.database_url, writer=False))

    def reading(self):
        """A transaction for pages that only read; it never waits for a writer."""
        return db.transaction(self._read_factory)

    def close(self) -> None:
        if "group_commit" in self.__dict__:
            self.group_commit.close()
        self.engine.dispose()
        if "_read_factory" in self.__dict__ and self._read_factory is not self.factory:
            self._read_factory.kw["bind"].dispose()
