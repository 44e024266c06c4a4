#!/usr/bin/env bash
# Real-browser check of the click widget: start JupyterLab on localhost, open nbs/tutorials/click_to_segment.ipynb in
# headless Chromium (Debian's `chromium`, driven by the npm package playwright-core: no browser download), run all
# cells, click on the object in the widget's image and check that the mask overlay and the status line change.
# Run from the repo root with the venv's bin on PATH (as .ci/run does). Exit 0 on success.
# Env: MIS_BROWSER_SHOTS=DIR keeps the screenshots there (default: a new temp dir, printed at the end).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd); here="$root/.ci/checks"
nb="$root/nbs/tutorials/click_to_segment.ipynb"
PW_VERSION=1.65.1
fail() { echo "browser check: $*" >&2; exit 1; }
[ -f "$nb" ] || fail "$nb is missing"
command -v jupyter-lab >/dev/null || fail "jupyter-lab is not on PATH (run with the venv's bin on PATH)"
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are needed (apt-get install nodejs npm)"

# 1. Chromium from Debian (never a browser download).
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || fail "apt-get install chromium failed"
fi

# 2. playwright-core (no postinstall download) in a cache outside the repo, reused between runs.
pw="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/mis-ci/playwright-core-$PW_VERSION"
if [ ! -f "$pw/node_modules/playwright-core/package.json" ]; then
  echo "== installing playwright-core@$PW_VERSION into $pw"
  mkdir -p "$pw" && timeout 300 npm install --prefix "$pw" --no-audit --no-fund --loglevel=error "playwright-core@$PW_VERSION" \
    || fail "npm install playwright-core failed"
fi

# 3. JupyterLab on a free localhost port, with its own token, runtime/config/settings dirs, serving a copy of the
#    tutorial (so nothing in the repo can be touched by autosave). Stopped on exit, whatever happens.
tmp=$(mktemp -d); shots="${MIS_BROWSER_SHOTS:-$(mktemp -d)}"; mkdir -p "$shots" "$tmp/nb" "$tmp/home"
cp "$nb" "$tmp/nb/"
lab_pid=
cleanup() {
  if [ -n "$lab_pid" ] && kill -0 "$lab_pid" 2>/dev/null; then
    kill -TERM "$lab_pid" 2>/dev/null
    for _ in $(seq 20); do kill -0 "$lab_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$lab_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
port=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(python -c 'import secrets; print(secrets.token_hex(16))')
export JUPYTER_RUNTIME_DIR="$tmp/runtime" JUPYTER_CONFIG_DIR="$tmp/config" JUPYTERLAB_SETTINGS_DIR="$tmp/settings" \
       JUPYTERLAB_WORKSPACES_DIR="$tmp/workspaces" IPYTHONDIR="$tmp/ipython" HF_HUB_OFFLINE=1 MPLBACKEND=Agg
echo "== starting JupyterLab on 127.0.0.1:$port"
jupyter-lab --no-browser --ip=127.0.0.1 --port="$port" --ServerApp.port_retries=0 --IdentityProvider.token="$token" \
  --ServerApp.root_dir="$tmp/nb" --ServerApp.allow_root=True --LabApp.expose_app_in_browser=True \
  --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
  >"$tmp/lab.log" 2>&1 &
lab_pid=$!
ok=
for _ in $(seq 120); do   # up to 60 s
  kill -0 "$lab_pid" 2>/dev/null || break
  if python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/api/status?token=$token', timeout=2)" 2>/dev/null; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || { tail -30 "$tmp/lab.log" >&2; fail "JupyterLab did not start within 60 s"; }

# 4. The browser part (bounded: the script stops itself after 150 s; timeout is the backstop).
echo "== running the notebook in headless chromium"
NODE_PATH="$pw/node_modules" timeout 170 node "$here/browser_check.js" \
  "http://127.0.0.1:$port" "$token" "$(basename "$nb")" "$shots"
rc=$?
if [ $rc -ne 0 ]; then echo "== JupyterLab log (tail):" >&2; tail -40 "$tmp/lab.log" >&2; fi
echo "== screenshots in $shots"
exit $rc
