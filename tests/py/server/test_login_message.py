"""The login page's answer to a wrong password is Gradio's, word for word."""

from __future__ import annotations

from pagelet.server.auth import login_page


def test_a_wrong_password_is_told_in_gradios_words() -> None:
    page = login_page("Welcome", failed=True)
    body = page.body.decode()
    assert page.status_code == 401
    assert '<p role="alert">Incorrect Credentials</p>' in body
    assert "<p>Welcome</p>" in body


def test_the_first_visit_shows_no_error() -> None:
    assert "Incorrect Credentials" not in login_page(None).body.decode()
