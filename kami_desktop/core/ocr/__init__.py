"""Text read from screenshots and image-only PDFs: derived data, never evidence.

``model`` (plain data) and ``engine`` (the OCR engine over image bytes) are the reading side and import
only the utilities; ``store`` (the ``ocr_texts`` rows of a blob) and ``job`` (the background reading of a
case) are the stored side.
"""
