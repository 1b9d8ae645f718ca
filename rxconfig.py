"""Reflex configuration; every setting a deployment changes comes from the environment (see README)."""

import os

import reflex as rx

from naesone_app.db.engine import database_url
from naesone_app.pwa import ServiceWorkerPlugin

_origins = [o.strip() for o in os.environ.get("NAESONE_ALLOWED_ORIGINS", "").split(",") if o.strip()]

config = rx.Config(
    app_name="naesone_app",
    db_url=database_url(),
    redis_url=os.environ.get("NAESONE_REDIS_URL") or None,
    frontend_port=int(os.environ.get("NAESONE_PORT", "3000")),
    backend_port=int(os.environ.get("NAESONE_PORT", "3000")),
    cors_allowed_origins=_origins
    or [
        f"http://localhost:{os.environ.get('NAESONE_PORT', '3000')}",
        f"http://127.0.0.1:{os.environ.get('NAESONE_PORT', '3000')}",
    ],
    show_built_with_reflex=False,
    telemetry_enabled=False,
    plugins=[ServiceWorkerPlugin()],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
