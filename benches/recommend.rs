//! Times `rotaplan recommend` and `explain --runner-ups` on `scenarios/district`:
//! `cargo bench --bench recommend`. It plans the district once (60 s budget), then asks
//! for the top 5 candidates of several post-years, re-solved from the plan (the default)
//! and, for the first, from scratch (`--full`), and prints one markdown row per call:
//! wall time, candidates ranked, how many re-solves were proven (the least change from the
//! plan), how many candidates no plan admits. Timing lives here, never in tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Post-years asked about: a bureau deputy director, the county party secretary, a
/// statistics bureau deputy, a township deputy, a township head.
const ASKED: &[(&str, i32)] = &[("P0067", 2028), ("P0001", 2027), ("P0101", 2029), ("P0150", 2028), ("P0221", 2030)];

fn main() {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_rotaplan"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let district = root.join("scenarios/district");
    let out = root.join("target/bench/recommend-district");
    let planned = Command::new(&exe).arg("plan").arg(&district).arg("-o").arg(&out).arg("--force").output().unwrap();
    assert!(planned.status.success(), "{}", String::from_utf8_lossy(&planned.stderr));
    println!("{}", String::from_utf8_lossy(&planned.stdout).trim());
    println!("\n| call | wall | candidates | re-solves proven the least change | no plan with them |\n|---|---|---|---|---|");
    for (k, &(post, year)) in ASKED.iter().enumerate() {
        for full in [false, true].into_iter().filter(|&f| !f || k == 0) {
            let mut cmd = Command::new(&exe);
            cmd.arg("recommend").arg(&district).args(["--post", post, "--year", &year.to_string(), "--top", "5", "--json"]);
            cmd.arg("--from").arg(&out);
            if full {
                cmd.arg("--full");
            }
            let started = Instant::now();
            let o = cmd.output().unwrap();
            let wall = started.elapsed().as_secs_f64();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            let c = r["candidates"].as_array().unwrap();
            let optimal = c.iter().filter(|c| c["delta"].is_number() && c["resolve_optimal"] == true).count();
            let none = c.iter().filter(|c| c["delta"].is_null()).count();
            println!(
                "| `recommend --post {post} --year {year} --top 5{}` | {wall:.2} s | {} | {optimal} | {none} |",
                if full { " --full" } else { "" },
                c.len()
            );
        }
    }
}
