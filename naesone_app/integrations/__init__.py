"""httpx clients for everything outside: Gov24, facility sources, partners."""
