"""Single sign-on for staff through OpenID Connect (mozilla-django-oidc).

Users are matched on e-mail address; new users are created as staff without roles:
an administrator grants roles per municipality in the admin."""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class StaffOIDCBackend(OIDCAuthenticationBackend):
    def create_user(self, claims):
        user = super().create_user(claims)
        user.is_staff = True
        user.first_name = claims.get("given_name", "")
        user.last_name = claims.get("family_name", "")
        user.save(update_fields=["is_staff", "first_name", "last_name"])
        return user
