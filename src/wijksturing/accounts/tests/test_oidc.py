"""Single sign-on for staff, end to end over real HTTP: the OpenID Connect authorization-code flow
against a small provider started here (RS256-signed ID token, JWKS, userinfo)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client, override_settings

from wijksturing.accounts.models import User

CLIENT_ID = "wijksturing"


class Provider(BaseHTTPRequestHandler):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nonce = None
    codes_seen: list = []

    def _json(self, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):  # noqa: N802 — the token endpoint
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        assert form["grant_type"] == ["authorization_code"] and form["client_id"] == [CLIENT_ID]
        Provider.codes_seen.append(form["code"][0])
        claims = {"iss": f"http://127.0.0.1:{self.server.server_port}", "aud": CLIENT_ID, "sub": "medewerker-42",
                  "email": "a.jansen@arnhem.example", "nonce": Provider.nonce, "iat": int(time.time()),
                  "exp": int(time.time()) + 300}
        token = jwt.encode(claims, Provider.key, algorithm="RS256", headers={"kid": "k1"})
        self._json({"id_token": token, "access_token": "toegang", "token_type": "Bearer"})

    def do_GET(self):  # noqa: N802 — JWKS and userinfo
        if self.path.startswith("/jwks"):
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(Provider.key.public_key()))
            self._json({"keys": [dict(jwk, kid="k1", use="sig", alg="RS256")]})
        elif self.path.startswith("/userinfo"):
            assert self.headers["Authorization"] == "Bearer toegang"
            self._json(
                {"sub": "medewerker-42", "email": "a.jansen@arnhem.example", "given_name": "Anna", "family_name": "Jansen"}
            )
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with override_settings(
        OIDC_RP_CLIENT_ID=CLIENT_ID, OIDC_RP_CLIENT_SECRET="geheim", OIDC_RP_SIGN_ALGO="RS256",
        OIDC_OP_AUTHORIZATION_ENDPOINT=f"{base}/authorize", OIDC_OP_TOKEN_ENDPOINT=f"{base}/token",
        OIDC_OP_USER_ENDPOINT=f"{base}/userinfo", OIDC_OP_JWKS_ENDPOINT=f"{base}/jwks",
        AUTHENTICATION_BACKENDS=["wijksturing.accounts.oidc.StaffOIDCBackend", "django.contrib.auth.backends.ModelBackend"],
    ):
        yield base
    server.shutdown()


@pytest.mark.django_db
def test_staff_sign_in_with_openid_connect(provider):
    client = Client()
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302 and start.url.startswith(f"{provider}/authorize")
    query = parse_qs(urlparse(start.url).query)
    assert query["client_id"] == [CLIENT_ID] and query["response_type"] == ["code"]
    Provider.nonce = query["nonce"][0]
    back = client.get("/oidc/callback/", {"code": "eenmalig", "state": query["state"][0]})
    assert back.status_code == 302 and "/oidc/authenticate" not in back.url
    assert Provider.codes_seen[-1] == "eenmalig"
    user = User.objects.get(email="a.jansen@arnhem.example")
    assert user.is_staff and (user.first_name, user.last_name) == ("Anna", "Jansen")
    assert not user.memberships.exists()  # roles are granted by an administrator, never by the provider
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_forged_state_is_refused(provider):
    client = Client()
    start = client.get("/oidc/authenticate/")
    Provider.nonce = parse_qs(urlparse(start.url).query)["nonce"][0]
    back = client.get("/oidc/callback/", {"code": "eenmalig", "state": "vervalst"})
    assert "_auth_user_id" not in client.session
    assert back.status_code in (302, 400)
    assert not User.objects.filter(email="a.jansen@arnhem.example").exists()
