"""The one pattern every id follows (file names, chain links, plan entries): lower-case words and hyphens."""

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
