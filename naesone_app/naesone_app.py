"""The app: head, pages and API routes. Nothing else."""

import reflex as rx

from naesone_app.api import api
from naesone_app.pages.routes import register

app = rx.App(
    html_lang="ko",
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="theme-color", content="#0b5cad"),
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1"),
    ],
    theme=None,
    api_transformer=api,
)
register(app)
