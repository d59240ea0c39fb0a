#!/usr/bin/env bash
# Installs everything reportgen and its tests need on a fresh Debian/Ubuntu machine:
# the system packages (fonts, poppler, qpdf for the PDF structure checks, LibreOffice for
# the conversion checks, Chromium and its driver, Java and Node.js for the web edition's
# checks), the Python package with its test extras, and the two npm checkers (axe-core,
# the Nu Html Checker) into .cache/web-check/ (git-ignored). Safe to run again; skips
# what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || need+=(fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
if [ "${REPORTGEN_SKIP_LIBREOFFICE:-0}" != 1 ]; then
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-impress libreoffice-calc)
fi
# The web edition's browser tests: Debian's Chromium driven through chromedriver, the
# Nu Html Checker on Java, axe-core and vnu-jar fetched with npm.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing system packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

# Exact versions, so every machine checks against the same rules. No lock file: the
# prefix is a private tool folder, not a Node project. --ignore-scripts: vnu-jar's
# postinstall would look for (and try to fetch) a Java runtime; the step above installs one.
WEB_CHECK=.cache/web-check
AXE_VERSION=4.14.1
VNU_VERSION=26.9.27
have() { [ -f "$WEB_CHECK/node_modules/$1/package.json" ] && grep -q "\"version\": \"$2\"" "$WEB_CHECK/node_modules/$1/package.json"; }
if ! have axe-core "$AXE_VERSION" || ! have vnu-jar "$VNU_VERSION"; then
  echo "Installing axe-core $AXE_VERSION and vnu-jar $VNU_VERSION into $WEB_CHECK"
  npm install --silent --ignore-scripts --no-save --no-package-lock --no-audit --no-fund --prefix "$WEB_CHECK" \
    "axe-core@$AXE_VERSION" "vnu-jar@$VNU_VERSION" >/dev/null
fi
