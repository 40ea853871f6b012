"""The installed Qt binding must not corrupt Python's None (PySide6 6.12.0 does, and the app
then aborts after a few thousand combo-box or tree-item look-ups)."""
import subprocess
import sys

CODE = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTreeWidgetItem
app = QApplication([])
combo = QComboBox(); combo.addItem("无", None)
item = QTreeWidgetItem(["x"])
before = sys.getrefcount(None)
for _ in range(20000):
    combo.itemData(0); combo.currentData(); item.data(0, Qt.UserRole)
print(sys.getrefcount(None) - before)
"""


def test_item_data_none_keeps_refcounts():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, f"the Qt binding crashed the interpreter: {proc.stderr[-500:]}"
    assert abs(int(proc.stdout.strip())) < 100
