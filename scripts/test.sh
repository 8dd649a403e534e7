#!/usr/bin/env bash
# Install the project with its test extras (and Chromium for the review-site browser test, and the Liberation
# fonts the WeasyPrint profiles are set in: without them a page breaks elsewhere), then run all the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
have_fonts() { command -v fc-list >/dev/null 2>&1 && fc-list : family | grep -q 'Liberation Serif'; }
if { ! command -v chromium >/dev/null 2>&1 || ! have_fonts; } && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null) \
    || echo "warning: could not install chromium and fonts-liberation; the browser and WeasyPrint tests will fail" >&2
fi
# Everything, the slow sweeps included (pyproject.toml's addopts leave them out of a plain pytest),
# unless the caller chooses the tests with -m.
marks=(-m "slow or not slow")
for arg in "$@"; do
  case "$arg" in -m | -m?*) marks=() ;; esac
done
exec python3 -m pytest ${marks[@]+"${marks[@]}"} "$@"
