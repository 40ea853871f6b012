"""How colours look in greyscale print and to a reader with deuteranopia, to tell whether two
legend entries stay apart. No Qt; numpy only.

- Lightness is CIE L* of sRGB (D65), what a greyscale copy keeps.
- Deuteranopia is simulated with Machado, Oliveira & Fernandes (2009), severity 1.0, applied to
  linear RGB (the matrix colorspacious and DaltonLens use).
- Colour difference is CIE76 delta E*ab.

A few matrix products are all this needs, so no library is added for it.
"""
from __future__ import annotations

import numpy as np
from matplotlib.colors import to_rgb

MACHADO_DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968],
                                 [0.280085, 0.672501, 0.047413],
                                 [-0.011820, 0.042940, 0.968881]])
_RGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def linear(rgb) -> np.ndarray:
    c = np.asarray(rgb, dtype=float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def gamma(lin) -> np.ndarray:
    c = np.clip(np.asarray(lin, dtype=float), 0, 1)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def lab(rgb) -> np.ndarray:
    """CIE L*a*b* of sRGB colours (..., 3) in 0–1."""
    xyz = linear(rgb) @ _RGB_TO_XYZ.T / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def deuteranopia(rgb) -> np.ndarray:
    """sRGB colours as a reader with deuteranopia sees them."""
    return gamma(linear(rgb) @ MACHADO_DEUTERANOPIA.T)


def lightness(colour) -> float:
    return float(lab(to_rgb(colour))[0])


def delta_e(a, b) -> float:
    return float(np.linalg.norm(lab(to_rgb(a)) - lab(to_rgb(b))))


def delta_e_deuteranopia(a, b) -> float:
    return float(np.linalg.norm(lab(deuteranopia(to_rgb(a))) - lab(deuteranopia(to_rgb(b)))))
