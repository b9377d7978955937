#!/usr/bin/env bash
# README command 2: installs what is missing and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cargo test --locked
