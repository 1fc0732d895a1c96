import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3]


def test_core_never_imports_django():
    code = (
        "import sys\n"
        "import wijksturing.core.aggregation, wijksturing.core.suppression, wijksturing.core.index\n"
        "import wijksturing.core.trends, wijksturing.core.similarity, wijksturing.core.spatial\n"
        "import wijksturing.core.testing\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'rest_framework'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        cwd=SRC,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
