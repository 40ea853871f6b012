"""The planner's keys for tile services and the 审图号 entered for each provider, kept in the
settings of this computer (never in a project file)."""
from __future__ import annotations

from hzmap.ui.common.settings import settings

KEYS = "basemap/keys"
REVIEW = "basemap/review"


def load_keys(registry) -> None:
    """Hand every saved key to the registry of open base maps."""
    s = settings()
    s.beginGroup(KEYS)
    try:
        for name in s.childKeys():
            value = s.value(name)
            if isinstance(value, str) and value.strip():
                registry.keys[name] = value.strip()
    finally:
        s.endGroup()


def saved_key(name: str) -> str:
    value = settings().value(f"{KEYS}/{name}")
    return value.strip() if isinstance(value, str) else ""


def save_key(registry, name: str, key: str) -> None:
    key = key.strip()
    s = settings()
    if key:
        s.setValue(f"{KEYS}/{name}", key)
    else:
        s.remove(f"{KEYS}/{name}")
    s.sync()
    registry.set_key(name, key or None)


def review_number(provider: str) -> str:
    value = settings().value(f"{REVIEW}/{provider}")
    return value.strip() if isinstance(value, str) else ""


def save_review_number(provider: str, number: str) -> None:
    settings().setValue(f"{REVIEW}/{provider}", number.strip()[:80])
