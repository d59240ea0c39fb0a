"""``theme.per_theme``: worked out once per theme object, never handed to another one."""

from __future__ import annotations

from dataclasses import replace

from reportgen.theme import load_theme, per_theme


def test_a_value_is_made_once_per_theme_and_anew_for_another_theme() -> None:
    calls: list[object] = []

    @per_theme
    def width(theme) -> float:
        calls.append(theme)
        return theme.width

    theme = load_theme()
    wider = replace(theme, width=theme.width + 1)  # equal in all but width, another object
    assert [width(theme), width(theme), width(wider), width(theme)] == [
        theme.width,
        theme.width,
        theme.width + 1,
        theme.width,
    ]
    assert calls == [theme, wider]
    assert width.__wrapped__(theme) == theme.width


def test_a_theme_at_the_address_of_a_dropped_one_is_not_given_its_value() -> None:
    made: list[float] = []

    @per_theme
    def width(theme) -> float:
        made.append(theme.width)
        return theme.width

    base = load_theme()
    # Themes made and dropped one after another often reuse one address.
    for step in range(40):
        assert width(replace(base, width=base.width + step)) == base.width + step
    assert made == [base.width + step for step in range(40)]
