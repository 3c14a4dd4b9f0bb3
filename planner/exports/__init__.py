"""Plans out of planner and back in: TOML, Markdown and iCalendar, and writing files safely.

The CLI and the app call the same functions: :func:`exporting.export_plan`
renders, :func:`files.write_export` writes, :func:`importing.import_plan` loads.
"""
