"""Login lockout (django-axes; settings ``AXES_*``): after ``AXES_FAILURE_LIMIT`` wrong passwords
for one user name from one client address, that pair is refused for the cool-off time."""

from axes.backends import AxesStandaloneBackend


class LoginLockoutBackend(AxesStandaloneBackend):
    """django-axes' check for sign-ins over HTTP. A call of ``authenticate`` without a request
    (from code, or the test client's ``login``) cannot come from an attacker on the network; it
    goes on to the other backends instead of raising."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
