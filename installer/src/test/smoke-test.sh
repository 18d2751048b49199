#!/usr/bin/env bash
# Smoke test of Tenet's Linux distributables, as a user meets them (run by `./mvnw -Pdist verify`):
#
#   - the app-image, and the contents of every .deb and .rpm (extracted with dpkg-deb -x /
#     rpm2cpio), each: runs `tenet scan --demo` headless (no display at all), lists and exports
#     what it stored, signs and verifies a PDF report, opens the console under Xvfb on the sample
#     organization (the window appears with its icon, the demo assessment it runs gets stored, a
#     screenshot is kept in the work folder), and writes nothing into ~/.openjfx;
#   - the packages' metadata: control fields, desktop entry, icon, maintainer scripts;
#   - as root (or with passwordless sudo), where mount namespaces allow it, a real install: dpkg -i
#     / rpm -i into throwaway overlays of /usr, /opt, /etc and /var, then `tenet` from the PATH,
#     then removal; once as on a server without a desktop menu, once as on a desktop. Nothing
#     outside the namespace changes.
#
# Usage: smoke-test.sh --app-image DIR --packages DIR --work DIR
# Needs: xvfb-run and xauth, ImageMagick (import, identify), xdotool, x11-utils (xprop); dpkg-deb for .deb
# files, rpm2cpio and cpio for .rpm files.
set -Eeuo pipefail
trap 'printf "[smoke] FAILED: line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR

app_image="" packages="" work=""
console_timeout=${TENET_SMOKE_CONSOLE_TIMEOUT:-240}

say() { printf '[smoke] %s\n' "$*"; }
fail() {
  printf '[smoke] FAILED: %s\n' "$*" >&2
  exit 1
}
need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "$tool is missing (Debian/Ubuntu: apt-get install xvfb xauth imagemagick xdotool x11-utils rpm2cpio cpio)"
  done
}

# A fresh user: Java takes user.home from the password database, not from $HOME, hence
# JAVA_TOOL_OPTIONS (which the JVM reads whatever launched it; it says so on stderr).
as_user() { # home command...
  local home=$1
  shift
  env -u TENET_HOME -u XDG_DATA_HOME HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" "$@"
}

# Runs a command as a fresh user with no display; prints its stdout, keeps stderr in $2.
headless() { # home stderr-file command...
  local home=$1 errors=$2
  shift 2
  as_user "$home" env -u DISPLAY -u WAYLAND_DISPLAY "$@" 2>"$errors"
}

# The console, started by the launcher under the Xvfb of this process (see --console below).
console_check() { # launcher home screenshot version
  local launcher=$1 home=$2 shot=$3 version=$4
  local err="$home/console.stderr"
  as_user "$home" "$launcher" demo >"$home/console.stdout" 2>"$err" &
  local pid=$! waited=0 window=""
  # shellcheck disable=SC2064 # the pid is meant to be expanded now
  trap "kill $pid 2>/dev/null || true" EXIT
  # Wait until the demo assessment run by the console is stored (the command line reads it).
  # (Commands' output is captured before grep -q reads it: with pipefail, grep -q closing the pipe
  # early would fail the writer with SIGPIPE.)
  until grep -q 'github:acme-corp' <<<"$(as_user "$home" "$launcher" history 2>/dev/null)"; do
    kill -0 "$pid" 2>/dev/null || fail "the console exited early: $(cat "$err")"
    [ "$waited" -lt "$console_timeout" ] || fail "the console stored no demo assessment within ${console_timeout}s"
    sleep 2
    waited=$((waited + 2))
  done
  sleep 3 # let the dashboard render the stored assessment
  window=$(xdotool search --name "^Tenet $version .* demo\$" | head -n 1 || true)
  [ -n "$window" ] || fail "no window titled 'Tenet $version · demo'"
  local wm_class
  wm_class=$(xprop -id "$window" WM_CLASS)
  case "$wm_class" in
  *'"dev.tenet.app.gui.ConsoleApp"'*) ;;
  *) fail "window class is $wm_class; the desktop entry's StartupWMClass expects dev.tenet.app.gui.ConsoleApp" ;;
  esac
  grep -q 'Icon (' <<<"$(xprop -id "$window" _NET_WM_ICON)" || fail "the window has no icon"
  import -window root "$shot"
  local spread
  spread=$(identify -format '%[fx:standard_deviation]' "$shot")
  awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "the screenshot is blank (deviation $spread)"
  # Java's warnings and stack traces, not GTK's chatter about a session bus Xvfb does not have.
  if grep -Eq 'Exception|^WARNING: ' "$err"; then
    fail "the console wrote errors: $(cat "$err")"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  say "  console: window with its icon, demo assessment run and stored (screenshot $shot)"
}

