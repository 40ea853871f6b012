"""The planner's own datasets: listed, removed, shared as a zip and imported safely."""
import zipfile

import pytest

from hzmap.model.dataset import DatasetError
from hzmap.model.dataset import userdata
from hzmap.model.dataset.overlay import from_folder, load_skipping_broken
from hzmap.model.plan_import import draft_plan, pasted, write_draft

PLAN = ("杭州市数字文旅发展行动计划\n一、空间布局\n构建“一核两翼”数字文旅空间格局。\n"
        "“一核”:以西湖区为核心。\n“两翼”:依托萧山区和余杭区,发展数字文旅。\n")


@pytest.fixture
def saved(dataset, tmp_path):
    user = tmp_path / "user"
    d = draft_plan(pasted(PLAN), dataset)
    folder = userdata.new_dataset_dir(user, d.plan_id)
    write_draft(d, folder)
    return user, folder, d


def test_list_and_load_with_the_shipped_dataset(saved, dataset):
    user, folder, d = saved
    [ud] = userdata.list_datasets(user)
    assert ud.path == folder and ud.plans == [d.plan_id]
    ds, skipped = load_skipping_broken(userdata.dataset_dirs(user), base=dataset)
    assert not skipped and d.layouts[0].id in ds.layouts
    assert from_folder(ds, folder)["layouts"] == [d.layouts[0].id]


def test_a_broken_user_dataset_is_left_out_not_fatal(saved, dataset):
    user, folder, d = saved
    (folder / "plans.yaml").write_text("plans: [", encoding="utf-8")
    ds, skipped = load_skipping_broken(userdata.dataset_dirs(user), base=dataset)
    assert folder in skipped and len(ds.layouts) == len(dataset.layouts)


def test_remove(saved):
    user, folder, _ = saved
    userdata.remove_dataset(user, folder.name)
    assert not folder.exists() and userdata.list_datasets(user) == []
    with pytest.raises(userdata.UserDataError):
        userdata.remove_dataset(user, "..")


def test_zip_round_trip(saved, dataset, tmp_path):
    user, folder, d = saved
    z = userdata.export_zip(folder, tmp_path / "share.zip")
    other = tmp_path / "colleague"
    new = userdata.import_shared(z, other)
    assert (new / "plans.yaml").is_file() and (new / "sources" / f"{d.plan_id}.txt").is_file()
    userdata.import_shared(folder, tmp_path / "third")       # a shared folder works too
    # importing the same plan next to itself is refused: ids are unique across datasets
    with pytest.raises(DatasetError):
        userdata.import_shared(z, other)
    assert len(userdata.list_datasets(other)) == 1


def test_zip_with_a_path_outside_the_folder_is_refused(tmp_path):
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("plans.yaml", "plans: []\n")
        zf.writestr("../../escaped.yaml", "x: 1\n")
    with pytest.raises(userdata.UserDataError, match="outside"):
        userdata.import_shared(z, tmp_path / "user")
    assert not (tmp_path / "escaped.yaml").exists()
    assert userdata.list_datasets(tmp_path / "user") == []


def test_zip_with_a_link_is_refused(tmp_path):
    z = tmp_path / "link.zip"
    with zipfile.ZipFile(z, "w") as zf:
        info = zipfile.ZipInfo("ds/plans.yaml")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(userdata.UserDataError, match="link"):
        userdata.import_shared(z, tmp_path / "user")


def test_a_zip_that_is_not_a_dataset(tmp_path):
    z = tmp_path / "photos.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", "hello")
    with pytest.raises(userdata.UserDataError, match="plans.yaml"):
        userdata.import_shared(z, tmp_path / "user")
