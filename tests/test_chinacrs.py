"""China's web-map coordinate systems: the published forward formulas and their exact inverses."""
import numpy as np
import pytest

from hzmap.model.geo import chinacrs
def test_forward_formulas_give_the_published_values():
    # coordtransform's documented examples at (116.404, 39.915)
    p = np.array([[116.404, 39.915]])
    assert np.allclose(chinacrs.wgs84_to_gcj02(p), [[116.41024449916938, 39.91640428150164]], atol=1e-9)
    assert np.allclose(chinacrs.gcj02_to_bd09(p), [[116.41036949371029, 39.92133699351022]], atol=1e-9)


@pytest.mark.parametrize("system", ["gcj02", "bd09"])
def test_inverses_are_exact_round_trips_around_hangzhou(system):
    wgs = np.array([[120.21, 30.19], [119.04, 29.61], [118.4, 29.4], [120.7, 30.3]])
    there = chinacrs.from_wgs84(wgs, system)
    back = chinacrs.to_wgs84(there, system)
    assert np.abs(back - wgs).max() < 1e-8  # ~1 mm
    shift_m = np.hypot(*(there[0] - wgs[0])) * 111_000
    assert shift_m > (400 if system == "gcj02" else 900)  # what a map would show off by


def test_outside_china_is_left_alone():
    p = np.array([[2.35, 48.85]])
    assert np.array_equal(chinacrs.wgs84_to_gcj02(p), p)


def test_build_script_converts_with_the_same_functions():
    import importlib.util

    from hzmap.paths import data_root

    spec = importlib.util.spec_from_file_location("build_geodata", data_root() / "build_geodata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.gcj02_to_wgs84 is chinacrs.gcj02_to_wgs84


def test_unknown_system_is_refused():
    with pytest.raises(ValueError, match="unknown coordinate system"):
        chinacrs.to_wgs84([[120, 30]], "utm")
