# wijksturing: the web process (gunicorn) and, with another command, the Celery worker.
# Built from the hashed lockfile only (pip --require-hashes); runs as an unprivileged user with a
# read-only application folder. See docs/deploy.md.
#
#   docker build -t wijksturing .
#   docker compose up            # web, worker, PostgreSQL and Redis (docker-compose.yml)

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements/base.txt /tmp/base.txt
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --require-hashes --only-binary=:all: -r /tmp/base.txt

FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app/src \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=wijksturing.conf.settings \
    WIJKSTURING_VAR_DIR=/var/lib/wijksturing \
    DJANGO_STATIC_ROOT=/app/static \
    WIJKSTURING_LOG_FORMAT=json \
    PORT=8000
# Pango for the report PDFs (WeasyPrint renders the HTML report templates to a tagged PDF).
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 wijksturing \
 && useradd --system --uid 10001 --gid wijksturing --home-dir /app --shell /usr/sbin/nologin wijksturing \
 && mkdir -p /var/lib/wijksturing \
 && chown wijksturing:wijksturing /var/lib/wijksturing
COPY --from=build /opt/venv /opt/venv
COPY LICENSE README.md pyproject.toml /app/
COPY src /app/src
WORKDIR /app
# Hashed and compressed static files, made once at build time (a key only for this command).
RUN DJANGO_SECRET_KEY=collectstatic-only-not-a-secret python -m wijksturing.cli collectstatic --noinput -v0
USER 10001:10001
VOLUME ["/var/lib/wijksturing"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]
CMD ["gunicorn", "-c", "python:wijksturing.conf.gunicorn", "wijksturing.wsgi"]
