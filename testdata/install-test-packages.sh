#!/usr/bin/env bash
# Installs the Debian packages the integration tests use, if they are missing:
#   chromium, chromium-driver   HtmlReportBrowserIT opens the HTML report in headless Chromium
# Run by Maven (cli module, pre-integration-test) and so by `mvn verify` and .ci/run; needs root
# (or sudo) only when something is missing.
set -euo pipefail
packages=()
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
[ ${#packages[@]} -eq 0 ] && exit 0
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
echo "install-test-packages: installing ${packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q >/dev/null || { echo "install-test-packages: apt-get update failed; install ${packages[*]} by hand" >&2; exit 1; }
"${sudo[@]}" apt-get install -y -q "${packages[@]}" >/dev/null
