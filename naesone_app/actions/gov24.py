"""The Gov24 catalogue fetched live (integrations.gov24): the rows an import validates and stores.

The command-line import calls this rather than the client, so only the action layer makes the call
(NAESONE_GOV24_SERVICE_KEY, paging, retries and the one clear error stay in the client).
"""

from __future__ import annotations

import os

from naesone_app.integrations.gov24 import Gov24Client


def fetch_rows(endpoint: str) -> list[dict]:
    """Every row of `endpoint` (serviceList, supportConditions, serviceDetail) from the live API."""
    return Gov24Client(os.environ.get("NAESONE_GOV24_SERVICE_KEY", "")).fetch_all(endpoint)
