"""Insert many exhibits fast with bulk SQL (for the 10,000-exhibit test and the benchmark)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import insert

from kami_desktop.core.store.model import Blob, Exhibit, ExhibitFile
from kami_desktop.core.util.timeutil import now
from kami_desktop.core.vocab import CATEGORIES

CATS = list(CATEGORIES)


def bulk_exhibits(profile, case_id: int, n: int, start: int = 0) -> None:
    stamp = now()
    blobs, exhibits, files = [], [], []
    for i in range(start, start + n):
        sha = hashlib.sha256(f"bulk-{case_id}-{i}".encode()).hexdigest()
        blobs.append(
            {"sha256": sha, "sm3": sha, "size": 1000 + i, "media_type": "image/png", "first_seen": stamp}
        )
        exhibits.append(
            {
                "id": None,
                "case_id": case_id,
                "title": f"聊天截图 {i:05d}",
                "category": CATS[i % len(CATS)],
                "purpose": "证明平台扣款" if i % 7 == 0 else "",
                "source": "",
                "position": i + 1,
                "captured_at": stamp - timedelta(minutes=i * 13 % 9973),
                "notes": "",
                "tags": [],
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    with profile.session() as s:
        s.execute(insert(Blob), blobs)
        first = (s.query(Exhibit.id).order_by(Exhibit.id.desc()).limit(1).scalar() or 0) + 1
        for k, e in enumerate(exhibits):
            e["id"] = first + k
        s.execute(insert(Exhibit), exhibits)
        for k, (e, b) in enumerate(zip(exhibits, blobs, strict=True)):
            files.append(
                {
                    "exhibit_id": e["id"],
                    "blob_sha256": b["sha256"],
                    "position": 1,
                    "original_name": f"Screenshot_{k:05d}.png",
                    "original_path": "",
                    "file_mtime": stamp,
                    "exif_time": None,
                    "imported_at": stamp,
                    "width": 1170,
                    "height": 2532,
                    "problem": "",
                }
            )
        s.execute(insert(ExhibitFile), files)
