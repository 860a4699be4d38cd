import pymupdf

from kami_desktop.gui.evidence_model import ThumbRole
from kami_desktop.gui.thumbnails import thumb_path
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot


def _make_pdf(path, pages=2):
    doc = pymupdf.open()
    for i in range(pages):
        doc.new_page().insert_text((72, 72), f"page {i + 1}")
    doc.save(path)
    return path


def test_thumbnails_are_made_off_thread_and_cached_outside_the_vault(qtbot, case_window, profile, tmp_path):
    report = import_and_wait(qtbot, case_window, [screenshot(tmp_path / "a.png", 7)])
    item = report.imported[0]
    model = case_window.evidence.model
    idx = model.index(model.row_for_id(item.exhibit_id), 1)
    cache = case_window.evidence.thumbs
    qtbot.waitUntil(lambda: model.data(idx, ThumbRole) is not None, timeout=10000)
    img = model.data(idx, ThumbRole)
    assert max(img.width(), img.height()) == 256
    path = thumb_path(profile.cache_dir, item.sha256)
    assert path.is_file() and profile.vault.root not in path.parents
    assert not cache.is_pending(item.sha256)


def test_preview_shows_images_pdf_pages_and_text(qtbot, case_window, tmp_path):
    pdf = _make_pdf(tmp_path / "协议.pdf", 3)
    txt = tmp_path / "聊天.txt"
    txt.write_text("客服：余额已冻结\n我：请退款\n", encoding="utf-8")
    img = screenshot(tmp_path / "截图.png", 9)
    report = import_and_wait(qtbot, case_window, [pdf, txt, img])
    view = case_window.evidence
    preview = view.detail.preview
    ids = {i.original_name: i.exhibit_id for i in report.imported}
    view.select_ids([ids["协议.pdf"]])
    qtbot.waitUntil(
        lambda: (
            preview.pdf_area.widget() is not None
            and len(preview.pdf_area.widget().findChildren(type(preview.empty))) >= 3
        ),
        timeout=10000,
    )
    view.select_ids([ids["聊天.txt"]])
    assert preview.currentWidget() is preview.text and "请退款" in preview.text.toPlainText()
    view.select_ids([ids["截图.png"]])
    qtbot.waitUntil(preview.image.has_image, timeout=10000)
    before = preview.image.zoom_factor()
    preview.image.zoom(2.0)
    assert abs(preview.image.zoom_factor() - before * 2) < 1e-6
    preview.image.fit()
    assert abs(preview.image.zoom_factor() - before) < 1e-6


def test_other_files_show_facts_and_open_button(qtbot, case_window, tmp_path):
    amr = tmp_path / "语音.amr"
    amr.write_bytes(b"#!AMR\n" + bytes(range(200)))
    report = import_and_wait(qtbot, case_window, [amr])
    view = case_window.evidence
    view.select_ids([report.imported[0].exhibit_id])
    preview = view.detail.preview
    assert preview.currentWidget() is preview.facts
    assert "语音.amr" in preview.facts_label.text() and "音频" in preview.facts_label.text()


def test_a_voice_message_opens_as_its_playable_wav_copy(qtbot, case_window, profile, tmp_path, monkeypatch):
    import wave

    from tests.core.media.voice_samples import silk_file

    opened = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    src = silk_file(tmp_path / "微信语音.silk", 1.0)
    report = import_and_wait(qtbot, case_window, [src])
    case_window.evidence.select_ids([report.imported[0].exhibit_id])
    copy = case_window.evidence.detail.preview.open_external()
    assert opened == [str(copy)] and copy.suffix == ".wav"
    assert profile.cache_dir in copy.parents and profile.vault.root not in copy.parents
    with wave.open(str(copy)) as w:
        assert abs(w.getnframes() / w.getframerate() - 1.0) < 0.1
    assert profile.blob_path(report.imported[0].sha256).read_bytes() == src.read_bytes()
