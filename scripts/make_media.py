"""Write the sample media of ``gradio.media`` into py/pagelet/media_assets/, under Gradio's file names.

Every file is drawn, synthesised or written here (shapes, tones, made-up
rows): nothing is copied from anywhere. The files are committed; run this
again only to change them. It needs Pillow, numpy and PyAV (for the MP4,
AVI and MP3 encoders), in a venv of its own:

    python3 -m venv /tmp/media-venv
    /tmp/media-venv/bin/pip install av==18.1.0 pillow==13.0.0 numpy
    /tmp/media-venv/bin/python scripts/make_media.py
"""

from __future__ import annotations

import json
import math
import random
import struct
import wave
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "py" / "pagelet" / "media_assets"
WIDTH, HEIGHT = 320, 240


def gradient(top: tuple[int, int, int], bottom: tuple[int, int, int], size: tuple[int, int] = (WIDTH, HEIGHT)) -> Image.Image:
    width, height = size
    rows = np.linspace(0, 1, height)[:, None, None]
    colours = (np.array(top) * (1 - rows) + np.array(bottom) * rows).astype(np.uint8)
    return Image.fromarray(np.repeat(colours, width, axis=1), "RGB")


def spotted(seed: int, base: tuple[int, int, int], spot: tuple[int, int, int]) -> Image.Image:
    """A cat-coloured field with spots: stands in for Gradio's animal photos."""
    rng = random.Random(seed)
    image = gradient(base, tuple(max(0, c - 60) for c in base))  # type: ignore[arg-type]
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y, r = rng.randrange(WIDTH), rng.randrange(HEIGHT), rng.randrange(3, 9)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=spot)
    return image


def images() -> None:
    folder = OUT / "images"
    spotted(1, (222, 170, 90), (60, 40, 20)).save(folder / "cheetah1.jpg", quality=80)
    spotted(2, (230, 180, 100), (50, 35, 15)).save(folder / "cheetah.jpg", quality=80)
    spotted(3, (200, 150, 70), (120, 80, 30)).save(folder / "lion.jpg", quality=80)
    spotted(4, (90, 140, 60), (40, 80, 30)).save(folder / "groot.jpeg", quality=80)
    tower = gradient((120, 170, 230), (230, 240, 250))
    draw = ImageDraw.Draw(tower)
    draw.polygon([(150, 30), (170, 30), (200, 230), (120, 230)], fill=(90, 90, 100))
    tower.save(folder / "tower.jpg", quality=80)
    bus = gradient((200, 200, 200), (120, 120, 120))
    draw = ImageDraw.Draw(bus)
    draw.rectangle((40, 80, 280, 180), fill=(220, 40, 40))
    for x in (60, 110, 160, 210):
        draw.rectangle((x, 95, x + 35, 125), fill=(180, 220, 250))
    for x in (85, 235):
        draw.ellipse((x - 18, 165, x + 18, 201), fill=(30, 30, 30))
    bus.save(folder / "bus.png", optimize=True)
    avatar = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    draw = ImageDraw.Draw(avatar)
    draw.ellipse((8, 8, 120, 120), fill=(255, 200, 60, 255))
    draw.ellipse((40, 45, 52, 57), fill=(40, 40, 40, 255))
    draw.ellipse((76, 45, 88, 57), fill=(40, 40, 40, 255))
    draw.arc((36, 50, 92, 100), 20, 160, fill=(40, 40, 40, 255), width=5)
    avatar.save(folder / "avatar.png", optimize=True)
    logo = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(logo)
    draw.polygon([(80, 10), (150, 80), (80, 150), (10, 80)], fill=(255, 120, 0, 255))
    logo.save(folder / "logo.png", optimize=True)
    logo.transpose(Image.Transpose.FLIP_LEFT_RIGHT).rotate(45).save(folder / "hf-logo_transpng.png", optimize=True)
    frames = []
    for step in range(8):
        frame = gradient((240, 240, 240), (200, 200, 220), (160, 120))
        ImageDraw.Draw(frame).ellipse((10 + step * 15, 40, 40 + step * 15, 70), fill=(30, 100, 200))
        frames.append(frame.convert("P"))
    frames[0].save(folder / "screenshot.gif", save_all=True, append_images=frames[1:], duration=120, loop=0)


def write_video(path: Path, codec: str, seconds: float, colour: tuple[int, int, int], with_sound: bool) -> None:
    fps = 12
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        audio = container.add_stream("aac", rate=16000) if with_sound else None
        if audio is not None:
            audio.layout = "mono"
        for index in range(int(seconds * fps)):
            frame = gradient(colour, (20, 20, 40), (160, 120))
            x = int(10 + index * 110 / (seconds * fps))
            ImageDraw.Draw(frame).rectangle((x, 45, x + 30, 75), fill=(250, 250, 250))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
        if audio is not None:
            samples = tone(440, seconds, 16000)
            chunk = 1024
            for start in range(0, len(samples), chunk):
                piece = np.array(samples[start:start + chunk], dtype=np.int16).reshape(1, -1)
                frame = av.AudioFrame.from_ndarray(piece, format="s16", layout="mono")
                frame.sample_rate = 16000
                frame.pts = start
                for packet in audio.encode(frame):
                    container.mux(packet)
            for packet in audio.encode():
                container.mux(packet)


def videos() -> None:
    folder = OUT / "videos"
    write_video(folder / "world.mp4", "libx264", 2, (30, 120, 200), True)
    write_video(folder / "a.mp4", "libx264", 2, (200, 60, 60), True)
    write_video(folder / "b.mp4", "libx264", 2, (60, 160, 80), True)
    write_video(folder / "muted_b.mp4", "libx264", 2, (60, 160, 80), False)
    write_video(folder / "b.avi", "mpeg4", 2, (60, 160, 80), False)


