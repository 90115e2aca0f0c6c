# For .ci/run, before "go test ./...": the web dashboard's real-browser test
# (dashboard/web TestBrowser) drives Debian's headless Chromium and fails when
# CI=true and no browser is found. Install it when missing.
echo "== chromium (for the dashboard's real-browser test)"
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
chromium --version || chromium-browser --version
