//! Times `rotaplan recommend` on `scenarios/district`: `cargo bench --bench recommend`. It
//! plans the district once (60 s budget), then asks for the top 5 candidates of several
//! post-years, re-solved near the plan at the default change weight (1), at the weight of
//! 20 (a search that changes as few person-years as it can), with `--prove` and, for the
//! first, from scratch (`--full`), and prints one markdown row per call: wall time, how
//! many changes are exact, how many candidates no plan admits, and each change (`*`:
//! exact). Timing lives here, never in tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Post-years asked about: a bureau deputy director, the county party secretary, a
/// statistics bureau deputy, a township deputy, a township head, the county's deputy head.
const ASKED: &[(&str, i32)] =
    &[("P0067", 2028), ("P0001", 2027), ("P0101", 2029), ("P0150", 2028), ("P0221", 2030), ("P0010", 2029)];

/// The ways of re-solving compared: extra arguments, and whether only for the first
/// post-year.
const MODES: &[(&[&str], bool)] =
    &[(&["--change-weight", "20"], false), (&[], false), (&["--prove"], false), (&["--full"], true)];

fn main() {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_rotaplan"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let district = root.join("scenarios/district");
    let out = root.join("target/bench/recommend-district");
    let planned = Command::new(&exe).arg("plan").arg(&district).arg("-o").arg(&out).arg("--force").output().unwrap();
    assert!(planned.status.success(), "{}", String::from_utf8_lossy(&planned.stderr));
    println!("{}", String::from_utf8_lossy(&planned.stdout).trim());
    println!("\n| call | wall | exact | no plan with them | changes (`*` exact) |\n|---|---|---|---|---|");
    for (k, &(post, year)) in ASKED.iter().enumerate() {
        for &(extra, _) in MODES.iter().filter(|m| !m.1 || k == 0) {
            let mut cmd = Command::new(&exe);
            cmd.arg("recommend").arg(&district).args(["--post", post, "--year", &year.to_string(), "--top", "5", "--json"]);
            cmd.arg("--from").arg(&out).args(extra);
            let started = Instant::now();
            let o = cmd.output().unwrap();
            let wall = started.elapsed().as_secs_f64();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            let c = r["candidates"].as_array().unwrap();
            let exact = c.iter().filter(|c| c["exact"] == true).count();
            let none = c.iter().filter(|c| c["delta"].is_null()).count();
            let changes: Vec<String> = c
                .iter()
                .filter_map(|c| {
                    let d = c["delta"].as_f64()?;
                    Some(format!("{} {d:+.2}{}", c["person_id"].as_str().unwrap(), if c["exact"] == true { "*" } else { "" }))
                })
                .collect();
            let args = if extra.is_empty() { String::new() } else { format!(" {}", extra.join(" ")) };
            println!(
                "| `recommend --post {post} --year {year}{args}` | {wall:.2} s | {exact} | {none} | {} |",
                changes.join(", ")
            );
        }
    }
}
