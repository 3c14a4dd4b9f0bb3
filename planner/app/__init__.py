"""The Textual face of planner: it calls the same domain and store functions as the CLI."""
