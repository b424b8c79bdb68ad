# shellcheck shell=bash
# Sourced by .ci/run (never executed): makes the browser tests (pytest -m browser) runnable
# as CI_RECIPES.md section 2 shows: Debian's chromium + fonts-dejavu-core (Arabic glyphs)
# with --no-install-recommends if missing, and playwright==1.65.2 in the active venv.
# No `playwright install`: the tests launch /usr/bin/chromium. It does not `set -e` or
# exit; on failure the browser tests skip with their own reason.

_veille_browser_setup() {
  local sudo=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-dejavu-core >/dev/null 2>&1; then
    echo "browser.sh: installing chromium fonts-dejavu-core"
    $sudo apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      chromium fonts-dejavu-core >/dev/null || return 1
  fi
  local py="${VIRTUAL_ENV:+$VIRTUAL_ENV/bin/}python"
  if ! "$py" -c "import playwright" >/dev/null 2>&1; then
    "$py" -m pip install --quiet "playwright==1.65.2" || return 1
  fi
  echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null | head -1); playwright $("$py" -m pip show playwright 2>/dev/null | sed -n 's/^Version: //p')"
}

if ! _veille_browser_setup; then
  echo "browser.sh: setup failed; tests marked 'browser' will be skipped" >&2
fi
unset -f _veille_browser_setup
