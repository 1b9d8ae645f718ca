"""Routes as data: each page once, registered for every locale (Korean at /, English at /en)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx

from naesone_app.components.layout import localized
from naesone_app.core.i18n import LOCALES, N_, gettext_for
from naesone_app.pages import (
    account,
    applications,
    apply,
    auth,
    browse,
    classes,
    course,
    feed,
    home,
    notices,
    offline,
    program,
    questionnaire,
    results,
    safety,
    staff,
    staff_applications,
    staff_classes,
)
from naesone_app.state.account import AccountState
from naesone_app.state.account_forms import AccountFormsState
from naesone_app.state.applications import ApplicationState, MyApplicationsState
from naesone_app.state.apply import ApplyState
from naesone_app.state.browse import BrowseState
from naesone_app.state.classes import ClassesState, MyClassesState
from naesone_app.state.counter_reset import CounterResetState
from naesone_app.state.course import CourseState
from naesone_app.state.evidence import EvidenceConsentState
from naesone_app.state.feed import FeedState
from naesone_app.state.notices import NoticesState
from naesone_app.state.program import ProgramState
from naesone_app.state.screening import ScreeningState
from naesone_app.state.session import SessionState
from naesone_app.state.staff import StaffState
from naesone_app.state.staff_applications import StaffApplicationState, StaffQueueState
from naesone_app.state.staff_classes import StaffClassesState, StaffCourseState


@dataclass(frozen=True)
class Route:
    """A page: its Korean path, its builder, its title and what runs when it opens."""

    path: str
    build: Callable[[str], Callable[[], rx.Component]]
    title: str
    on_load: Callable | tuple[Callable, ...] | None = None


ROUTES = (
    Route("/", home.build, N_("내손에ON 중구 — 나에게 맞는 혜택")),
    Route("/check", questionnaire.build, N_("혜택 찾기 — 내손에ON 중구"), ScreeningState.open_questionnaire),
    Route("/results", results.build, N_("나의 결과 — 내손에ON 중구"), ScreeningState.open_results),
    Route("/program", program.build, N_("혜택 안내 — 내손에ON 중구"), ProgramState.open_program),
    Route("/programs", browse.build, N_("전체 혜택 — 내손에ON 중구"), BrowseState.open_category),
    Route("/signup", auth.build_signup, N_("회원 가입 — 내손에ON 중구"), AccountFormsState.clear),
    Route("/login", auth.build_login, N_("로그인 — 내손에ON 중구"), AccountFormsState.clear),
    Route("/reset", auth.build_reset, N_("비밀번호 재설정 — 내손에ON 중구"), AccountFormsState.clear),
    Route("/offline", offline.build, N_("오프라인 정보 — 내손에ON 중구")),
    Route("/feed", feed.build, N_("내 피드 — 내손에ON 중구"), FeedState.open_feed),
    Route(
        "/account",
        account.build,
        N_("내 계정 — 내손에ON 중구"),
        (AccountState.open_account, EvidenceConsentState.open_evidence),
    ),
    Route(
        "/staff",
        staff.build,
        N_("직원 화면 — 내손에ON 중구"),
        (StaffState.open_staff, CounterResetState.clear),
    ),
    Route("/safety", safety.build, N_("안전 지도 — 내손에ON 중구")),
    Route("/classes", classes.build, N_("자치회관 강좌 — 내손에ON 중구"), ClassesState.open_classes),
    Route("/course", course.build, N_("강좌 안내 — 내손에ON 중구"), CourseState.open_course),
    Route("/my-classes", classes.build_mine, N_("내 강좌 — 내손에ON 중구"), MyClassesState.open_my_classes),
    Route(
        "/staff/classes",
        staff_classes.build_list,
        N_("강좌 관리 — 내손에ON 중구"),
        StaffClassesState.open_staff_classes,
    ),
    Route(
        "/staff/course",
        staff_classes.build_roster,
        N_("수강생 명단 — 내손에ON 중구"),
        StaffCourseState.open_roster,
    ),
    Route("/apply", apply.build, N_("온라인 신청 — 내손에ON 중구"), ApplyState.open_apply),
    Route(
        "/applications",
        applications.build_list,
        N_("내 신청 — 내손에ON 중구"),
        MyApplicationsState.open_applications,
    ),
    Route("/notices", notices.build, N_("알림 — 내손에ON 중구"), NoticesState.open_notices),
    Route(
        "/application",
        applications.build_detail,
        N_("신청 내용 — 내손에ON 중구"),
        ApplicationState.open_application,
    ),
    Route(
        "/staff/applications",
        staff_applications.build_queue,
        N_("신청 검토 — 내손에ON 중구"),
        StaffQueueState.open_queue,
    ),
    Route(
        "/staff/application",
        staff_applications.build_detail,
        N_("신청서 검토 — 내손에ON 중구"),
        StaffApplicationState.open_review,
    ),
    Route(
        "/reset/confirm", auth.build_reset_confirm, N_("새 비밀번호 — 내손에ON 중구"), AccountFormsState.clear
    ),
)


def _handlers(on_load: Callable | tuple[Callable, ...] | None) -> list[Callable]:
    """A page may load several states (/account: the account and its MyData consents), in this order."""
    if on_load is None:
        return []
    return list(on_load) if isinstance(on_load, tuple) else [on_load]


def register(app: rx.App) -> None:
    """Add every route in every locale."""
    for locale in LOCALES:
        _ = gettext_for(locale)
        for route in ROUTES:
            app.add_page(
                route.build(locale),
                route=localized(route.path, locale),
                title=_(route.title),
                description=_("중구 주민을 위한 맞춤 혜택 안내"),
                on_load=[SessionState.load_session, *_handlers(route.on_load)],
            )
