#!/usr/bin/env bash
# Installs code-server (a real VS Code in the browser) from npm into a cache folder outside the
# git tree, working around its offline-hostile install steps; does nothing when already there.
# Usage: install-code-server.sh CACHE_DIR   (prints the code-server executable's path last)
set -euo pipefail
version=4.100.3  # the newest code-server whose install accepts Node 20
cache=${1:?usage: install-code-server.sh CACHE_DIR}
prefix="$cache/code-server-$version"
binary="$prefix/node_modules/.bin/code-server"
if [[ -x "$binary" && -f "$prefix/.complete" ]]; then
  echo "$binary"
  exit 0
fi
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[[ -e /usr/include/krb5.h || -e /usr/include/krb5/krb5.h ]] || missing+=(libkrb5-dev)
if (( ${#missing[@]} )); then
  echo "code-server needs Debian packages: apt-get install ${missing[*]}" >&2
  exit 3
fi
rm -rf "$prefix"
mkdir -p "$prefix" "$cache/tmp"
# @vscode/ripgrep downloads rg from GitHub unless its cache holds the archive: feed it Debian's rg.
rg_cache="$cache/tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache/rgdir"
cp "$(command -v rg)" "$rg_cache/rgdir/rg"
tar -czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rg_cache/rgdir" rg
cd "$prefix"
echo '{"name": "memphis-e2e-code-server", "private": true}' > package.json
# node-pty builds with `npx node-gyp` (npx refuses to install when yes=false); headers are
# Debian's; as root the install script needs unsafe-perm.
TMPDIR="$cache/tmp" npm_config_yes=true npm_config_nodedir=/usr npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --unsafe-perm "code-server@$version" >&2
touch "$prefix/.complete"
echo "$binary"
