#!/usr/bin/env bash
# Installs the consumers the conformance checks run, on a fresh Debian machine (as root), from Debian's
# packages and PyPI only. Idempotent: installs only what is missing; prints one line when all is ready.
#   Debian: graphviz (gc, dot), libxml2-utils (xmllint), chromium, fonts-liberation2 (mermaid's text metrics)
#   PyPI:   networkx, igraph, xmlschema, and artoo-mermaid (which ships mermaid.min.js 11.16.0; data only)
set -euo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
fail() { echo "install.sh: $*" >&2; cat "$log" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_BREAK_SYSTEM_PACKAGES=1
mermaid_sha256=74d7c46dabca328c2294733910a8aa1ed0c37451776e8d5295da38a2b758fb9b  # mermaid 11.16.0 dist/mermaid.min.js

missing=()
command -v python3 >/dev/null || missing+=(python3 python3-pip)
command -v gc >/dev/null && command -v dot >/dev/null || missing+=(graphviz)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v chromium >/dev/null || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-liberation2 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-liberation2)
if ((${#missing[@]})); then
  apt-get update -qq >"$log" 2>&1 || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1 || fail "apt-get install ${missing[*]} failed"
fi
python3 -c 'import networkx' 2>/dev/null || python3 -m pip install -q "networkx>=3.2" >"$log" 2>&1 || fail "pip install networkx failed"
python3 -c 'import igraph' 2>/dev/null || python3 -m pip install -q "igraph>=0.11" >"$log" 2>&1 || fail "pip install igraph failed"
python3 -c 'import xmlschema' 2>/dev/null || python3 -m pip install -q "xmlschema>=3.3" >"$log" 2>&1 || fail "pip install xmlschema failed"
# artoo-mermaid asks for Python 3.12 and a dependency it does not use: it is only a folder of assets here.
locate='import importlib.util as u, os; s = u.find_spec("artoo_mermaid"); print(os.path.join(list(s.submodule_search_locations)[0], "assets", "mermaid.min.js") if s else "")'
js=$(python3 -c "$locate")
if [ -z "$js" ]; then
  python3 -m pip install -q --no-deps --ignore-requires-python "artoo-mermaid==11.16.0" >"$log" 2>&1 || fail "pip install artoo-mermaid failed"
  js=$(python3 -c "$locate")
fi
echo "$mermaid_sha256  $js" | sha256sum -c --status || fail "$js is not mermaid 11.16.0 (its sha256 differs)"
echo "consumers ready: $(dot -V 2>&1 | head -1), $(xmllint --version 2>&1 | head -1), $(chromium --version 2>/dev/null), mermaid 11.16.0"
