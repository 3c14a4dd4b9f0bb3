"""Drawing an exercise's figure: poses to line segments (pure), then braille text or SVG.

Nothing here does I/O. The quick commands never import this package (tests/e2e/test_quick_imports.py).
"""
