"""Buttons with a job of their own: DuplicateButton, DeepLinkButton, LoginButton.

Each is a ``Button`` with Gradio 6's signature and defaults; what a click does
is the host's (``js/renderers/special-buttons.ts``), since none of them runs
Python.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from .button import Button


class DuplicateButton(Button):
    """Duplicates the Hugging Face Space the app runs on.

    As in Gradio, only on a Space (``SPACE_ID`` set) does a click do anything:
    it opens the Space's duplicate page. Elsewhere (a static page, a server
    of your own) there is nothing to duplicate and the button stays inert.
    """

    def __init__(
        self,
        value: str = "Duplicate Space",
        *,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "huggingface",
        size: Literal["sm", "md", "lg"] = "sm",
        scale: int | None = 0,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        _activate: bool = True,
        **kwargs: Any,
    ) -> None:
        space = os.environ.get("SPACE_ID")
        if link is None and space and _activate:
            link, link_target = f"https://huggingface.co/spaces/{space}?duplicate=true", "_blank"
        super().__init__(value, variant=variant, size=size, scale=scale, link=link, link_target=link_target, **kwargs)


class DeepLinkButton(Button):
    """Copies a link to the app as it is now: every component's current value.

    Gradio keeps the values on its server under an id put in the link; a
    static page has no server, so Pagelet puts the values themselves in the
    link (``?deep_link=``, compressed), in both runtimes. Opening the link
    shows the app with those values.
    """

    # Gradio's config calls it a "button"; the host knows it by ``copied_value`` (js/renderers/view-type.ts).
    TYPE = "button"
    PROPS = (*Button.PROPS, "copied_value")

    def __init__(
        self,
        value: str = "Share via Link",
        copied_value: str = "Link Copied!",
        *,
        variant: Literal["primary", "secondary"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        **kwargs: Any,
    ) -> None:
        self.copied_value = copied_value
        super().__init__(value, variant=variant, size=size, **kwargs)


class LoginButton(Button):
    """Gradio's "Sign in with Hugging Face" button (Hugging Face OAuth).

    Pagelet has no Hugging Face OAuth: in the browser there is no server to
    sign in to, and ``pagelet run`` signs visitors in with ``launch(auth=...)``
    instead. A click says so where the visitor looks; the app keeps working.
    """

    TYPE = "loginbutton"
    PROPS = (*Button.PROPS, "logout_value")

    def __init__(
        self,
        value: str = "Sign in with Hugging Face",
        logout_value: str = "Logout ({})",
        *,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "huggingface",
        size: Literal["sm", "md", "lg"] = "lg",
        **kwargs: Any,
    ) -> None:
        self.logout_value = logout_value
        super().__init__(value, variant=variant, size=size, **kwargs)
