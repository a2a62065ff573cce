"""A real Apache httpd on 127.0.0.1 serving a built site, as Tilda's readme.txt deploys it.

Started and stopped by the test with a minimal configuration of its own (ServerRoot,
PidFile and ErrorLog in a temporary folder; mod_rewrite, mod_dir, ``AllowOverride
All``). ``htaccess`` files are renamed ``.htaccess``, as the export's readme says.
When run as root, httpd serves as the unprivileged ``www-data`` (or ``nobody``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MODULES = Path("/usr/lib/apache2/modules")
LOADED = ("mpm_event", "authz_core", "rewrite", "dir", "mime")


def apache_binary() -> str | None:
    found = shutil.which("apache2") or (
        "/usr/sbin/apache2" if Path("/usr/sbin/apache2").exists() else None
    )
    if found is None or not all((MODULES / f"mod_{name}.so").exists() for name in LOADED):
        return None
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def deploy(build_dir: Path, target: Path) -> Path:
    """Copy ``build/`` to ``target`` the way Tilda's readme says: htaccess -> .htaccess."""
    shutil.copytree(build_dir, target)
    for path in target.rglob("htaccess"):
        path.rename(path.with_name(".htaccess"))
    return target


def _service_user() -> str | None:
    if os.geteuid() != 0:
        return None  # httpd keeps the user that starts it
    for name in ("www-data", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return None


def _config(root: Path, docroot: Path, port: int) -> str:
    loads = "\n".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so" for name in LOADED)
    user = _service_user()
    identity = f"User {user}\nGroup #{pwd.getpwnam(user).pw_gid}\n" if user else ""
    return f"""ServerRoot "{root}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{root}/httpd.pid"
ErrorLog "{root}/error.log"
LogLevel warn
{loads}
{identity}TypesConfig /etc/mime.types
DocumentRoot "{docroot}"
AccessFileName .htaccess
<Directory "/">
    AllowOverride None
    Require all denied
</Directory>
<Directory "{docroot}">
    Options FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
"""


@contextmanager
def apache_serving(build_dir: Path) -> Iterator[str]:
    """The base URL of an Apache httpd serving a copy of ``build_dir``; stopped on exit."""
    binary = apache_binary()
    assert binary is not None
    # Readable by the service user: pytest's own temporary folders are private to root.
    root = Path(tempfile.mkdtemp(prefix="locpipe-apache-"))
    try:
        root.chmod(0o755)
        docroot = deploy(build_dir, root / "site")
        for path in [docroot, *docroot.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        port = free_port()
        config = root / "httpd.conf"
        config.write_text(_config(root, docroot, port))
        started = subprocess.run(
            [binary, "-f", str(config), "-k", "start"], capture_output=True, text=True
        )
        assert started.returncode == 0, started.stderr
        _wait_for(port, root)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            subprocess.run([binary, "-f", str(config), "-k", "stop"], capture_output=True)
            _wait_stopped(root / "httpd.pid")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _wait_for(port: int, root: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    log = root / "error.log"
    raise AssertionError(f"httpd did not start: {log.read_text() if log.exists() else ''}")


def _wait_stopped(pid_file: Path) -> None:
    deadline = time.monotonic() + 10
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
