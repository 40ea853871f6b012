"""At 200% screen scaling the map and the presentation are drawn at twice the pixels with the
same layout (labels, legend, lines where they are at 100%), not a blurred enlargement."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread


PROBE = Path(__file__).with_name("app_probe.py")


def _grab_at(scale, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(scale))
    return subprocess.Popen([sys.executable, str(PROBE), "dpi", str(tmp_path / f"x{scale}")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)


def _result(proc):
    out, err = proc.communicate(timeout=120)
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    assert proc.returncode == 0 and lines, err[-3000:]
    return json.loads(lines[-1])


def _sharpness(img):
    """Mean squared step between neighbouring pixels: an edge drawn sharp at twice the pixels
    keeps about half of it per pixel; an enlarged (blurred) picture keeps about a quarter."""
    g = img.mean(axis=2)
    return (np.diff(g, axis=0) ** 2).mean() + (np.diff(g, axis=1) ** 2).mean()


@pytest.fixture(scope="module")
def grabs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dpi")
    procs = {scale: _grab_at(scale, tmp) for scale in (1, 2)}  # the two run side by side
    return tmp, {scale: _result(p) for scale, p in procs.items()}


@pytest.mark.parametrize("picture", ["map", "presentation"])
def test_200_percent_is_the_100_percent_layout_at_twice_the_pixels(grabs, picture):
    tmp, info = grabs
    one = imread(tmp / f"x1_{picture}.png")[..., :3]
    two = imread(tmp / f"x2_{picture}.png")[..., :3]
    h, w = one.shape[:2]
    assert two.shape[:2] == (2 * h, 2 * w)
    down = two.reshape(h, 2, w, 2, 3).mean(axis=(1, 3))
    diff = np.abs(down - one)
    shifted = np.abs(down[:, 1:] - one[:, :-1]).mean()   # what one pixel of misplacement costs
    assert diff.mean() < 0.25 * shifted, "the layout at 200% differs from 100%"
    assert (diff.max(axis=2) > 0.25).mean() < 0.005      # no label or line in another place
    assert _sharpness(two) > 0.4 * _sharpness(one)       # drawn at 200%, not enlarged


def test_the_canvas_renders_at_the_device_pixel_ratio_and_icons_scale(grabs):
    _, info = grabs
    assert (info[1]["ratio"], info[1]["figure_dpi"]) == (1.0, 100)
    assert (info[2]["ratio"], info[2]["figure_dpi"]) == (2.0, 200)
    assert info[2]["icon"] == [64, 64, 2.0]      # a 32-px icon from the SVG, at 64 device pixels
    assert info[1]["window_icon"] and info[2]["window_icon"]