def tone(frequency: float, seconds: float, rate: int, volume: float = 0.3) -> list[int]:
    count = int(seconds * rate)
    return [int(32767 * volume * math.sin(2 * math.pi * frequency * n / rate) * min(1, (count - n) / (rate * 0.05))) for n in range(count)]


def write_wav(path: Path, samples: list[int], rate: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def write_mp3(path: Path, samples: list[int], rate: int) -> None:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libmp3lame", rate=rate)
        stream.layout = "mono"
        stream.bit_rate = 32000
        chunk = 1152
        for start in range(0, len(samples), chunk):
            frame = av.AudioFrame.from_ndarray(np.array(samples[start:start + chunk], dtype=np.int16).reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = rate
            frame.pts = start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def audio() -> None:
    folder = OUT / "audio"
    rate = 8000
    melody = [tone(f, 0.25, rate) for f in (392, 440, 494, 523)]
    write_wav(folder / "cantina.wav", [s for note in melody for s in note], rate)
    write_wav(folder / "sax.wav", tone(233, 1.0, rate), rate)
    write_wav(folder / "audio_sample.wav", tone(440, 1.0, rate), rate)
    write_wav(folder / "recording1.wav", [int(s * (0.5 + 0.5 * math.sin(n / 400))) for n, s in enumerate(tone(300, 1.0, rate))], rate)
    write_mp3(folder / "cate_blanch.mp3", tone(330, 1.0, 16000), 16000)
    write_mp3(folder / "cate_blanch_2.mp3", tone(349, 1.0, 16000), 16000)
    write_mp3(folder / "heath_ledger.mp3", tone(196, 1.0, 16000), 16000)


def data() -> None:
    folder = OUT / "data"
    rng = random.Random(7)
    header = "PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked"
    rows = [header]
    for number in range(1, 41):
        sex = rng.choice(["male", "female"])
        rows.append(",".join([
            str(number), str(rng.randint(0, 1)), str(rng.randint(1, 3)), f'"Passenger {number}"', sex,
            str(rng.randint(1, 70)), str(rng.randint(0, 3)), str(rng.randint(0, 2)), f"T{1000 + number}",
            f"{rng.uniform(5, 120):.2f}", rng.choice(["", f"C{number}"]), rng.choice(["S", "C", "Q"]),
        ]))
    (folder / "titanic.csv").write_text("\n".join(rows) + "\n")
    (folder / "time.csv").write_text("time,value,price\n" + "".join(f"{t},{(t * 7) % 11},{(t * 5) % 13 + 2}\n" for t in range(1, 21)))
    (folder / "sample.txt").write_text("A sample text file for Pagelet's gradio.media.\nIt has two lines.\n")
    (folder / "imagenet_labels.json").write_text(json.dumps([f"class {n}" for n in range(1000)]))
    (folder / "s1.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nFirst line\n\n2\n00:00:01,000 --> 00:00:02,000\nSecond line\n")
    (folder / "s2.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nFirst line\n\n00:00:01.000 --> 00:00:02.000\nSecond line\n")
    words = ["one", "two", "three", "four"]
    (folder / "s3.json").write_text(json.dumps([{"text": word, "timestamp": [i * 0.5, i * 0.5 + 0.5]} for i, word in enumerate(words)], indent=2))


def models3d() -> None:
    folder = OUT / "models3d"
    tetra = "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n"
    (folder / "Bunny.obj").write_text("# a tetrahedron\n" + tetra)
    (folder / "face.obj").write_text("# a square\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3\nf 1 3 4\n")
    facets = [((0, 0, 0), (1, 0, 0), (0, 1, 0)), ((0, 0, 0), (0, 0, 1), (1, 0, 0)), ((0, 0, 0), (0, 1, 0), (0, 0, 1)), ((1, 0, 0), (0, 0, 1), (0, 1, 0))]
    stl = ["solid tetra"] + [
        "facet normal 0 0 0\n outer loop\n" + "".join(f"  vertex {x} {y} {z}\n" for x, y, z in facet) + " endloop\nendfacet" for facet in facets
    ] + ["endsolid tetra"]
    (folder / "sofia.stl").write_text("\n".join(stl) + "\n")
    positions = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)
    gltf = gltf_triangle(len(positions))
    import base64

    gltf["buffers"] = [{"byteLength": len(positions), "uri": "data:application/octet-stream;base64," + base64.b64encode(positions).decode()}]
    (folder / "Fox.gltf").write_text(json.dumps(gltf))
    binary = gltf_triangle(len(positions))
    binary["buffers"] = [{"byteLength": len(positions)}]
    text = json.dumps(binary).encode()
    text += b" " * (-len(text) % 4)
    body = positions + b"\0" * (-len(positions) % 4)
    glb = struct.pack("<4sII", b"glTF", 2, 12 + 8 + len(text) + 8 + len(body))
    glb += struct.pack("<I4s", len(text), b"JSON") + text + struct.pack("<I4s", len(body), b"BIN\0") + body
    (folder / "Duck.glb").write_bytes(glb)


def gltf_triangle(length: int) -> dict:
    return {
        "asset": {"version": "2.0", "generator": "pagelet scripts/make_media.py"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
        "bufferViews": [{"buffer": 0, "byteLength": length}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, 0], "max": [1, 1, 0]}],
    }


def main() -> None:
    for folder in ("images", "videos", "audio", "data", "models3d"):
        (OUT / folder).mkdir(parents=True, exist_ok=True)
    images()
    videos()
    audio()
    data()
    models3d()


if __name__ == "__main__":
    main()