if [ "${1-}" = --console ]; then
  shift
  console_check "$@"
  exit 0
fi

while [ $# -gt 0 ]; do
  case "$1" in
  --app-image) app_image=$2 ;;
  --packages) packages=$2 ;;
  --work) work=$2 ;;
  *) fail "unknown argument $1" ;;
  esac
  shift 2
done
if [ -z "$app_image" ] || [ -z "$packages" ] || [ -z "$work" ]; then
  fail "usage: smoke-test.sh --app-image DIR --packages DIR --work DIR"
fi
need xvfb-run xauth import identify xdotool xprop
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd -P)
app_image=$(cd "$app_image" && pwd -P) || fail "no app-image at $app_image"
packages=$(cd "$packages" && pwd -P) || fail "no packages folder at $packages"

# Everything a user does with one installed copy of Tenet, given its launcher.
check_launcher() { # label launcher
  local label=$1 launcher=$2
  local home="$work/$label/home" out="$work/$label"
  mkdir -p "$home"
  say "$label: $launcher"
  [ -x "$launcher" ] || fail "$label: no launcher at $launcher"

  local version
  version=$(headless "$home" "$out/version.stderr" "$launcher" --version)
  [[ "$version" =~ ^tenet\ [0-9] ]] || fail "$label: --version printed '$version'"
  version=${version#tenet }

  headless "$home" "$out/scan.stderr" "$launcher" scan --demo >"$out/scan.stdout" ||
    fail "$label: tenet scan --demo failed: $(cat "$out/scan.stderr")"
  grep -q 'overall' "$out/scan.stdout" || fail "$label: no summary from the scan: $(cat "$out/scan.stdout")"
  # The default data folder, in the (fresh) home.
  [ -f "$home/.local/share/tenet/tenet.db" ] || fail "$label: the scan stored nothing in ~/.local/share/tenet"
  if grep -Eq 'Exception|^WARNING: ' "$out/scan.stderr"; then
    fail "$label: the scan wrote warnings: $(cat "$out/scan.stderr")"
  fi
  headless "$home" "$out/report.stderr" "$launcher" report latest --format json -o "$out/report.json" ||
    fail "$label: tenet report failed: $(cat "$out/report.stderr")"
  grep -q '"tenet.assessment/v1"' "$out/report.json" || fail "$label: the JSON report has no schema"
  say "  command line: scan --demo, history and report work without a display"

  # A signed PDF report, with the trimmed runtime's own crypto (PKCS #12, EC, CMS), verified.
  local keytool=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ]; then
    keytool="$JAVA_HOME/bin/keytool"
  else
    keytool=$(command -v keytool || true)
  fi
  if [ -n "$keytool" ]; then
    rm -f "$out/team.p12"
    "$keytool" -genkeypair -keystore "$out/team.p12" -storetype PKCS12 -storepass smoke-test-pass \
      -alias tenet -keyalg EC -groupname secp256r1 -dname "CN=Smoke Test" -validity 2 \
      >"$out/keytool.log" 2>&1 || fail "$label: keytool could not make a test key: $(cat "$out/keytool.log")"
    TENET_SIGNING_PASSWORD=smoke-test-pass headless "$home" "$out/sign.stderr" "$launcher" \
      report latest --format pdf --sign "$out/team.p12" -o "$out/signed.pdf" >/dev/null ||
      fail "$label: a signed PDF report failed: $(cat "$out/sign.stderr")"
    headless "$home" "$out/verify.stderr" "$launcher" verify "$out/signed.pdf" >"$out/verify.stdout" ||
      fail "$label: tenet verify refused the signed report: $(cat "$out/verify.stderr")"
    grep -q 'Signed by Smoke Test' "$out/verify.stdout" ||
      fail "$label: verify did not name the signer: $(cat "$out/verify.stdout")"
    say "  a PDF report signed and verified with the bundled runtime"
  else
    say "  (no keytool here: the signed report check is skipped)"
  fi

  # Another fresh user: the console must store its own demo assessment.
  local console_home="$work/$label/home-console"
  mkdir -p "$console_home"
  xvfb-run -a -s "-screen 0 1440x900x24" bash "$0" --console "$launcher" "$console_home" "$out/console.png" "$version"

  if [ -e "$home/.openjfx" ] || [ -e "$console_home/.openjfx" ]; then
    fail "$label: JavaFX extracted native libraries into ~/.openjfx"
  fi
  say "  nothing extracted into ~/.openjfx"
}

