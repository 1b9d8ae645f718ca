"""Human names for the contract's codes (situations, household types, livelihood, housing, sex)."""

from __future__ import annotations

from naesone_app.core.i18n import N_, gettext_for

SITUATION_LABELS: dict[str, str] = {
    "prospective_parent": N_("예비부모·난임"),
    "pregnant": N_("임산부"),
    "birth_or_adoption": N_("출산·입양"),
    "farmer": N_("농업인"),
    "fisher": N_("어업인"),
    "livestock_farmer": N_("축산업인"),
    "forester": N_("임업인"),
    "elementary_student": N_("초등학생"),
    "middle_school_student": N_("중학생"),
    "high_school_student": N_("고등학생"),
    "university_student": N_("대학생·대학원생"),
    "employed": N_("근로자·직장인"),
    "job_seeker": N_("구직자·실업자"),
    "disabled": N_("장애인"),
    "veteran": N_("국가보훈대상자"),
    "patient": N_("질병·질환자"),
}
HOUSEHOLD_LABELS: dict[str, str] = {
    "multicultural": N_("다문화가족"),
    "north_korean_defector": N_("북한이탈주민"),
    "single_parent_or_grandparent": N_("한부모·조손가정"),
    "single_person": N_("1인 가구"),
    "multi_child": N_("다자녀가구"),
    "no_house": N_("무주택 세대"),
    "new_move_in": N_("신규 전입"),
    "extended_family": N_("확대가족"),
}
LIVELIHOOD_LABELS: dict[str, str] = {
    "none": N_("해당 없음"),
    "near_poor": N_("차상위계층"),
    "recipient": N_("기초생활수급자"),
}
HOUSING_LABELS: dict[str, str] = {
    "semi_basement": N_("반지하"),
    "rooftop": N_("옥탑방"),
    "other": N_("그 밖의 집"),
}
SEX_LABELS: dict[str, str] = {"male": N_("남성"), "female": N_("여성")}
CATEGORY_LABELS: tuple[str, ...] = (
    N_("임신·출산"), N_("영유아"), N_("아동·청소년"), N_("청년"), N_("중장년"), N_("어르신"), N_("장애인"),
    N_("저소득"), N_("다문화"), N_("주거"), N_("교육"), N_("문화"), N_("안전"), N_("건강"), N_("일자리"),
)  # fmt: skip
DONG_LABELS: tuple[str, ...] = (
    N_("소공동"), N_("회현동"), N_("명동"), N_("필동"), N_("장충동"), N_("광희동"), N_("을지로동"), N_("신당동"),
    N_("다산동"), N_("약수동"), N_("청구동"), N_("신당5동"), N_("동화동"), N_("황학동"), N_("중림동"),
)  # fmt: skip
VALUE_FORM_LABELS: dict[str, str] = {"cash": N_("현금"), "voucher": N_("바우처"), "service": N_("서비스")}
# Gov24's 서비스분야, which Gov24 programmes carry as their category, beside the life-stage categories above
GOV24_FIELD_LABELS: tuple[str, ...] = (
    N_("생활안정"), N_("주거·자립"), N_("보육·교육"), N_("고용·창업"), N_("보건·의료"), N_("행정·안전"),
    N_("임신·출산"), N_("보호·돌봄"), N_("문화·환경"), N_("농림축산어업"),
)  # fmt: skip
KNOWN_CATEGORIES: frozenset[str] = frozenset(CATEGORY_LABELS) | frozenset(GOV24_FIELD_LABELS)


def category_label(category: str, locale: str) -> str:
    """A category in the reader's words: every category the catalogue uses is a msgid with a translation."""
    return gettext_for(locale)(category) if category in KNOWN_CATEGORIES else category
