"""The documents for each rung of the escalation ladder, filled from the case (Qt-free).

* ``generate(profile, case_id, kind, out_dir, fmt='docx'|'pdf'|'both', options=None) -> GeneratedDocument``
  with kinds ``demand`` (退款催告函), ``complaint-12315`` (12315 投诉填写单), ``heimao`` (黑猫投诉文本),
  ``lawsuit`` (民事起诉状), ``lawsuit-elements`` (要素式民事起诉状), ``evidence-list`` (证据目录);
* ``check(profile, case_id, kind, options)`` — the blanks and warnings without writing files;
* ``export_12315_attachments(profile, case_id, out_dir, limits=None)`` — image exhibits as JPGs within
  the portal's size limit, long screenshots split with overlap, plus a list file.

Missing data is never invented: the document shows 【待填写：…】 and ``GeneratedDocument.missing`` lists
the labels (``missing_fields`` adds stable keys for the UI). Options: see :class:`DocOptions`.
"""

from kami_desktop.core.documents.api import (
    KINDS,
    GeneratedDocument,
    build_document,
    check,
    export_12315_attachments,
    generate,
    kind_label,
)
from kami_desktop.core.documents.attachments import AttachmentError, ExportedAttachment
from kami_desktop.core.documents.layout import MissingField
from kami_desktop.core.documents.options import DocOptions, DocumentError

__all__ = [
    "KINDS",
    "AttachmentError",
    "DocOptions",
    "DocumentError",
    "ExportedAttachment",
    "GeneratedDocument",
    "MissingField",
    "build_document",
    "check",
    "export_12315_attachments",
    "generate",
    "kind_label",
]