# A command on the PATH is a symlink to the launcher: the launcher must find its app through it.
check_symlinked() { # label launcher
  local bin="$work/$1/bin"
  mkdir -p "$bin"
  ln -s "$2" "$bin/tenet"
  local home="$work/$1/home-link"
  mkdir -p "$home"
  headless "$home" "$work/$1/link.stderr" "$bin/tenet" scan --demo --quiet ||
    fail "$1: tenet through a symlink failed: $(cat "$work/$1/link.stderr")"
  say "  a symlink to the launcher runs it (how /usr/bin/tenet works)"
}

check_desktop_entry() { # label root-of-extracted-package
  local entry
  entry=$(find "$2/opt/tenet/lib" -maxdepth 1 -name '*.desktop' | head -n 1)
  [ -n "$entry" ] || fail "$1: no desktop entry in the package"
  grep -qx 'Exec=/opt/tenet/bin/Tenet' "$entry" || fail "$1: desktop entry does not start /opt/tenet/bin/Tenet: $(grep Exec= "$entry")"
  grep -qx 'Icon=/opt/tenet/lib/Tenet.png' "$entry" || fail "$1: desktop entry icon: $(grep Icon= "$entry")"
  [ -f "$2/opt/tenet/lib/Tenet.png" ] || fail "$1: the icon is missing"
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate --no-hints "$entry" || fail "$1: invalid desktop entry"
  fi
  say "  desktop entry and icon"
}

# Installs a package for real inside a private mount namespace whose /usr, /opt, /etc and /var are
# overlays on throwaway folders, runs `tenet` from the PATH, removes the package.
check_installed() { # label install-command remove-command
  local label=$1 install=$2 remove=$3 as_root=()
  if [ "$(id -u)" != 0 ]; then
    # CI runners allow passwordless sudo; elsewhere this part is skipped, not failed.
    if sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      say "  real install skipped (needs root or passwordless sudo)"
      return 0
    fi
  fi
  if ! command -v unshare >/dev/null; then
    say "  real install skipped (no unshare)"
    return 0
  fi
  local layers="$work/$label/overlay" home="$work/$label/home-installed"
  mkdir -p "$home"
  local script="$work/$label/install.sh"
  cat >"$script" <<EOF
set -eu
for dir in /usr /opt /etc /var; do
  mkdir -p "$layers\$dir/upper" "$layers\$dir/work"
  mount -t overlay overlay -o "lowerdir=\$dir,upperdir=$layers\$dir/upper,workdir=$layers\$dir/work" "\$dir"
done
gone() { [ ! -e "\$1" ] && [ ! -L "\$1" ] || { echo "\$1 left behind" >&2; exit 1; }; }

# xdg-desktop-menu, run by the maintainer scripts, needs both folders to exist.
echo "== a server: no desktop menu"
rm -rf /etc/xdg/menus /usr/share/desktop-directories
$install
[ "\$(command -v tenet)" = /usr/bin/tenet ] || { echo "tenet is not on the PATH after installing" >&2; exit 1; }
env -u DISPLAY HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" tenet scan --demo --quiet
[ -f "$home/.local/share/tenet/tenet.db" ] || { echo "tenet from the PATH stored nothing" >&2; exit 1; }
$remove
gone /usr/bin/tenet
gone /opt/tenet

echo "== a desktop: the entry goes into the menu"
mkdir -p /etc/xdg/menus /usr/share/desktop-directories
$install
[ -f /usr/share/applications/tenet-Tenet.desktop ] || { echo "no menu entry installed" >&2; exit 1; }
env -u DISPLAY HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" tenet --version
$remove
gone /usr/share/applications/tenet-Tenet.desktop
gone /usr/bin/tenet
gone /opt/tenet
EOF
  if ! "${as_root[@]}" unshare --mount --propagation private true 2>/dev/null; then
    say "  real install skipped (no mount namespaces here)"
    return 0
  fi
  # Its own HOME too: rpm keeps a user database there on Debian-like systems.
  mkdir -p "$work/$label/root-home"
  local status=0
  "${as_root[@]}" env HOME="$work/$label/root-home" unshare --mount --propagation private \
    bash "$script" >"$work/$label/install.log" 2>&1 || status=$?
  # What root wrote here, so that the next build (unprivileged) can clean its target folder.
  "${as_root[@]}" rm -rf "$layers" "$home" "$work/$label/root-home"
  [ "$status" = 0 ] || fail "$label: installing for real failed: $(cat "$work/$label/install.log")"
  say "  installed for real (in a throwaway namespace), as on a server and as on a desktop: tenet on"
  say "  the PATH runs, the menu entry appears where a menu exists, removal cleans up"
}

