"""Voice-to-voice assistant: speech in, LLM in the middle, speech out."""
import os

import httpx
import uvicorn
from fastapi import FastAPI, UploadFile

app = FastAPI(title="mana-voice-bot")

STT_URL = os.getenv("STT_URL", "https://gpu-stt.mana.how")
TTS_URL = os.getenv("TTS_URL", "https://gpu-tts.mana.how")


@app.get("/health")
def health() -> dict[str, bool]:
    return {"ok": True}


@app.post("/v1/turn")
async def turn(audio: UploadFile) -> dict[str, str]:
    async with httpx.AsyncClient(timeout=60) as client:
        text = (await client.post(f"{STT_URL}/v1/transcribe", files={"file": await audio.read()})).json()["text"]
    return {"transcript": text}


if __name__ == "__main__":
    port = int(os.getenv("PORT", "3050"))
    uvicorn.run(app, host="0.0.0.0", port=port)
