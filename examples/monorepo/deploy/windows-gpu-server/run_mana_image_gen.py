"""Scheduled Task `ManaImageGen` on the Windows GPU server runs this file at logon."""
import sys
from pathlib import Path

import uvicorn

SERVICE_DIR = Path(__file__).resolve().parents[2] / "services" / "mana-image-gen"

if __name__ == "__main__":
    sys.path.insert(0, str(SERVICE_DIR))
    uvicorn.run("app.main:app", host="0.0.0.0", port=3023, workers=1)
