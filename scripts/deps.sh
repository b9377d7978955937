#!/usr/bin/env bash
# Installs what building rotaplan needs, if missing, and says what it installed.
#
#   bash scripts/deps.sh          # cargo; cmake, g++, libclang (apt); the crates (cargo fetch)
#   bash scripts/deps.sh --lint   # the same, plus rustfmt and clippy (rustup)
#   bash scripts/deps.sh --test   # the same, plus Chromium (apt), which renders report.html in a test
#
# HiGHS is compiled from source by the highs-sys crate: its build script runs cmake and a
# C++ compiler, and bindgen, which loads libclang at build time. Each prerequisite is
# checked by what the build actually uses (see have_libclang). Faults a user can fix (no
# Rust, no apt-get, no network to a package registry) end with exit code 2 and what to do.
set -euo pipefail

lint=0
browser=0
for arg in "$@"; do
    case "$arg" in
    --lint) lint=1 ;;
    --test) browser=1 ;;
    *)
        echo "deps.sh: unknown argument '$arg' (usage: deps.sh [--lint] [--test])" >&2
        exit 2
        ;;
    esac
done

fail() {
    echo "deps.sh: $*" >&2
    exit 2
}
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# --- Rust ----------------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 ||
    fail "Rust is not installed (no 'cargo' on PATH). Install it with rustup (https://rustup.rs),
open a new shell (or 'source ~/.cargo/env') and run this command again."

# --- libclang, exactly as bindgen (clang-sys) looks for it ---------------------------
# clang-sys loads a file named libclang.so, libclang.so.N, libclang-N.so or libclang-N.so.N
# from $LIBCLANG_PATH, `llvm-config --libdir`, the linker cache or the usual directories.
# libclang-cpp.so.N (package libclang-cppN, present on many machines) is a different
# library: it does not count.
is_libclang_name() {
    [[ "$1" =~ ^libclang(-[0-9][0-9.]*)?\.so(\.[0-9.]+)?$ ]]
}
have_libclang() {
    local dirs=() d f
    [ -n "${LIBCLANG_PATH:-}" ] && dirs+=("$LIBCLANG_PATH")
    if command -v llvm-config >/dev/null 2>&1; then
        dirs+=("$(llvm-config --libdir 2>/dev/null || true)")
    fi
    dirs+=(/usr/lib /usr/lib64 /usr/local/lib /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib/llvm-*/lib)
    # LIBCLANG_PATH may also name the library file itself.
    if [ -f "${LIBCLANG_PATH:-}" ] && is_libclang_name "$(basename "$LIBCLANG_PATH")"; then
        return 0
    fi
    for d in "${dirs[@]}"; do
        [ -d "$d" ] || continue
        for f in "$d"/libclang*.so*; do
            [ -e "$f" ] && is_libclang_name "$(basename "$f")" && return 0
        done
    done
    if command -v ldconfig >/dev/null 2>&1; then
        while read -r f; do
            is_libclang_name "$f" && return 0
        done < <(ldconfig -p 2>/dev/null | awk '{print $1}')
    fi
    return 1
}

missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
have_libclang || missing+=(libclang-dev)
# tests/report_html.rs opens report.html in headless Chromium (or $ROTAPLAN_CHROMIUM).
if ((browser)) && [ -z "${ROTAPLAN_CHROMIUM:-}" ]; then
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi

if ((${#missing[@]})); then
    command -v apt-get >/dev/null 2>&1 ||
        fail "rotaplan needs ${missing[*]}, and this machine has no apt-get.
Install them with your system's package manager (for libclang: the package that provides
libclang.so, or set LIBCLANG_PATH to its directory) and run this command again."
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 ||
            fail "rotaplan needs ${missing[*]}; run as root or install sudo, or run:
  apt-get install ${missing[*]}"
        sudo=(sudo)
    fi
    echo "deps.sh: installing ${missing[*]} (apt-get)" >&2
    # A failed source (a dead third-party repository) only warns; what counts is whether
    # the install then works, and if not, why.
    "${sudo[@]}" apt-get update -qq >"$log" 2>&1 || true
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >>"$log" 2>&1; then
        cat "$log" >&2
        if grep -qE 'Failed to fetch|Temporary failure resolving|Could not connect|Unable to connect|Network is unreachable' "$log"; then
            fail "apt-get could not reach the Debian package archive. Connect this machine to the
network (or a Debian mirror), or install ${missing[*]} by hand, and run this command again."
        elif grep -qE 'Could not get lock|Unable to acquire the dpkg' "$log"; then
            fail "another package manager holds the dpkg lock; wait for it to finish and run this command again."
        fi
        fail "apt-get install ${missing[*]} failed (see above)."
    fi
    have_libclang || fail "libclang-dev is installed but no libclang.so was found; set LIBCLANG_PATH."
    echo "deps.sh: installed ${missing[*]}" >&2
fi

# --- rustfmt and clippy (CI's format and lint checks) --------------------------------
if ((lint)); then
    components=()
    cargo fmt --version >/dev/null 2>&1 || components+=(rustfmt)
    cargo clippy --version >/dev/null 2>&1 || components+=(clippy)
    if ((${#components[@]})); then
        command -v rustup >/dev/null 2>&1 ||
            fail "${components[*]} missing and no rustup to install them; install them with your Rust toolchain."
        echo "deps.sh: installing ${components[*]} (rustup)" >&2
        rustup component add "${components[@]}" ||
            fail "rustup could not install ${components[*]} (no network to the Rust distribution server?).
Install them when online: rustup component add ${components[*]}"
        echo "deps.sh: installed ${components[*]}" >&2
    fi
fi

# --- the crates ---------------------------------------------------------------------------
cd "$(dirname "$0")/.."
if ! cargo fetch --locked >"$log" 2>&1; then
    cat "$log" >&2
    fail "cargo could not download the crates this project needs (see above): check the
network connection to crates.io (or your registry mirror in ~/.cargo/config.toml)."
fi
