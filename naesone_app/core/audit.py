"""Names of the audited actions, in words an admin reads in the audit log."""

from __future__ import annotations

from naesone_app.core.i18n import N_

ACTION_LABELS: dict[str, str] = {
    "account.created": N_("계정 만듦"),
    "account.exported": N_("내 정보 내려받음"),
    "account.password_reset": N_("비밀번호 재설정"),
    "account.reset_by_staff": N_("창구에서 비밀번호 재설정 링크 발급 (신분증 확인)"),
    "admin.created_by_cli": N_("관리자 계정 만듦 (명령줄)"),
    "admin.created_staff": N_("직원 계정 만듦"),
    "admin.disabled_staff": N_("직원 계정 사용 중지"),
    "admin.enabled_staff": N_("직원 계정 다시 사용"),
    "admin.changed_staff": N_("직원 역할·부서 바꿈"),
    "admin.searched_residents": N_("관리자가 주민 찾기 (목적 기록)"),
    "staff.read_profile_refused": N_("담당 사건이 없는 주민 정보 열람 거부"),
    "account.changed_temporary_password": N_("임시 비밀번호를 바꿈"),
    "account.changed_password": N_("비밀번호를 바꿈"),
    "profile.updated": N_("상황 정보 저장"),
    "push.subscribed": N_("알림 받기 시작"),
    "push.unsubscribed": N_("알림 받기 중단"),
    "staff.read_profile": N_("직원이 주민 정보 열람"),
    "staff.read_roster": N_("직원이 수강생 명단 열람"),
    "staff.recorded_payment": N_("직원이 수강료 납부 기록"),
    "staff.undid_payment": N_("직원이 수강료 납부 기록 취소"),
    "staff.marked_attendance": N_("직원이 출석 기록"),
    "staff.ran_class_jobs": N_("직원이 추첨·폐강 확인 실행"),
    "consent.granted": N_("동의함"),
    "consent.withdrawn": N_("동의 철회"),
    "application.read": N_("직원이 신청서 열람"),
    "upload.read": N_("직원이 제출 서류 내려받음"),
    "application.decided": N_("직원이 신청 상태 변경"),
}


# Why an admin searches every resident (the browser is for admins only, one stated purpose per search;
# the purpose and its words go into the audit log).
SEARCH_PURPOSES: dict[str, str] = {
    "resident_request": N_("주민 본인의 요청 처리 (민원·상담)"),
    "data_request": N_("개인정보 열람·정정·삭제 요구 처리"),
    "account_support": N_("계정 문제 지원 (로그인·중복 가입)"),
    "audit_check": N_("감사·부정 이용 확인"),
    "error_check": N_("오류 확인"),
}
