"""내손에ON 중구 — the Jung-gu residents' platform."""
