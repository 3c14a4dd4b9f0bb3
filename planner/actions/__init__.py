"""The one door for every change: each use case is one function here, called by the CLI and the app alike.

An action opens the store, reads everything the domain needs as one :class:`~planner.actions.situation.Situation`
inside the same ``BEGIN IMMEDIATE`` transaction it then writes in, calls the domain, writes, refreshes the
live calendar file once from the committed state, and returns an outcome (the lines to say, the alert, what
changed). Actions know no Textual, no pydantic (unless a file is read) and no command-line wording.
See docs/architecture.md.
"""
