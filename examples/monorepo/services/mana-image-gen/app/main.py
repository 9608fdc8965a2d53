"""Image generation with FLUX (diffusers). Windows GPU server only."""
import os

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="mana-image-gen")


class Settings(BaseModel):
    port: int = int(os.getenv("PORT", "3023"))
    model_id: str = os.getenv("MODEL_ID", "black-forest-labs/FLUX.1-schnell")
    steps: int = 4


settings = Settings()


class Prompt(BaseModel):
    prompt: str
    width: int = 1024
    height: int = 1024


@app.get("/health")
def health() -> dict[str, bool]:
    return {"ok": True}


@app.post("/v1/images")
def generate(body: Prompt) -> dict[str, str]:
    return {"status": "queued", "model": settings.model_id}
