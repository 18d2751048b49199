# Finds a JDK 21 or newer and exports JAVA_HOME to it. Sourced by ./mvnw and ./tenet (POSIX sh).
#
# Many machines default to an older java while a newer JDK sits beside it, so both entry points
# look in the usual places instead of trusting whatever `java` is first on the PATH:
# JAVA_HOME, the PATH, /usr/lib/jvm, /usr/java, /opt, macOS JavaVirtualMachines, SDKMAN, ~/.jdks.
# TENET_JDK_ROOTS (colon-separated folders holding JDKs) replaces the usual folders; tests use it.

TENET_MIN_JAVA=21

# Prints the feature version (17, 21, 25...) of the JDK at $1, or nothing if it is not a JDK.
tenet_jdk_version() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null)
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$v" in
  1.*) v=${v#1.} ;;
  esac
  v=${v%%[!0-9]*}
  [ -n "$v" ] || return 1
  printf '%s\n' "$v"
}

# Resolves the JDK home of the java found on the PATH.
tenet_path_jdk() {
  j=$(command -v java 2>/dev/null) || return 1
  while [ -L "$j" ]; do
    l=$(readlink "$j")
    case "$l" in
    /*) j=$l ;;
    *) j=$(dirname "$j")/$l ;;
    esac
  done
  (cd "$(dirname "$j")/.." 2>/dev/null && pwd -P)
}

tenet_select_jdk() {
  for home in "${JAVA_HOME-}" "$(tenet_path_jdk)"; do
    [ -n "$home" ] || continue
    v=$(tenet_jdk_version "$home") || continue
    if [ "$v" -ge "$TENET_MIN_JAVA" ]; then
      JAVA_HOME=$home
      export JAVA_HOME
      return 0
    fi
  done

  roots=${TENET_JDK_ROOTS:-/usr/lib/jvm:/usr/java:/opt:/opt/java:/Library/Java/JavaVirtualMachines:${HOME:-/nonexistent}/Library/Java/JavaVirtualMachines:${HOME:-/nonexistent}/.sdkman/candidates/java:${HOME:-/nonexistent}/.jdks}
  best=
  bestv=0
  restore_f=
  case $- in *f*) restore_f=1 ; set +f ;; esac
  old_ifs=$IFS
  IFS=:
  for root in $roots; do
    IFS=$old_ifs
    [ -d "$root" ] || continue
    for home in "$root"/*; do
      [ -d "$home/Contents/Home" ] && home=$home/Contents/Home
      v=$(tenet_jdk_version "$home") || continue
      if [ "$v" -ge "$TENET_MIN_JAVA" ] && [ "$v" -gt "$bestv" ]; then
        best=$home
        bestv=$v
      fi
    done
  done
  IFS=$old_ifs
  [ -n "$restore_f" ] && set -f

  if [ -n "$best" ]; then
    JAVA_HOME=$best
    export JAVA_HOME
    return 0
  fi
  echo "Tenet needs a JDK $TENET_MIN_JAVA or newer and found none in JAVA_HOME, the PATH, /usr/lib/jvm, /Library/Java/JavaVirtualMachines or SDKMAN: install one (for example 'sudo apt install openjdk-21-jdk' or 'sdk install java 21-tem') or point JAVA_HOME at it." >&2
  return 1
}
