"""The resident's identity on SQLite and PostgreSQL: stored encrypted, exported, deleted with the account."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from naesone_app.core.identity import Identity, parse_identity
from naesone_app.db.engine import engine_for, transaction
from naesone_app.db.identity import identities, load_identity, save_identity
from naesone_app.db.personal_data import delete_account, export_account
from tests.integration.test_accounts import _resident

KIM = parse_identity("김 영희", date(1954, 3, 2), "서울 중구 다산로 12", "신당동", "010-2222-7272")


def test_identity_is_encrypted_read_back_exported_and_deleted(database: str) -> None:
    mine, other = _resident(database), _resident(database, "neighbour@example.com")
    with transaction(database) as session:
        assert load_identity(session, mine) is None
        save_identity(session, mine, KIM)
        save_identity(session, other, Identity(name="Nguyen Van An"))
    with engine_for(database).connect() as connection:
        stored = " ".join(
            str(v) for row in connection.execute(text("SELECT * FROM resident_identity")) for v in row
        )
    assert "김 영희" not in stored and "01022227272" not in stored  # encrypted at rest
    with transaction(database) as session:
        assert load_identity(session, mine) == KIM
        assert identities(session, [mine, other, 999]) == {mine: KIM, other: Identity(name="Nguyen Van An")}
        assert export_account(session, mine)["identity"]["name"] == "김 영희"
        delete_account(session, mine)
    with transaction(database) as session:
        assert load_identity(session, mine) is None and load_identity(session, other) is not None
