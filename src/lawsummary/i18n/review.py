"""The notice at the end of a summary whose wording nobody qualified has reviewed.

Each catalog's header records who reviewed it and when (``X-Reviewed-By``,
``X-Review-Date``), each locale's data file who reviewed that language's texts in the
bundled data. Until both name a native-speaking lawyer, every summary in the language
ends with the catalog's translation of :data:`lawsummary.i18n.REVIEW_NOTICE`, once:
the last line of text or Markdown, the last paragraph of an HTML fragment, the footer
of a whole HTML page, and a ``review_notice`` key in JSON. The renderer calls
:func:`mark` on its finished output and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lawsummary.i18n import Language

__all__ = ["mark"]


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


#: Characters that start inline Markdown (as the renderer escapes them).
_MD_SPECIAL = r"([\\`*_\[\]<>|~])"


def mark(out: str, lang: Language, format: str, standalone: bool) -> str:
    """``out`` (a finished summary in ``format``) with the review notice, if one is due."""
    notice = lang.review_notice
    if notice is None:
        return out
    if format == "text":
        return f"{out}\n{notice}\n"
    if format == "markdown":
        import re

        escaped = re.sub(_MD_SPECIAL, r"\\\1", notice)
        return f"{out}\n_{escaped}_\n"
    if format == "html":
        if standalone:
            end = out.rindex("</body>")
            footer = f'<footer class="review-status">{_html(notice)}</footer>\n'
            return out[:end] + footer + out[end:]
        end = out.rindex("</article>")
        paragraph = f'<p class="review-status">{_html(notice)}</p>\n'
        return out[:end] + paragraph + out[end:]
    if format == "json":
        import json

        document = json.loads(out)
        document["review_notice"] = notice
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return out
