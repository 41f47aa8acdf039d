#!/usr/bin/env sh
# The browser tests drive Chromium. Use Debian's package where the machine can install it (no
# browser download is possible there); anywhere else, Playwright's own build.
set -e
if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; then
	exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	echo "Installing Debian's chromium for the browser tests…"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "No /usr/bin/chromium: using Playwright's own Chromium."
npx playwright install chromium
