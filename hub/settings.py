"""Safety Hub settings. Everything comes from environment variables (docs/configuration.md).

HUB_ENV chooses the mode: "development" (default: embedded SQLite, demo data, file outbox),
"test" (used by the test suite) or "production" (secure defaults, refuses an unsafe secret key).
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HUB_VAR_DIR", BASE_DIR / "var"))

HUB_ENV = os.environ.get("HUB_ENV", "development").strip().lower()
if HUB_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"HUB_ENV must be development, test or production, not {HUB_ENV!r}")
PRODUCTION = HUB_ENV == "production"
TESTING = HUB_ENV == "test"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if PRODUCTION:
        if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure"):
            raise ImproperlyConfigured(
                "Production mode needs SECRET_KEY: at least 50 random characters "
                '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
            )
        return key
    if key:
        return key
    if TESTING:
        return "test-only-" + "x" * 60
    # Development: a random key kept in var/ so sessions survive restarts.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False) and not PRODUCTION
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1]")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production mode needs ALLOWED_HOSTS (comma-separated host names).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
SITE_NAME = "Safety Hub"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_countries",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "hub.core",
    "hub.taxonomy",
    "hub.accounts",
    "hub.library",
    "hub.engagement",
    "hub.community",
    "hub.networks",
    "hub.events",
    "hub.gallery",
    "hub.moderation",
    "hub.search",
    "hub.searchpages",
    "hub.notifications",
    "hub.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hub.core.middleware.RejectUnreadableInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "hub.core.middleware.PermissionsPolicyMiddleware",
    # Last, so its process_exception sees a view's exception first (docs/configuration.md).
    "hub.core.unavailable.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hub.core.context_processors.site",
                "hub.notifications.context_processors.notifications",
            ],
        },
    },
]

# Database: DATABASE_URL (PostgreSQL in production), else embedded SQLite in var/.
_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # JIT compiling and parallel workers pay off for long reports on an idle server, not
        # for our short queries side by side: a search whose estimated cost crossed
        # jit_above_cost spent tens of milliseconds compiling, and under load member search's
        # parallel plan was slower (1M p50 56.8 ms; 40-52 ms in three runs without it).
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "options", "-c jit=off -c max_parallel_workers_per_gather=0"
        )
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "hub.sqlite3",
            "OPTIONS": {
                # WAL lets readers work while one writer writes; IMMEDIATE avoids
                # lock-upgrade deadlocks; timeout is the busy timeout in seconds.
                # mmap lets every connection read the file through the operating system's
                # page cache instead of copying pages into its own (SQLite maps up to 2 GiB);
                # past that, each connection keeps SQLITE_CACHE_KIB of pages itself.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                    f"PRAGMA mmap_size={int(os.environ.get('SQLITE_MMAP_SIZE', 0x7FFF0000))}; "
                    f"PRAGMA cache_size=-{int(os.environ.get('SQLITE_CACHE_KIB', 32768))};"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Keep connections open between requests: a new one starts with a cold page
            # cache and parses the schema again.
            "CONN_MAX_AGE": int(os.environ.get("SQLITE_CONN_MAX_AGE", 600)),
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: one store shared by every process, so rate limits (ours in hub/core/ratelimit.py and
# allauth's sign-in limits) and one-time codes count once however many workers there are.
# Redis when REDIS_URL is set, falling back to the database cache while Redis does not answer
# (hub/core/cache.py); the database cache otherwise. Its table is made by `migrate` (a
# post_migrate step in hub/core/apps.py) or `manage.py createcachetable`.
_redis_url = os.environ.get("REDIS_URL", "").strip()
_database_cache = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "hub_cache",
    "KEY_PREFIX": "hub",
}
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "hub.core.cache.ResilientRedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": "hub",
            "OPTIONS": {
                "FALLBACK": "database",
                "RETRY_AFTER": float(os.environ.get("REDIS_RETRY_AFTER", 5)),
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.5)),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.5)),
            },
        },
        "database": _database_cache,
    }
else:
    CACHES = {"default": _database_cache, "database": _database_cache}

# Background work: django.tasks with the database-backed worker (`manage.py run_worker`, a
# resilient db_worker: hub/core/worker.py).
TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# The worker (`manage.py run_worker`, hub/core/worker.py): a heartbeat row every few seconds;
# /healthz calls a worker unseen for WORKER_STALE_SECONDS stale, and the tasks such a worker
# left "running" are marked failed. After losing the database it retries with back-off up to
# WORKER_BACKOFF_MAX_SECONDS. Its maintenance also calls these (restarting broken task chains,
# sending at once what a dead worker had claimed).
WORKER_HEARTBEAT_SECONDS = float(os.environ.get("WORKER_HEARTBEAT_SECONDS", "5"))
WORKER_STALE_SECONDS = float(os.environ.get("WORKER_STALE_SECONDS", "30"))
WORKER_MAINTENANCE_SECONDS = 15
WORKER_BACKOFF_MAX_SECONDS = 30
WORKER_PERIODIC_CALLS = [
    "hub.notifications.tasks.resume_outbox",
    "hub.notifications.tasks.ensure_schedule",
    "hub.events.tasks.ensure_reminders_scheduled",
]

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's backends, each refusing a member with a ban in force (a ban on the
# author of an anonymous post leaves the account active: hub/moderation/auth.py).
AUTHENTICATION_BACKENDS = [
    "hub.moderation.auth.BanAwareModelBackend",
    "hub.moderation.auth.BanAwareAuthenticationBackend",
]
# NIST SP 800-63B / ASVS level 2: length 8..128, no composition rules, common and
# breached-pattern passwords refused.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "hub.accounts.passwords.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "email", "display_name")},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "hub.accounts.passwords.BreachedPatternValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if TESTING
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)

# django-allauth: email sign-in, mandatory verification, no account enumeration.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Safety Hub] "
ACCOUNT_ADAPTER = "hub.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "hub.accounts.signup.SignupForm"}
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
    "manage_email": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
MFA_TOTP_ISSUER = "Safety Hub"
LOGIN_REDIRECT_URL = "accounts:profile_me"
LOGIN_URL = "account_login"

# Mail (Django 6.1 MAILERS): a file outbox in var/mail/ by default, SMTP when EMAIL_HOST is set
# (required in production). Tests use Django's in-memory outbox.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Safety Hub <hub@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
MAIL_OUTBOX_DIR = VAR_DIR / "mail"
_email_host = os.environ.get("EMAIL_HOST", "").strip()
if TESTING:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
elif _email_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "use_ssl": env_bool("EMAIL_USE_SSL", False),
                "timeout": 20,
            },
        }
    }
elif PRODUCTION:
    raise ImproperlyConfigured("Production mode needs EMAIL_HOST (an SMTP server) to send mail.")
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(MAIL_OUTBOX_DIR)},
        }
    }

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880
FILE_UPLOAD_PERMISSIONS = 0o640
AVATAR_MAX_BYTES = 5 * 1024 * 1024
AVATAR_MAX_PIXELS = 40_000_000
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))
COMMENT_EDIT_WINDOW_MINUTES = int(os.environ.get("COMMENT_EDIT_WINDOW_MINUTES", "30"))

# Moderation (docs/safe-sharing.md): content is hidden, pending review, once this many
# different members have reported it.
MODERATION_AUTO_HIDE_REPORTS = int(os.environ.get("MODERATION_AUTO_HIDE_REPORTS", "3"))
# The patient-data guard (docs/pii-detection.md). Hospital numbers count only after a context
# word such as "MRN"; add your trusts' number formats here (regular expressions).
PII_HOSPITAL_NUMBER_PATTERNS = [r"[A-Z]{0,3}\d{5,10}[A-Z]?", r"[A-Z]{1,3}-?\d{4,10}"]

# Security headers. Strict CSP: scripts and styles from our origin or with the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    if env_bool("BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The health check is answered over plain HTTP for load balancers.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

ADMINS = [("Admin", a) for a in env_list("ADMIN_EMAILS")]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
