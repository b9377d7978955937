#!/usr/bin/env bash
# README command 1: installs what is missing, builds, plans scenarios/district and prints
# where the plan is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cargo build --release --locked
./target/release/rotaplan validate scenarios/district
./target/release/rotaplan plan scenarios/district -o out/district --force
echo "plan: $(pwd)/out/district (plan.csv, annual/, vacancies.csv, plan.xlsx, summary.md, report.json, report.html)"
