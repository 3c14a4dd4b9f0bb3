"""The report for a physiotherapist or doctor: built from store data, rendered as Markdown or HTML.

:mod:`model` gathers the figures (pure: it reads the plan and history it is
given), :mod:`charts` draws pain over time, :mod:`markdown` and :mod:`html`
render, and :mod:`writing` is what both faces call.
"""
