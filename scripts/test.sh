#!/usr/bin/env bash
# README command 2: installs what is missing (Chromium too, for the report.html test) and
# runs the whole test suite.
# The tests build in the release profile, so they share the one HiGHS build with
# scripts/plan-district.sh (compiling HiGHS is most of a first build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh --test
cargo test --release --locked
