"""Settings for every environment, read from environment variables with local defaults.

SQLite under ``var/`` unless ``DATABASE_URL`` is set (PostgreSQL in production).
Run ``wijksturing settings-doc`` for the reference of every variable.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from wijksturing.conf.env import config

PACKAGE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(config("WIJKSTURING_VAR_DIR", str(REPO_DIR / "var"),
                      "Folder for the SQLite database, uploads, reports and caches.", shown_default="<repository>/var"))
# Not created here (an installed wheel or a read-only container has no writable repository):
# the ``wijksturing`` command creates it, and every writer creates its own sub-folder.

DATA_DIR = config(
    "WIJKSTURING_DATA_DIR",
    str(REPO_DIR.parent / "shared" / "data"),
    "Folder with local copies of the open data (CBS, PDOK, pabulib). When it does not exist, "
    "importers download from the publishers.",
    shown_default="<repository>/../shared/data",
)

WIJKSTURING_CBS_ODATA_URL = config(
    "WIJKSTURING_CBS_ODATA_URL",
    "https://opendata.cbs.nl/ODataApi/odata",
    "CBS OData API (downloads of Kerncijfers wijken en buurten).",
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

DEBUG = config("DJANGO_DEBUG", False, "Debug mode, for development only (`make run` and the tests turn it on).")
INSECURE_SECRET_KEY = "dev-only-insecure-key-change-me"
SECRET_KEY = config(
    "DJANGO_SECRET_KEY",
    INSECURE_SECRET_KEY,
    "Secret key. Required when DEBUG is off: the server refuses to start on the default key.",
)
if not DEBUG and SECRET_KEY == INSECURE_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set while DJANGO_DEBUG is off: set a long random secret key "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or DJANGO_DEBUG=true for development."
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
    # SQLite is for development and the demo (production needs PostgreSQL). WAL lets readers go on
    # while one writer writes; IMMEDIATE takes the write lock when a transaction begins, so two
    # writers queue on the busy timeout instead of failing with "database is locked" when a read
    # lock cannot be upgraded (Open311 POSTs and votes at 8–20 connections).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
    }
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
    "wijksturing.surveys",
    "wijksturing.organisations",
    "wijksturing.signals",
    "wijksturing.reports",
    "wijksturing.web",
]

MIDDLEWARE = [
    "wijksturing.web.health.HealthMiddleware",  # /healthz and /readyz, before host check and https redirect
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
AUTHENTICATION_BACKENDS = ["wijksturing.accounts.backends.ModelBackend", "wijksturing.accounts.backends.RoleBackend"]
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
STATIC_ROOT = Path(config("DJANGO_STATIC_ROOT", str(VAR_DIR / "static"),
                          "Folder `collectstatic` fills and the server serves static files from (whitenoise).",
                          shown_default="<WIJKSTURING_VAR_DIR>/static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Production: hashed file names (cached for a year) and gzip/brotli copies, made by collectstatic.
# Development and the tests read the source files through the finders (no collectstatic needed).
STATIC_MANIFEST = config("WIJKSTURING_STATIC_MANIFEST", not DEBUG,
                         "Serve static files under hashed names with compressed copies (needs `collectstatic`).",
                         shown_default="true unless DEBUG")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage" if STATIC_MANIFEST
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, background tasks (Celery) -------------------------------------------------------
# One cache shared by every web and worker process (Redis) in production: the page cache, the
# data version, import progress and the per-municipality task locks. Without a URL each process
# keeps its own memory cache (the demo and the tests).
CACHE_URL = config("CACHE_URL", "",
                   "Shared cache, e.g. redis://127.0.0.1:6379/1. Empty: memory of each process (development only).")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL,
                          "KEY_PREFIX": "wijksturing"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "wijksturing",
            # whole public pages are cached (web.pagecache): room for every area page in two languages
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
CELERY_BROKER_URL = config("CELERY_BROKER_URL", "",
                           "Task queue, e.g. redis://127.0.0.1:6379/0. Empty: tasks run inside the process that starts them.")
CELERY_RESULT_BACKEND = config("CELERY_RESULT_BACKEND", "",
                               "Where task results are kept; empty: not kept (progress is on the import run).")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-task leaves it on the queue
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # the worker logs through LOGGING below (personal data filtered)
# An import or recomputation still "running" after this many seconds is marked failed (the
# process that ran it was stopped); the page and `wijksturing import_runs` say so.
WIJKSTURING_TASK_TIMEOUT = config("WIJKSTURING_TASK_TIMEOUT", 3 * 3600,
                                  "Seconds after which a running import or recomputation counts as failed.")

# --- E-mail --------------------------------------------------------------------------------
# Development prints e-mails on the console; production must set an SMTP host (the console
# backend would write residents' addresses and follow-up links into the server log).
EMAIL_HOST = config("EMAIL_HOST", "", "SMTP server; when set, e-mail is sent through it (otherwise printed, DEBUG only).")
EMAIL_BACKEND = config(
    "DJANGO_EMAIL_BACKEND",
    ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST or not DEBUG
     else "django.core.mail.backends.console.EmailBackend"),
    "E-mail backend; smtp when EMAIL_HOST is set or DEBUG is off, console in development.",
    shown_default="smtp, or console with DEBUG and no EMAIL_HOST",
)
EMAIL_PORT = config("EMAIL_PORT", 587, "SMTP port.")
EMAIL_HOST_USER = config("EMAIL_HOST_USER", "", "SMTP user name.")
EMAIL_HOST_PASSWORD = config("EMAIL_HOST_PASSWORD", "", "SMTP password.")
EMAIL_USE_TLS = config("EMAIL_USE_TLS", True, "STARTTLS to the SMTP server (port 587).")
EMAIL_USE_SSL = config("EMAIL_USE_SSL", False, "Implicit TLS to the SMTP server (port 465); not together with EMAIL_USE_TLS.")
EMAIL_TIMEOUT = config("EMAIL_TIMEOUT", 30, "Seconds before an SMTP connection gives up (the task retries).")
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", "noreply@wijksturing.localhost", "Sender of e-mails to residents.")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

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
# Ballot secrecy: online ballots reach the ballot table in shuffled batches of this size (docs/participation.md).
WIJKSTURING_BALLOT_BATCH = config("WIJKSTURING_BALLOT_BATCH", 10,
                                  "Online ballots are mixed in batches of at least this many before they are stored.")
RETENTION_DAYS = config("WIJKSTURING_RETENTION_DAYS", 365, "Days after closing before personal data is removed.")
# Signals (docs/signals.md): a reporter may reopen a handled signal from its follow page for this many days.
SIGNALS_REOPEN_DAYS = config("WIJKSTURING_SIGNALS_REOPEN_DAYS", 14,
                             "Days after handling in which the reporter may reopen a signal.")
# Krachten in de wijk (docs/organisations.md): an entry not confirmed by its organisation for this
# many days is marked as possibly out of date and listed for the area team.
ORGANISATIONS_CONFIRM_DAYS = config("WIJKSTURING_ORGANISATIONS_CONFIRM_DAYS", 365,
                                    "Days after its last confirmation before an organisation's entry is marked as stale.")

LOG_FORMAT = config("WIJKSTURING_LOG_FORMAT", "text", "Log format: `text`, or `json` (one object per line, for log collectors).")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "wijksturing.accounts.logging.PersonalDataFilter"}},
    "formatters": {"json": {"()": "wijksturing.conf.logformat.JsonFormatter"},
                   "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_personal_data"],
                             "formatter": "json" if LOG_FORMAT == "json" else "text"}},
    "root": {"handlers": ["console"], "level": config("WIJKSTURING_LOG_LEVEL", "INFO", "Log level.")},
    "loggers": {"django.db.backends": {"level": "WARNING"},
                # the development server's request lines go through the same filter (secrets in URLs)
                "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# --- HTTPS behind a proxy (production) --------------------------------------------------------
# The documented production settings (docs/deploy.md) pass `check --deploy` without warnings.
SECURE_PROXY_SSL_HEADER = (
    tuple(config("DJANGO_SECURE_PROXY_SSL_HEADER", [], "Header the TLS-terminating proxy sets, e.g. "
                 "`HTTP_X_FORWARDED_PROTO,https`; empty when the server is not behind a proxy."))
    or None
)
SECURE_SSL_REDIRECT = config("DJANGO_SECURE_SSL_REDIRECT", not DEBUG, "Redirect http to https.",
                             shown_default="true unless DEBUG")
SECURE_HSTS_SECONDS = config("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000,
                             "Strict-Transport-Security max-age; 0 turns HSTS off.", shown_default="31536000, 0 with DEBUG")
SECURE_HSTS_INCLUDE_SUBDOMAINS = config("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True, "HSTS for every subdomain too.")
SECURE_HSTS_PRELOAD = config("DJANGO_SECURE_HSTS_PRELOAD", True, "HSTS preload flag.")

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Abuse resistance and security headers (docs/security.md) ---------------------------------------
# Login lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name from one
# address, that pair is locked out for the cool-off time. Counted in the shared cache when CACHE_URL
# is set (Redis: every process sees the same count, nothing stored); without it in the database
# (the memory cache of one process would let each process count on its own).
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS.insert(0, "wijksturing.accounts.lockout.LoginLockoutBackend")
AXES_FAILURE_LIMIT = config("WIJKSTURING_LOGIN_FAILURE_LIMIT", 5, "Wrong passwords before a user name is locked out "
                            "for that client address.")
AXES_COOLOFF_TIME = config("WIJKSTURING_LOGIN_COOLOFF_MINUTES", 15, "Minutes a locked-out login stays locked "
                           "(the page says a quarter of an hour).") / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler" if CACHE_URL else "axes.handlers.database.AxesDatabaseHandler"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful sign-in (address, browser): only failures count
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False  # the lockout itself is logged; user names and addresses not on every attempt
# Passwords set in the admin or by a user: at least 12 characters, not a common or all-digit one,
# not like the user name (ASVS 2.1; sign-in through OpenID Connect leaves passwords to the provider).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Limits on public forms, voting codes and e-mail (wijksturing.accounts.ratelimit), and on the API.
WIJKSTURING_RATE_LIMITS: dict = {}
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = ["rest_framework.throttling.AnonRateThrottle",
                                              "rest_framework.throttling.UserRateThrottle"]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "anon": config("WIJKSTURING_API_RATE_ANON", "600/min", "API requests per client address without login."),
    "user": config("WIJKSTURING_API_RATE_USER", "2000/min", "API requests per signed-in user."),
    "open311_post": config("WIJKSTURING_OPEN311_POST_RATE", "120/min", "Open311 POSTs per API key (or address)."),
}
# Headers: a strict Content-Security-Policy (no inline script or style) and Permissions-Policy
# (wijksturing.web.security), no framing, no referrer to other sites.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "wijksturing.web.security.SecurityHeadersMiddleware")
MIDDLEWARE.insert(0, "wijksturing.accounts.ratelimit.ClientAddressMiddleware")
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Sessions end after 8 hours without a request (the cookie's age is renewed on every request).
SESSION_COOKIE_AGE = config("WIJKSTURING_SESSION_IDLE_HOURS", 8, "Hours without a request before a session ends.") * 3600
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
