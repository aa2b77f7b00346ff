#!/usr/bin/env bash
# Installs what the end-to-end tests drive: code-server (a real VS Code served
# to a browser) and Debian's chromium. Desktop VS Code cannot be downloaded on
# the project's machines, and code-server's own install would download ripgrep
# from outside the npm registry, so this script satisfies that download from
# Debian's rg beforehand.
#
# Idempotent: packages already present are not reinstalled, and code-server is
# installed once per version into a cache folder outside the repository, then
# reused. The last line printed is the code-server binary's path; when
# everything is in place it is the only one, so a test run stays quiet.
set -euo pipefail

# code-server 4.100.3 (VS Code 1.100.3) is the last release that runs on Node 20;
# later ones want Node 24.
readonly CODE_SERVER_VERSION=4.100.3
# code-server 4.100.3's lib/vscode/npm-shrinkwrap.json pins @vscode/ripgrep
# 1.15.11, whose lib/download.js looks for this asset (release v13.0.0-10) in
# $TMPDIR/vscode-ripgrep-cache-1.15.11/ before trying to download it.
readonly VSCODE_RIPGREP_VERSION=1.15.11
readonly RIPGREP_RELEASE=v13.0.0-10
# code-server 4.100.3's npm-shrinkwrap.json pins argon2, whose install script
# allowScripts approves below.
readonly ARGON2_VERSION=0.31.2

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/corroborate"
install_dir="$cache_root/code-server-$CODE_SERVER_VERSION"
code_server_bin="$install_dir/node_modules/.bin/code-server"
# Written last, so an interrupted install is never mistaken for a finished one.
installed_marker="$install_dir/.installed"

log() { printf '[install-code-server] %s\n' "$*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
  local missing=()
  local package
  for package in chromium ripgrep libkrb5-dev; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    return
  fi
  log "installing Debian packages: ${missing[*]}"
  # A package list older than the archive (or none at all) makes the install
  # fail on vanished versions, so refresh it whenever something must be fetched.
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

ripgrep_target() {
  case "$(uname -m)" in
    x86_64) echo x86_64-unknown-linux-musl ;;
    aarch64 | arm64) echo aarch64-unknown-linux-musl ;;
    *)
      log "no @vscode/ripgrep asset name known for architecture $(uname -m)"
      exit 1
      ;;
  esac
}

# Puts Debian's rg where @vscode/ripgrep's postinstall expects its download.
prepare_ripgrep_cache() {
  local npm_tmpdir="$1"
  local cache_dir="$npm_tmpdir/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  local tarball
  tarball="$cache_dir/ripgrep-$RIPGREP_RELEASE-$(ripgrep_target).tar.gz"
  mkdir -p "$cache_dir"
  tar -czf "$tarball" -C /usr/bin rg
  log "ripgrep download satisfied by $tarball"
}

install_code_server() {
  if [[ -f $installed_marker && -x $code_server_bin ]]; then
    return
  fi
  if [[ $(node -p 'process.versions.node.split(".")[0]') != 20 ]]; then
    log "code-server $CODE_SERVER_VERSION needs Node 20; found $(node --version)"
    exit 1
  fi

  # Installing into a staging folder and renaming it at the end keeps a failed
  # or interrupted install from leaving a half-built folder at the final path.
  local staging="$install_dir.partial"
  rm -rf "$staging"
  mkdir -p "$staging/tmp"
  prepare_ripgrep_cache "$staging/tmp"

  # node-gyp downloads Node's headers unless told where they are, and the
  # machines reach nothing to download them from.
  if [[ -z ${npm_config_nodedir:-} && -f /usr/include/node/node_version.h ]]; then
    export npm_config_nodedir=/usr
  fi

  # npm 11.19 runs a dependency's install script that no allowScripts entry
  # approves with a warning, and its documentation says such scripts are
  # blocked: the two the editor needs are approved, pinned to the versions
  # reviewed. code-server's
  # installs VS Code's own modules (the terminal's node-pty among them);
  # argon2's builds the module code-server loads to check passwords.
  printf '{ "private": true, "allowScripts": { "code-server@%s": true, "argon2@%s": true } }\n' \
    "$CODE_SERVER_VERSION" "$ARGON2_VERSION" > "$staging/package.json"

  log "installing code-server@$CODE_SERVER_VERSION into $install_dir (builds native modules; about a minute)"
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would
  #   otherwise ask before installing node-gyp and fail without a terminal.
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root
  #   without it.
  # npm_config_build_from_source: argon2's and kerberos's install scripts
  #   would first try to download a prebuilt binary from GitHub; this has
  #   them (and @parcel/watcher) compile theirs instead.
  # TMPDIR: where @vscode/ripgrep's postinstall looks for its cached download.
  (
    cd "$staging"
    TMPDIR="$staging/tmp" npm_config_yes=true npm_config_unsafe_perm=true npm_config_build_from_source=true \
      npm install --no-save --no-package-lock --prefix "$staging" "code-server@$CODE_SERVER_VERSION" >&2
  )

  # Starting the binary proves the install runs; its config and data folders
  # are pointed into the staging folder because even --version writes a
  # default config file with a password into the user's home otherwise.
  local version
  version=$(XDG_CONFIG_HOME="$staging/tmp" XDG_DATA_HOME="$staging/tmp" \
    "$staging/node_modules/.bin/code-server" --version | grep -m 1 "^$CODE_SERVER_VERSION ") || {
    log "the installed code-server does not report version $CODE_SERVER_VERSION"
    exit 1
  }
  rm -rf "$staging/tmp"

  rm -rf "$install_dir"
  mv "$staging" "$install_dir"
  echo "$version" > "$installed_marker"
  log "installed $version"
}

install_debian_packages
install_code_server
echo "$code_server_bin"
