"""Keep numpy's BLAS on one thread unless the user asked for more.

The MiniLM encoder (``verify.embeddings``) is a chain of matrix products on
small-to-medium matrices. OpenBLAS's default pool starts one busy-waiting thread
per core; on a 2-core machine that is also running spaCy, the web server or other
people's jobs, the threads spin against each other: embedding 200 article leads
took 86 CPU-s with two threads and 13 CPU-s with one (bench/RESULTS.md,
"## Pipeline (end to end)"). The environment variables that choose the pool size
are read only when numpy loads, which spaCy does long before the encoder exists,
so the pool is resized at run time through OpenBLAS's own entry point.
"""

from __future__ import annotations

import ctypes
import os
import threading

# the variables OpenBLAS (and OpenMP builds of it) read; a user who set one chose a size
_USER_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "GOTO_NUM_THREADS")
# the setter's name differs between builds: numpy's bundled scipy-openblas, system OpenBLAS
_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)
_current: list[int] = []  # the size last set, so later calls cost nothing
_LOCK = threading.Lock()


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux; empty elsewhere)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line}
    except OSError:
        return []
    return sorted(p for p in paths if ".so" in p)


def limit_blas_threads(threads: int = 1) -> bool:
    """Set OpenBLAS's pool to ``threads`` unless an environment variable already chose it.

    Call after numpy is imported. Idempotent and cheap after the first call;
    returns whether a library was adjusted (False on other BLAS builds, which are
    left alone).
    """
    if any(os.environ.get(name) for name in _USER_VARIABLES):
        return False
    with _LOCK:
        if _current and _current[0] == threads:
            return True
        changed = False
        for path in _loaded_openblas():
            try:
                lib = ctypes.CDLL(path)
            except OSError:
                continue
            for name in _SETTERS:
                setter = getattr(lib, name, None)
                if setter is not None:
                    setter.argtypes = [ctypes.c_int]
                    setter.restype = None
                    setter(threads)
                    changed = True
                    break
        if changed:
            _current[:] = [threads]
        return changed
