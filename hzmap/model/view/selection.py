"""What is selected on the map: one value, a district, a place, a layout element or a feature
of a user layer (never two). No Qt."""
from __future__ import annotations

from dataclasses import dataclass

SELECTION_KINDS = ("district", "place", "element", "feature")


@dataclass(frozen=True)
class Selection:
    """What is selected: a district, a place, a layout element or a feature of a user layer
    (one of them, never two)."""

    kind: str  # "district", "place", "element" or "feature"
    id: str    # an element's id is "layout_id/element_id" (element_key); a feature's "layer_id/row"

    def __post_init__(self) -> None:
        if self.kind not in SELECTION_KINDS or not isinstance(self.id, str) or not self.id:
            raise ValueError(f"not a selection: {self.kind!r} {self.id!r}")

    @classmethod
    def district(cls, did: str | None) -> "Selection | None":
        return cls("district", did) if did else None

    @classmethod
    def place(cls, pid: str | None) -> "Selection | None":
        return cls("place", pid) if pid else None

    @classmethod
    def element(cls, layout_id: str, element_id: str) -> "Selection":
        return cls("element", element_key(layout_id, element_id))

    @classmethod
    def feature(cls, layer_id: str, row: int) -> "Selection":
        """A feature of a user layer, by its row (or feature number) in the layer's file: it
        stays the same feature when the file is read again."""
        return cls("feature", f"{layer_id}/{int(row)}")


def element_key(layout_id: str, element_id: str) -> str:
    """Element ids repeat across layouts ('core'): visibility is kept per layout and element."""
    return f"{layout_id}/{element_id}"
