"""The address bar as the browser sees it now, as client-side vars (no server round trip).

Reflex's router data reaches the page only with the server's answer to an event, so it lags a
navigation and is empty offline. These vars read react-router's location in the component that uses
them: a page can compare the record its state holds with the record its URL names, and the app-wide
overlay can speak the language of the route it is shown on.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex_base.utils.imports import ImportVar
from reflex_base.vars import VarData

# The address is read only once the page is mounted: the prerendered HTML knows no query string (and
# /404.html no real path), so the first render in the browser must match it, or React rejects the
# hydration (error #418). Until then the vars are "unknown": no record matches, and the language is
# the prerender's (Korean).
_LOCATION = VarData(
    imports={
        "react-router": [ImportVar(tag="useLocation")],
        "react": [ImportVar(tag="useState"), ImportVar(tag="useEffect")],
    },
    hooks={
        "const naesoneLocation = useLocation();": None,
        "const [naesoneMounted, setNaesoneMounted] = useState(false);": None,
        "useEffect(() => { setNaesoneMounted(true); }, []);": None,
    },
)


def query_param(name: str) -> rx.Var[str]:
    """The value of `?name=` in the current URL ('' when absent), decoded as the server decodes it;
    null until the page is mounted (so it equals no record id)."""
    read = f"(new URLSearchParams(naesoneLocation.search).get({json.dumps(name)}) ?? '')"
    return rx.Var(_js_expr=f"(naesoneMounted ? {read} : null)", _var_type=str, _var_data=_LOCATION)


def english_route() -> rx.Var[bool]:
    """Whether the current route is an English one (/en or /en/…); Korean until the page is mounted."""
    expression = "(naesoneMounted && /^\\/en(\\/|$)/.test(naesoneLocation.pathname))"
    return rx.Var(_js_expr=expression, _var_type=bool, _var_data=_LOCATION)
