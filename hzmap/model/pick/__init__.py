"""What is under a point of the map: one pick for every picture that takes the mouse. No Qt.

    picked = pick(view, dataset, geodata, layers, x, y, metres_per_pixel)
    picked.selection   # what a click there selects (a place, a feature, a district or nothing)
    picked.district    # the district under the point (the hover outline)
    picked.text        # what the hover says
"""
from hzmap.model.pick.pick import FEATURE_PICK_PX, PLACE_PICK_PX, Picked, pick

__all__ = ["FEATURE_PICK_PX", "PLACE_PICK_PX", "Picked", "pick"]
