"""GET /api/search on a real database loaded by the CLI: the CLI's answer shape, public fields only,
parameters checked and named, and the per-client rate limit."""

from __future__ import annotations

import json
import warnings

import pytest

from naesone_app.core.rate_limit import RateLimiter

with warnings.catch_warnings():  # starlette warns that its TestClient will move to httpx2
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

RESULT_FIELDS = {"program_id", "kind", "source", "title", "score", "status", "why"}
# what a programme or an account holds that the public answer must never carry
PRIVATE_WORDS = ("account", "login", "password", "profile", "birth_date", "email", "phone", "token")


@pytest.fixture
def client(database, naesone, monkeypatch) -> TestClient:
    """The API against a database with the sample catalogue, facilities and classes, and a fresh limiter."""
    for what in ("catalog", "facilities", "classes"):
        run = naesone(what, "load-samples")
        assert run.code == 0, run.err
    import naesone_app.api as api_module

    monkeypatch.setattr(api_module, "SEARCH_LIMIT", RateLimiter(capacity=1000, per_second=100.0))
    return TestClient(api_module.api)


def test_a_question_gets_the_clis_answer_shape_best_first(client) -> None:
    response = client.get("/api/search", params={"q": "혼자 사는 할머니 점심", "limit": "5"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"question", "inferred", "threshold", "results"}
    assert body["question"] == "혼자 사는 할머니 점심"
    assert "single_person" in body["inferred"].get("household", [])
    assert 1 <= len(body["results"]) <= 5
    for result in body["results"]:
        assert set(result) == RESULT_FIELDS
        assert result["score"] >= body["threshold"]
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    first = body["results"][0]
    assert first["program_id"] == "native:junggu-senior-lunch" and first["title"] == "경로식당 무료 점심 급식"
    assert first["kind"] == "program" and first["status"] in ("eligible", "maybe", "ineligible")
    assert response.headers["access-control-allow-origin"] == "*"


def test_english_and_chinese_questions_are_answered(client) -> None:
    english = client.get("/api/search", params={"q": "rent support for young people", "locale": "en"}).json()
    assert any("rent" in r["title"].lower() for r in english["results"][:5]), english
    chinese = client.get("/api/search", params={"q": "老人免费午餐", "locale": "zh"})
    assert chinese.status_code == 200
    assert set(chinese.json()) == {"question", "inferred", "threshold", "results"}


def test_a_question_outside_the_catalogue_gets_no_weak_matches(client) -> None:
    body = client.get("/api/search", params={"q": "여권 재발급"}).json()
    assert body["results"] == []


def test_the_answer_never_depends_on_who_asks_and_carries_no_private_field(client, database) -> None:
    from naesone_app.db.accounts import create_account, start_session
    from naesone_app.db.engine import transaction
    from naesone_app.db.resident_data import grant_consent, save_profile

    with transaction(database) as session:
        account = create_account(session, "search-api@example.com", "Sindang-Spring-2026")
        grant_consent(session, account.id, "account")
        grant_consent(session, account.id, "sensitive_profile")
        save_profile(session, account.id, {"birth_date": "1940-01-01", "lives_in_junggu": True,
                                           "livelihood": "recipient"})  # fmt: skip
        token = start_session(session, account.id)
    anonymous = client.get("/api/search", params={"q": "어르신 점심"})
    client.cookies.set("naesone_session", token)
    signed_in = client.get("/api/search", params={"q": "어르신 점심"})
    client.cookies.clear()
    assert anonymous.json() == signed_in.json()
    text = json.dumps(anonymous.json(), ensure_ascii=False)
    keys = {k for r in anonymous.json()["results"] for k in r}
    assert keys <= RESULT_FIELDS
    assert not [w for w in PRIVATE_WORDS if f'"{w}"' in text]


BAD_PARAMETERS = [
    ({}, "q"),
    ({"q": ""}, "q"),
    ({"q": "   "}, "q"),
    ({"q": "가" * 501}, "q"),
    ({"q": "점심", "limit": "0"}, "limit"),
    ({"q": "점심", "limit": "51"}, "limit"),
    ({"q": "점심", "limit": "ten"}, "limit"),
    ({"q": "점심", "limit": "2.5"}, "limit"),
    ({"q": "점심", "limit": "-1"}, "limit"),
    ({"q": "점심", "locale": "fr"}, "locale"),
]


def test_bad_parameters_are_a_400_naming_the_parameter(client) -> None:
    for query, parameter in BAD_PARAMETERS:
        response = client.get("/api/search", params=query)
        assert response.status_code == 400, (query, response.text)
        assert response.json()["error"].startswith(f"{parameter}:"), (query, response.text)
    assert client.get("/api/search", params={"q": "점심", "limit": "50"}).status_code == 200


def test_hostile_or_odd_text_is_just_a_question(client) -> None:
    for question in ("<script>alert(1)</script>", "' OR 1=1 --", "점심\x00\x1b[31m", "가" * 500):
        response = client.get("/api/search", params={"q": question})
        assert response.status_code in (200, 400), response.text
        assert response.headers["content-type"].startswith("application/json")


def test_each_client_is_limited_and_told_when_to_come_back(client, monkeypatch) -> None:
    import naesone_app.api as api_module

    monkeypatch.setattr(api_module, "SEARCH_LIMIT", RateLimiter(capacity=3, per_second=0.5))
    codes = [client.get("/api/search", params={"q": "점심"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/search", params={"q": "점심"})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.json()["error"].startswith("too many questions")
    # another client (address) is not held up by the first one's questions
    other = TestClient(api_module.api, client=("203.0.113.9", 50000))
    assert other.get("/api/search", params={"q": "점심"}).status_code == 200
