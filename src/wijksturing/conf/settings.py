"""Settings for every environment, read from environment variables with local defaults.

SQLite under ``var/`` unless ``DATABASE_URL`` is set (PostgreSQL in production).
Run ``wijksturing settings-doc`` for the reference of every variable.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from wijksturing.conf.env import config

PACKAGE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(config("WIJKSTURING_VAR_DIR", str(REPO_DIR / "var"), "Folder for the SQLite database, uploads, reports and caches.",
                      shown_default="<repository>/var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DATA_DIR = config(
    "WIJKSTURING_DATA_DIR",
    str(REPO_DIR.parent / "shared" / "data"),
    "Folder with local copies of the open data (CBS, PDOK, pabulib). When it does not exist, "
    "importers download from the publishers.",
    shown_default="<repository>/../shared/data",
)

WIJKSTURING_CBS_ODATA_URL = config(
    "WIJKSTURING_CBS_ODATA_URL", "https://opendata.cbs.nl/ODataApi/odata", "CBS OData API (downloads of Kerncijfers wijken en buurten)."
)
WIJKSTURING_PDOK_WFS_URL = config(
    "WIJKSTURING_PDOK_WFS_URL",
    "https://service.pdok.nl/cbs/wijkenbuurten/{year}/wfs/v1_0",
    "PDOK WFS of the CBS wijk and buurt boundaries; {year} is replaced by the year.",
)
WIJKSTURING_LOCATIESERVER_URL = config(
    "WIJKSTURING_LOCATIESERVER_URL",
    "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free",
    "PDOK Locatieserver for address and postcode search; empty disables it.",
)

DEBUG = config("DJANGO_DEBUG", True, "Debug mode. Always set to false in production.")
SECRET_KEY = config(
    "DJANGO_SECRET_KEY",
    "dev-only-insecure-key-change-me",
    "Secret key. Required in production (the default is for local development only).",
)
ALLOWED_HOSTS = config("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"], "Comma-separated host names.")
CSRF_TRUSTED_ORIGINS = config("DJANGO_CSRF_TRUSTED_ORIGINS", [], "Comma-separated origins (https://…) trusted for CSRF.")

DATABASES = {
    "default": dj_database_url.parse(
        config(
            "DATABASE_URL",
            f"sqlite:///{VAR_DIR / 'wijksturing.sqlite3'}",
            "Database URL, e.g. postgres://user@127.0.0.1:5432/wijksturing. Default: SQLite in var/.",
            shown_default="sqlite:///<WIJKSTURING_VAR_DIR>/wijksturing.sqlite3",
        ),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL;"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "mozilla_django_oidc",
    "wijksturing.accounts",
    "wijksturing.areas",
    "wijksturing.monitor",
    "wijksturing.programmes",
    "wijksturing.budgets",
    "wijksturing.participation",
    "wijksturing.signals",
    "wijksturing.reports",
    "wijksturing.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wijksturing.web.locale.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "wijksturing.urls"
WSGI_APPLICATION = "wijksturing.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "wijksturing.accounts.backends.RoleBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Single sign-on for staff (OpenID Connect), enabled when an issuer is configured.
OIDC_RP_CLIENT_ID = config("OIDC_RP_CLIENT_ID", "", "OpenID Connect client id for staff single sign-on.")
OIDC_RP_CLIENT_SECRET = config("OIDC_RP_CLIENT_SECRET", "", "OpenID Connect client secret.")
OIDC_OP_BASE = config("OIDC_OP_BASE_URL", "", "Base URL of the OpenID Connect provider; empty disables SSO.")
OIDC_RP_SIGN_ALGO = config("OIDC_RP_SIGN_ALGO", "RS256", "Signing algorithm of the provider's ID tokens.")
if OIDC_OP_BASE:
    OIDC_OP_AUTHORIZATION_ENDPOINT = f"{OIDC_OP_BASE}/authorize"
    OIDC_OP_TOKEN_ENDPOINT = f"{OIDC_OP_BASE}/token"
    OIDC_OP_USER_ENDPOINT = f"{OIDC_OP_BASE}/userinfo"
    OIDC_OP_JWKS_ENDPOINT = f"{OIDC_OP_BASE}/jwks"
    AUTHENTICATION_BACKENDS.insert(0, "wijksturing.accounts.oidc.StaffOIDCBackend")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise looks here; collectstatic fills it in production
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "wijksturing",
        # whole public pages are cached (web.pagecache): room for every area page in two languages
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

EMAIL_BACKEND = config(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend",
    "E-mail backend; console in development, smtp in production.",
)
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", "noreply@wijksturing.localhost", "Sender of e-mails to residents.")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "wijksturing.api.pagination.Pagination",
    "PAGE_SIZE": 100,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "EXCEPTION_HANDLER": "wijksturing.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "wijksturing API",
    "DESCRIPTION": "Open data of the Leefbare Wijken Monitor and area-based working (read-only unless stated).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "LICENSE": {"name": "EUPL-1.2"},
    "ENUM_NAME_OVERRIDES": {
        "SignalStatusEnum": "wijksturing.signals.workflow.Status",
        "InitiativeStatusEnum": "wijksturing.budgets.workflow.InitiativeStatus",
        "EffortStatusEnum": "wijksturing.programmes.models.EffortStatus",
        "ProgressStatusEnum": "wijksturing.programmes.models.ProgressStatus",
        "ImportStatusEnum": "wijksturing.monitor.models.ImportStatus",
    },
}

# Privacy: personal data is removed after this many days (signals, applications, ballots).
RETENTION_DAYS = config("WIJKSTURING_RETENTION_DAYS", 365, "Days after closing before personal data is removed.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "wijksturing.accounts.logging.PersonalDataFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_personal_data"]}},
    "root": {"handlers": ["console"], "level": config("WIJKSTURING_LOG_LEVEL", "INFO", "Log level.")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
