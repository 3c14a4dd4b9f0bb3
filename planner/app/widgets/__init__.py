"""Widgets shared by several screens, one per module."""
