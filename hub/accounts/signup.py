"""The sign-up form: the same work and the same answer whether or not the address is taken.

allauth (ACCOUNT_PREVENT_ENUMERATION) already answers a registered address with the same page
as a new one, but a new account hashes its password (PBKDF2, most of a second) and a
registered address did not, so the time told them apart. Here the registered path hashes the
password typed too, with the same hasher, and both paths hand their email to the worker
(`AccountAdapter.send_mail`), so neither waits for the mail server.
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            # The work a new account does: hash the password (the result is not kept).
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
