#!/usr/bin/env bash
# Sets up a fresh Debian machine for Shinchoku: the system packages it drives (Chromium and the Noto CJK
# fonts for PDF; poppler and LibreOffice for the report tests; a PostgreSQL server for the storage suite;
# nginx as the benchmarks' static-file anchor), then the npm dependencies from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-cjk fonts-morisawa-bizud-gothic poppler-utils libreoffice-impress libreoffice-calc postgresql postgresql-client nginx-light)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
# `npm start` runs the compiled server (dist/); it builds again by itself whenever src/ changes.
npm run build
