"""The app: head, pages and API routes. Nothing else."""

import reflex as rx

from naesone_app import logs
from naesone_app.actions.class_jobs import run_due_periodically
from naesone_app.actions.search import warm as warm_search
from naesone_app.api import api, count_scans
from naesone_app.components.pwa import connection_notice
from naesone_app.delivery import deliver_periodically
from naesone_app.headers import with_security_headers
from naesone_app.pages.site import register
from naesone_app.pwa import REGISTER

logs.install()  # before the app can log an event with a session cookie or a password in it

app = rx.App(
    html_lang="ko",
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="theme-color", content="#0b5cad"),
        rx.el.link(rel="manifest", href="/manifest.webmanifest"),
        rx.el.link(rel="icon", href="/favicon.ico", sizes="any"),
        rx.el.link(rel="icon", type="image/png", href="/icons/icon-192.png"),
        rx.el.link(rel="apple-touch-icon", href="/icons/apple-touch-icon.png"),
        rx.el.meta(name="apple-mobile-web-app-capable", content="yes"),
        rx.el.meta(name="mobile-web-app-capable", content="yes"),
        rx.el.meta(name="apple-mobile-web-app-title", content="내손에ON"),
        rx.el.meta(name="apple-mobile-web-app-status-bar-style", content="default"),
        rx.el.script(src="/app_shell.js", defer=True),
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1"),
        rx.el.script(REGISTER),  # a raw <script> in the prerendered head (rx.script would run too late)
    ],
    theme=None,
    api_transformer=[api, with_security_headers, count_scans],
)
# Reflex's own connection toast is technical English; ours is plain words in both languages
app.app_wraps[(5, "Overlay")] = lambda stateful: connection_notice() if stateful else None
register(app)
app.register_lifespan_task(run_due_periodically)  # draws lotteries, releases lapsed seats, decides 폐강
app.register_lifespan_task(deliver_periodically)  # sends the outbox's due notices by web push
app.register_lifespan_task(warm_search)  # builds the search index at start: the first question does not wait
