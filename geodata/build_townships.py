"""Build geodata/townships.csv and geodata/outside_places.csv from China's statistical division
codes, as published by modood/Administrative-divisions-of-China (WTFPL; the National Bureau of
Statistics' 2023 统计用区划代码, cut-off 2023-06-30).

    python geodata/build_townships.py PATH/TO/Administrative-divisions-of-China/dist

townships.csv: Hangzhou's 乡镇 and 街道 (and the few special units the statistics list beside
them), each with its 9-digit code, its name, its short form (the name without 街道/镇/乡) and
today's district id (from the first six digits, through geodata/districts.csv). `bare` says
whether the short form may be read alone in running text: only when no other township in
Zhejiang has it, it is not the name of a province, city or county (靖江市, 五常市), and it is neither
an ordinary word nor the name of a river, lake or mountain larger than the township (lists
below). The full name is always read.

outside_places.csv: every province and prefecture-level city of China but Hangzhou (full and
short name) and every county-level unit outside Hangzhou (full name), so that a plan's 宁波, 温州
or 深圳 is named as a place outside Hangzhou and never taken for one of its districts.
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
HANGZHOU = "3301"
ZHEJIANG = "33"
_SUFFIX = re.compile(r"(街道|畲族乡|镇|乡)$")
_ADMIN_SUFFIX = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$")
#: short forms that are ordinary words (凯旋, 留下, 太阳 …): read only as full names
ORDINARY = set("凯旋 小河 和睦 半山 石桥 留下 新塘 新街 河上 进化 春江 常绿 常安 上官 环山 玲珑 太阳 "
               "河桥 分水 新合 中洲 金峰 李家 旧县 姜家 宋村 长庆 围垦区 大关 前进 临江 运河 白杨 "
               "江南 城南 龙门 莲花 大洋 大同".split())
#: short forms that name a river, lake or mountain larger than the township
FEATURES = {"天目山", "富春江", "新安江", "千岛湖", "青山湖", "西湖", "西溪"}


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def short_form(name: str) -> str:
    return _SUFFIX.sub("", name)


def build(dist: Path, out: Path = HERE) -> tuple[int, int]:
    streets = _read(dist / "streets.csv")
    areas = _read(dist / "areas.csv")
    cities = _read(dist / "cities.csv")
    provinces = _read(dist / "provinces.csv")
    district_of = {r["adcode"]: r["id"] for r in _read(HERE / "districts.csv")}

    big = {}
    for p in provinces:
        big[p["name"]] = big[_ADMIN_SUFFIX.sub("", p["name"])] = ("province", p["name"])
    prov_name = {p["code"]: p["name"] for p in provinces}
    for c in cities:
        if c["code"] == HANGZHOU or c["name"] in ("市辖区", "县", "省直辖县级行政区划",
                                                    "自治区直辖县级行政区划"):
            continue
        where = prov_name.get(c["provinceCode"], "")
        for n in (c["name"], _ADMIN_SUFFIX.sub("", c["name"])):
            big.setdefault(n, ("city", f"{c['name']}（{where}）"))

    # county-level cities and counties are written bare too (靖江, 五常): their short forms
    counties = {re.sub(r"(市|县)$", "", a["name"]) for a in areas
                if a["cityCode"] != HANGZHOU and a["name"].endswith(("市", "县"))}
    hz = [r for r in streets if r["cityCode"] == HANGZHOU]
    hz_names = {r["name"] for r in hz} | {r["name"] for r in areas if r["cityCode"] == HANGZHOU}
    elsewhere = Counter(short_form(r["name"]) for r in streets
                        if r["provinceCode"] == ZHEJIANG and r["cityCode"] != HANGZHOU)
    rows = []
    for r in sorted(hz, key=lambda r: r["code"]):
        name, short = r["name"], short_form(r["name"])
        bare = (short != name and len(short) >= 2 and not elsewhere[short] and short not in big
                and short not in counties and short not in ORDINARY and short not in FEATURES)
        rows.append({"code": r["code"], "name": name, "short": short if short != name else "",
                     "bare": "yes" if bare else "no", "district": district_of[r["areaCode"]]})
    _write(out / "townships.csv", ["code", "name", "short", "bare", "district"], rows)

    outside = [{"name": n, "level": level, "what": what} for n, (level, what) in big.items()
               if n not in hz_names and len(n) >= 2]
    city_name = {c["code"]: c["name"] for c in cities}
    for a in areas:
        if a["cityCode"] == HANGZHOU or a["name"] in hz_names or a["name"] in big:
            continue
        city = city_name.get(a["cityCode"], "")
        city = prov_name.get(a["provinceCode"], "") if city in ("市辖区", "县") else city
        outside.append({"name": a["name"], "level": "county", "what": f"{a['name']}（{city}）"})
    outside.sort(key=lambda o: (o["level"], o["name"]))
    _write(out / "outside_places.csv", ["name", "level", "what"], outside)
    return len(rows), len(outside)


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1], "streets.csv").is_file():
        sys.exit(__doc__.split("\n\n")[1])
    n, m = build(Path(sys.argv[1]))
    print(f"townships.csv: {n} 乡镇/街道; outside_places.csv: {m} names")
