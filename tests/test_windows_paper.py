"""hzmap on Windows, on paper: no POSIX-only call without a Windows path.

Nothing here can run Windows, so the source is read instead: every use in hzmap/ of a module,
function or constant that Windows' Python lacks (file locks with fcntl, malloc_trim, POSIX
signals, fork, user ids, resource limits...) must sit behind a platform check (`os.name`,
`sys.platform`, `platform.system()`, or a `hasattr`), in the branch that does not run on Windows
or after such a check in an `and`, inside a `try` whose handler catches the ImportError or
AttributeError Windows would raise, or be looked up with getattr and a default. The test lists
what it found, guarded or not.
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "hzmap"

#: Modules Windows' Python does not have.
POSIX_MODULES = {"fcntl", "resource", "termios", "tty", "pty", "pwd", "grp", "posix", "crypt", "syslog",
                 "posix_ipc", "readline"}
#: Attributes of os, signal and select that exist only on POSIX, and libc's malloc_trim.
POSIX_ATTRS = {
    "os": {"fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "getgroups", "setsid", "setpgid",
           "getpgid", "getpgrp", "killpg", "mkfifo", "mknod", "nice", "uname", "statvfs", "fstatvfs", "sync",
           "getloadavg", "chown", "lchown", "fchown", "sched_getaffinity", "sched_setaffinity", "wait3",
           "wait4", "WNOHANG", "O_NONBLOCK", "O_NOFOLLOW", "O_CLOEXEC", "O_NOCTTY", "O_DIRECTORY",
           "pathconf", "fpathconf", "sysconf", "ttyname", "openpty", "getpriority", "setpriority",
           "posix_fadvise", "pipe2", "memfd_create"},
    "signal": {"SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE", "SIGQUIT",
               "SIGSTOP", "SIGCONT", "alarm", "setitimer", "getitimer", "pause", "pthread_kill",
               "pthread_sigmask", "sigwait", "siginterrupt"},
    "select": {"poll", "epoll", "kqueue"},
}
ANY_OBJECT = {"malloc_trim"}  # libc's, through ctypes
#: Windows-only, the other way round: behind a check too.
WINDOWS_MODULES = {"msvcrt", "winreg", "_winapi", "winsound"}


def _guard_test(node: ast.expr) -> bool:
    """An `if` test that asks which platform this is."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and (
                (isinstance(sub.value, ast.Name) and (sub.value.id, sub.attr) in (("os", "name"), ("sys", "platform")))
                or sub.attr == "system"):
            return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == "hasattr":
            return True
    return False


def _catches_missing(kind) -> bool:
    """An except clause that catches what Windows raises for a POSIX-only module or attribute."""
    names = [kind] if not isinstance(kind, ast.Tuple) else list(kind.elts)
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError", "AttributeError")
               for n in names)


def _findings(path: Path) -> list[tuple[str, int, str, bool]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []

    def visit(node, guarded: bool) -> None:
        name = None
        if isinstance(node, ast.Import):
            name = next((a.name for a in node.names if a.name.split(".")[0] in POSIX_MODULES | WINDOWS_MODULES), None)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in POSIX_MODULES | WINDOWS_MODULES:
            name = node.module
        elif isinstance(node, ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            if node.attr in ANY_OBJECT or (owner in POSIX_ATTRS and node.attr in POSIX_ATTRS[owner]):
                name = f"{owner or '…'}.{node.attr}"
        if name is not None:
            found.append((str(path.relative_to(ROOT.parent)), node.lineno, name, guarded))
        if isinstance(node, ast.If) and _guard_test(node.test):
            for child in node.body + node.orelse:
                visit(child, True)
            visit(node.test, guarded)
            return
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):  # hasattr(os, "x") and os.x()
            seen = guarded
            for value in node.values:
                visit(value, seen)
                seen = seen or _guard_test(value)
            return
        if isinstance(node, ast.Try) and any(_catches_missing(h.type) for h in node.handlers):
            for child in node.body:
                visit(child, True)
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                visit(child, guarded)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, guarded)

    visit(tree, False)
    return found


def test_every_posix_only_call_in_hzmap_has_a_platform_check():
    found = [f for path in sorted(ROOT.rglob("*.py")) for f in _findings(path)]
    unguarded = [f"{p}:{line} {name}" for p, line, name, guarded in found if not guarded]
    assert not unguarded, "POSIX-only (or Windows-only) calls without a platform check:\n" + "\n".join(unguarded)
    # what there is, and each behind its check: the recovery file's lock (fcntl, msvcrt on
    # Windows) and giving freed memory back (glibc's malloc_trim)
    names = {name for _p, _l, name, _g in found}
    assert {"fcntl", "msvcrt"} <= names and any("malloc_trim" in n for n in names), sorted(names)


def test_the_scan_sees_an_unguarded_call_and_accepts_a_guarded_one(tmp_path, monkeypatch):
    pkg = tmp_path / "hzmap"
    pkg.mkdir()
    (pkg / "bad.py").write_text("import os\nimport fcntl\npid = os.fork()\n", encoding="utf-8")
    (pkg / "good.py").write_text("import os, sys\nif os.name == 'nt':\n    import msvcrt\nelse:\n"
                                 "    import fcntl\nif sys.platform.startswith('linux'):\n    os.getuid()\n"
                                 "try:\n    import resource\nexcept ImportError:\n    pass\n"
                                 "ok = hasattr(os, 'getgid') and os.getgid() == 0\n"
                                 "try:\n    os.sysconf('SC_PAGE_SIZE')\nexcept ValueError:\n    pass\n",
                                 encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "ROOT", pkg)
    bad = [(name, g) for _p, _l, name, g in _findings(pkg / "bad.py")]
    good = [(name, g) for _p, _l, name, g in _findings(pkg / "good.py")]
    assert bad == [("fcntl", False), ("os.fork", False)]
    assert sorted(good) == [("fcntl", True), ("msvcrt", True), ("os.getgid", True), ("os.getuid", True),
                            ("os.sysconf", False), ("resource", True)]  # ValueError is no Windows path
