"""The one Markdown escaper: text from the person's data, written into Markdown, stays text.

A program name, an adjustment reason, a pain area or a note may hold anything an imported file or
a typed argument put there. Rendered as Markdown, ``<script>`` would be raw HTML, ``[x](javascript:…)``
a link and ``![](http://…)`` an image fetched from someone's server. Every such text in the report and
in ``export --format md`` goes through :func:`markdown_text`: one line, control and formatting
characters gone, and each character Markdown gives a meaning escaped with a backslash, which
CommonMark allows before any ASCII punctuation (so the plain-text reading stays close to the words).
"""

from __future__ import annotations

import re

from planner.domain.files.control import clean_text

# Emphasis, code, links and images (``!`` alone is harmless once ``[`` is escaped), raw HTML and
# autolinks, table cells, strikethrough, and the backslash itself. Headings and lists need the start
# of a line, which these texts never are.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def markdown_text(text: object) -> str:
    """``text`` as literal Markdown inline text on one line."""
    return _SPECIAL.sub(r"\\\1", clean_text(str(text)))
