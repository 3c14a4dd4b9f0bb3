"""A long name in a marked list wraps under its own first letter, so the marks stay a column to read down."""

from __future__ import annotations

from planner.app.marked_rows import marked_rows


def test_a_long_name_wraps_under_its_first_letter_not_under_the_mark() -> None:
    rows = marked_rows("▶", "Lying on your front, on your elbows", 18)
    assert rows == ["▶ Lying on your", "  front, on your", "  elbows"]
    assert all(len(row) <= 18 for row in rows)


def test_a_name_that_fits_is_one_row_and_an_unknown_width_leaves_it_whole() -> None:
    assert marked_rows("✓", "Cat-cow", 18) == ["✓ Cat-cow"]
    assert marked_rows(" ", "Lying on your front, on your elbows", None) == ["  Lying on your front, on your elbows"]
