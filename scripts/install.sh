#!/usr/bin/env bash
# Installs everything reportgen and its tests need on a fresh Debian/Ubuntu machine:
# the system packages (fonts, poppler, LibreOffice for the conversion checks) and the
# Python package with its test extras. Safe to run again; skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || need+=(fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ "${REPORTGEN_SKIP_LIBREOFFICE:-0}" != 1 ]; then
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-impress libreoffice-calc)
fi
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing system packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
