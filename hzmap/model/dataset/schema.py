"""Pydantic models for the layout dataset (see geodata/dataset/SCHEMA.md).

Each record model forbids unknown fields so that a typo in a field name is reported instead of
silently ignored. Cross-record checks (ids that must exist, excerpts that must be found in the
source document) live in ``loader.py``; these models only check the shape of one record.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
Lon = Annotated[float, Field(ge=-180, le=180)]
Lat = Annotated[float, Field(ge=-90, le=90)]
Coord = tuple[Lon, Lat]
# a section or measure number written bare in YAML (section: 3) is the text "3"
NumberText = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Source(Strict):
    doc: Id
    section: NumberText = Field(min_length=1)
    excerpt: str = Field(min_length=2, max_length=200)


class Sourced(Strict):
    """A record with provenance: either ``source`` or a list ``sources`` (at least one)."""

    source: Optional[Source] = None
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _needs_a_source(self):
        if self.source is None and not self.sources:
            raise ValueError("needs a `source` (or a non-empty `sources` list)")
        return self

    @property
    def all_sources(self) -> list[Source]:
        return ([self.source] if self.source else []) + list(self.sources)


# ---------------------------------------------------------------- plans

class InForce(Strict):
    from_: _dt.date = Field(alias="from")
    to: Optional[_dt.date] = None


PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2})?$")]   # "2018-06" when only the month is known


class LostHeading(Strict):
    """A heading the source file lost, and the text it stood before (at a paragraph start)."""
    number: str = Field(pattern=r"^([一二三四五六七八九十]+|\([一二三四五六七八九十]+\)|\d+|\(\d+\))$")
    before: str = Field(min_length=2)
    note: Optional[str] = None


class Plan(Strict):
    id: Id
    file: str = Field(min_length=1)
    short_name: str
    short_name_en: str
    title: str
    title_en: str
    issuer: str
    doc_number: Optional[str] = None                  # 文号, e.g. 杭政办函〔2024〕12号
    period: Optional[str] = Field(None, pattern=r"^\d{4}-\d{4}$")   # the plan's years: 2024-2026
    issued: Union[_dt.date, PartialDate, None]        # null when the text gives no date
    published: Optional[_dt.date] = None
    in_force: Optional[InForce] = None
    scope: Literal["city", "national"]
    district_names: Literal["current", "pre2021"] = "current"
    draft: bool = False                 # a draft for comments (征求意见稿): never in force
    supersedes: list[Id] = Field(default_factory=list)   # plans it replaces when it takes effect
    continues: list[Id] = Field(default_factory=list)    # plans it carries on (十四五 -> 十五五)
    lost_headings: list[LostHeading] = Field(default_factory=list)   # for the contents tree
    notes: Optional[str] = None

    @field_validator("file")
    @classmethod
    def _a_name_in_the_sources_folder(cls, value: str) -> str:
        # a shared dataset is someone else's file: `file: /etc/passwd` must not be shown as a plan
        if value in (".", "..") or re.search(r"[/\\\x00-\x1f\x7f]", value) or re.match(r"^[A-Za-z]:", value):
            shown = re.sub(r"[\x00-\x1f\x7f]", "?", value)[:80]
            raise ValueError(f"'{shown}' must be the name of a file in the dataset's source folder "
                             "(no folder, no absolute path)")
        return value


# ---------------------------------------------------------------- places

class Location(Strict):
    lon: Optional[Lon] = None
    lat: Optional[Lat] = None
    precision: Literal["site", "approximate", "district"]

    @model_validator(mode="after")
    def _point_unless_district(self):
        if self.precision != "district" and (self.lon is None or self.lat is None):
            raise ValueError(f"precision '{self.precision}' needs lon and lat")
        if (self.lon is None) != (self.lat is None):
            raise ValueError("give both lon and lat, or neither")
        return self

    @property
    def lonlat(self) -> tuple[float, float] | None:
        """The point to draw, or None when only the district is known."""
        if self.precision == "district" or self.lon is None:
            return None
        return (self.lon, self.lat)

    @property
    def shown_precision(self) -> str:
        """site / approximate, or district when there is no point to draw."""
        return self.precision if self.lonlat else "district"


class Polygon(Strict):
    type: Literal["Polygon"] = "Polygon"
    coordinates: list[list[Coord]]


PlaceKind = Literal["park", "base", "hub", "town", "zone", "district_area", "venue", "port",
                    "campus", "other"]


class Place(Sourced):
    id: Id
    name: str
    name_en: str
    aliases: list[str] = Field(default_factory=list)
    kind: PlaceKind
    districts: list[Id] = Field(min_length=1)
    location: Location
    location_note: Optional[str] = None
    area: Optional[Polygon] = None
    parts: list[Id] = Field(default_factory=list)   # blocks or parks: drawn one symbol each
    notes: Optional[str] = None
    short_name: Optional[str] = None     # the map's label where the whole name finds no room
    short_name_en: Optional[str] = None


# ---------------------------------------------------------------- layouts

class GeomDistricts(Strict):
    type: Literal["districts"]


class GeomRiverBand(Strict):
    type: Literal["river_band"]
    from_: Coord = Field(alias="from")
    to: Coord
    width_km: float = Field(gt=0)


class GeomSchematic(Strict):
    type: Literal["schematic"]
    shape: Literal["corridor", "arrow", "ellipse"]
    path: list[Coord] = Field(min_length=1)
    width_km: Optional[float] = Field(default=None, gt=0)


class GeomPlaces(Strict):
    type: Literal["places"]


class GeomArea(Strict):
    type: Literal["area"]
    coordinates: list[list[Coord]]


Geometry = Annotated[Union[GeomDistricts, GeomRiverBand, GeomSchematic, GeomPlaces, GeomArea],
                     Field(discriminator="type")]


class Interpretation(Strict):
    note: str = Field(min_length=1)


ElementKind = Literal["core", "belt", "wing", "group", "base", "hub", "axis", "corridor", "node",
                      "platform", "zone"]


class Element(Sourced):
    id: Id
    kind: ElementKind
    name: str
    name_en: str
    literal: str
    districts: list[Id] = Field(default_factory=list)
    primary_districts: list[Id] = Field(default_factory=list)
    places: list[Id] = Field(default_factory=list)
    interpretation: Optional[Interpretation] = None
    sectors: list[str] = Field(default_factory=list)
    function: str
    role_en: str
    geometry: Geometry
    needs_place: bool = False    # the document names no place for it: kept, drawn once placed
    short_name: Optional[str] = None     # the map's label where the whole name finds no room
    short_name_en: Optional[str] = None


class Unplaced(Sourced):
    """A part of a layout that its text names but does not place (“四廊” with no corridor named):
    not drawn, and named in a note on every map of the layout."""
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)


class Conflict(Strict):
    """Elements of one layout that put the same district in two places the text keeps apart."""
    elements: list[Id] = Field(min_length=2)
    districts: list[Id] = Field(min_length=1)
    note: str = Field(min_length=1)


class Layout(Sourced):
    id: Id
    plan: Id
    name: str
    name_en: str
    theme: Optional[str] = None
    notes: Optional[str] = None
    conflicts: list[Conflict] = Field(default_factory=list)
    unplaced: list[Unplaced] = Field(default_factory=list)
    elements: list[dict] = Field(min_length=1)   # validated one by one into Element (loader)


# ---------------------------------------------------------------- measures & targets

class Measure(Sourced):
    id: Id
    number: NumberText
    title: str
    summary: str
    lead_units: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    districts: list[Id] = Field(default_factory=list)
    places: list[Id] = Field(default_factory=list)
    citywide: bool
    sectors: list[str] = Field(default_factory=list)
    notes: Optional[str] = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.lead_units and self.units and self.units[0] != self.lead_units[0]:
            raise ValueError("units must list the lead unit first "
                             f"(lead_units[0] is '{self.lead_units[0]}', units[0] is '{self.units[0]}')")
        missing = [u for u in self.lead_units if u not in self.units]
        if missing:
            raise ValueError(f"lead unit(s) {missing} missing from units")
        names_some = bool(self.districts or self.places)
        if self.citywide and names_some:
            raise ValueError("citywide is true but the measure names districts or places")
        if not self.citywide and not names_some:
            raise ValueError("citywide is false but the measure names no district or place")
        return self


_FRACTION = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


class Target(Sourced):
    id: Id
    indicator: str
    value: float     # written "2/3" for a share the text gives as a fraction (三分之二): see below
    fraction: Optional[str] = None   # that fraction, exactly; `value` is then 100 × it, in %
    unit: str
    year: int = Field(ge=1990, le=2100)
    year_assumed: bool = False  # the text names no year: the last year of the plan's term
    comparator: Literal[">=", ">", "=", "<=", "~"] = ">="
    milestone: bool = False    # a goal with no figure (开通中欧班列): value 1 means it is done
    districts: list[Id] = Field(default_factory=list)
    places: list[Id] = Field(default_factory=list)
    note: Optional[str] = None

    @model_validator(mode="before")
    @classmethod
    def _value_as_a_fraction(cls, data):
        """`value: 2/3` with `unit: "%"` keeps the fraction and gives the share in %."""
        if not isinstance(data, dict):
            return data
        if "fraction" in data:
            raise ValueError("fraction: not a field to write; write the value as a fraction "
                             "(value: 2/3, unit: \"%\")")
        m = _FRACTION.match(data["value"]) if isinstance(data.get("value"), str) else None
        if m is None:
            return data
        num, den = int(m.group(1)), int(m.group(2))
        if den == 0 or num > den or data.get("unit") != "%":
            raise ValueError(f"value: a fraction is a share of a whole (n/d with 0 < d and n <= "
                             f"d) in unit \"%\"; got {data['value']!r} in {data.get('unit')!r}")
        return {**data, "value": 100.0 * num / den, "fraction": f"{num}/{den}"}

    @model_validator(mode="after")
    def _milestone_is_done_or_not(self):
        if self.milestone and (self.value != 1 or self.comparator != "="):
            raise ValueError("a milestone has value 1 and comparator '=' (done or not)")
        return self


# ---------------------------------------------------------------- file-level wrappers

class PlansFile(Strict):
    plans: list[dict] = Field(min_length=1)


class PlacesFile(Strict):
    places: list[dict] = Field(default_factory=list)


class MeasuresFile(Strict):
    plan: Id
    measures: list[dict] = Field(default_factory=list)


class TargetsFile(Strict):
    plan: Id
    targets: list[dict] = Field(default_factory=list)


class District(BaseModel):
    id: str
    adcode: str
    name_zh: str
    name_en: str
    type: str
    pinyin: str

    @property
    def short_name(self) -> str:
        """滨江区 -> 滨江, 建德市 -> 建德, 桐庐县 -> 桐庐."""
        n = self.name_zh
        return n[:-1] if len(n) > 2 and n[-1] in "区县市" else n
