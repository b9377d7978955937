#!/usr/bin/env bash
# Installs what building rotaplan needs on Debian/Ubuntu, if missing: cmake, g++ and
# libclang-dev (HiGHS is built from source by the highs-sys crate). Needs Rust (cargo).
set -euo pipefail
missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null || missing+=(g++)
ldconfig -p 2>/dev/null | grep -q 'libclang' || dpkg -s libclang-dev >/dev/null 2>&1 || missing+=(libclang-dev)
if ((${#missing[@]})); then
    echo "installing ${missing[*]} (apt-get)" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}"
fi
command -v cargo >/dev/null || { echo "Rust is needed: https://rustup.rs" >&2; exit 2; }
