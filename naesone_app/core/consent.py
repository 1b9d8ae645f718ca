"""What a resident is asked to consent to (개인정보 보호법 §15, §23), per purpose, in versions.

A new version of a text is a new entry here; consents given to an older version are shown as such and
asked again.
"""

from __future__ import annotations

from dataclasses import dataclass

from naesone_app.core.i18n import N_


@dataclass(frozen=True, slots=True)
class Purpose:
    """One purpose of processing: what is collected, why, for how long, and whether it is required."""

    key: str
    version: str
    required: bool
    title: str
    items: str
    why: str
    keep_for: str


PURPOSES: tuple[Purpose, ...] = (
    Purpose(
        key="account",
        version="2026-11",
        required=True,
        title=N_("회원 가입과 로그인 (필수)"),
        items=N_("이메일 주소 또는 휴대전화 번호, 비밀번호(암호화 저장)"),
        why=N_("본인 확인과 로그인, 비밀번호 재설정 안내"),
        keep_for=N_("회원 탈퇴 시까지"),
    ),
    Purpose(
        key="sensitive_profile",
        version="2026-11",
        required=False,
        title=N_("맞춤 혜택 판단을 위한 민감정보 처리 (선택)"),
        items=N_("생년월일, 거주지, 가구 구성, 소득, 장애·질병 등 해당 상황"),
        why=N_("받을 수 있는 혜택을 판단하고 알려 드리기 위해"),
        keep_for=N_("동의 철회 또는 회원 탈퇴 시까지 (철회하면 즉시 삭제)"),
    ),
    Purpose(
        key="notifications",
        version="2026-11",
        required=False,
        title=N_("새 혜택·마감 알림 수신 (선택)"),
        items=N_("저장한 혜택, 알림 설정"),
        why=N_("새로 받을 수 있는 혜택과 신청 마감을 알려 드리기 위해"),
        keep_for=N_("동의 철회 또는 회원 탈퇴 시까지"),
    ),
    Purpose(
        key="campaign_source",
        version="2026-12",
        required=False,
        title=N_("가입 경로 기록 (선택)"),
        items=N_("이 앱을 알게 된 안내물(캠페인)과 게시 위치"),
        why=N_("어떤 안내가 주민에게 닿는지 알고 더 잘 알리기 위해"),
        keep_for=N_("동의 철회 또는 회원 탈퇴 시까지 (철회하면 즉시 삭제)"),
    ),
)
PURPOSE_BY_KEY = {p.key: p for p in PURPOSES}
