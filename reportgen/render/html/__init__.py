"""The web edition: static, accessible HTML pages with inline SVG charts (issue 22)."""

from reportgen.render.html.edition import ProfilePage, WebEdition, render_web

__all__ = ["ProfilePage", "WebEdition", "render_web"]