check_launcher app-image "$app_image/bin/Tenet"
check_symlinked app-image "$app_image/bin/Tenet"

shopt -s nullglob
debs=("$packages"/*.deb)
rpms=("$packages"/*.rpm)
[ ${#debs[@]} -gt 0 ] || [ ${#rpms[@]} -gt 0 ] || fail "no .deb or .rpm in $packages"

for deb in "${debs[@]}"; do
  need dpkg-deb
  label=deb
  root="$work/$label/root"
  mkdir -p "$root" "$work/$label/control"
  say "$label: $deb"
  dpkg-deb --info "$deb" >"$work/$label/info"
  grep -q '^ Package: tenet$' "$work/$label/info" || fail "deb: package name is not tenet"
  grep -q '^ Depends: libc6, .*xdg-utils' "$work/$label/info" || fail "deb: Depends lacks libc6 or xdg-utils (menu entry)"
  grep -q '^ Depends: .*libgtk-3' "$work/$label/info" || fail "deb: no dependency on GTK 3 (JavaFX)"
  dpkg-deb --control "$deb" "$work/$label/control"
  grep -q 'update-alternatives --install /usr/bin/tenet tenet /opt/tenet/bin/Tenet' "$work/$label/control/postinst" ||
    fail "deb: postinst does not put tenet on the PATH"
  grep -q 'update-alternatives --remove tenet /opt/tenet/bin/Tenet' "$work/$label/control/prerm" ||
    fail "deb: prerm does not take tenet off the PATH"
  for script in postinst prerm postrm; do
    sh -n "$work/$label/control/$script" || fail "deb: $script is not valid sh"
  done
  say "  control fields and maintainer scripts"
  dpkg-deb --extract "$deb" "$root"
  check_desktop_entry "$label" "$root"
  check_launcher "$label" "$root/opt/tenet/bin/Tenet"
  check_symlinked "$label" "$root/opt/tenet/bin/Tenet"
  check_installed "$label" "dpkg -i '$deb'" "dpkg -r tenet"
done

for rpm in "${rpms[@]}"; do
  need rpm rpm2cpio cpio
  label=rpm
  root="$work/$label/root"
  mkdir -p "$root"
  say "$label: $rpm"
  [ "$(rpm -qp --queryformat '%{NAME}' "$rpm" 2>/dev/null)" = tenet ] || fail "rpm: package name is not tenet"
  grep -qx /usr/bin/tenet <<<"$(rpm -qpl "$rpm" 2>/dev/null)" || fail "rpm: /usr/bin/tenet is not in the package"
  say "  package name and /usr/bin/tenet in the file list"
  (cd "$root" && rpm2cpio "$rpm" | cpio --quiet -idm)
  [ "$(readlink "$root/usr/bin/tenet")" = /opt/tenet/bin/Tenet ] || fail "rpm: /usr/bin/tenet does not point at /opt/tenet/bin/Tenet"
  check_desktop_entry "$label" "$root"
  check_launcher "$label" "$root/opt/tenet/bin/Tenet"
  check_symlinked "$label" "$root/opt/tenet/bin/Tenet"
  # --nodeps: the dependencies are Fedora package names, absent from this machine's rpm database.
  check_installed "$label" "rpm -i --nodeps '$rpm'" "rpm -e tenet"
done

say "all checks passed; screenshots in $work/*/console.png"
