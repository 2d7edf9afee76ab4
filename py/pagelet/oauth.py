"""``gr.OAuthProfile`` and ``gr.OAuthToken``: who signed in with Hugging Face.

Pagelet has no Hugging Face sign-in (see ``gr.LoginButton``), so nobody is
ever signed in: a parameter annotated ``gr.OAuthToken | None`` (or
``gr.OAuthProfile | None``) receives None, and one that requires a
signed-in user gets Gradio's error, shown as a toast, the app going on.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from .alerts import Error

SIGN_IN_REQUIRED = "This action requires a logged in user. Please sign in and retry."


@dataclass
class OAuthToken:
    token: str
    scope: str
    expires_at: int


class OAuthProfile(dict[str, Any]):
    """The signed-in user's profile, a dict with Gradio's attribute names."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.name = self.get("name")
        self.username = self.get("preferred_username")
        self.profile = self.get("profile")
        self.picture = self.get("picture")


def oauth_kind(annotation: Any) -> tuple[type, bool] | None:
    """(OAuthProfile or OAuthToken, whether None is allowed) for a parameter's annotation, else None."""
    if isinstance(annotation, str):
        # `from __future__ import annotations` leaves the annotation as written.
        written = annotation.replace(" ", "").replace("gradio.", "").replace("gr.", "")
        optional = written.endswith("|None") or written.startswith("None|") or written.startswith("Optional[")
        for kind in (OAuthProfile, OAuthToken):
            if kind.__name__ in written:
                return kind, optional
        return None
    if annotation in (OAuthProfile, OAuthToken):
        return annotation, False
    arguments = typing.get_args(annotation)
    for kind in (OAuthProfile, OAuthToken):
        if kind in arguments:
            return kind, type(None) in arguments
    return None


def signed_in_value(annotation: Any) -> tuple[bool, Any]:
    """(True, the value) when the annotation asks for an OAuth value; (False, None) otherwise.

    Raises ``gr.Error`` when a signed-in user is required: there never is one here.
    """
    kind = oauth_kind(annotation)
    if kind is None:
        return False, None
    if not kind[1]:
        raise Error(SIGN_IN_REQUIRED)
    return True, None
