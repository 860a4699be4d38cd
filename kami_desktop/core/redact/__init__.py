"""Masked copies of image originals for public complaint sites (黑猫投诉, 聚投诉, 12315).

``detect`` proposes boxes from the OCR lines (pure), ``mask`` paints them on a fresh image (Pillow),
``copies`` stores the copy apart from the vault and records it in the ledger, ``export`` writes the
folder for a site with its 文件清单. The originals are only read.
"""
