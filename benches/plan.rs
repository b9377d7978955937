//! Regenerates the table in `BENCHMARKS.md`: `cargo bench --bench plan [-- NAME...]`.
//!
//! For each instance (district, city, province presets; an 800-person pool under the
//! default policy; the district, the city, the pool and the province with `max_moves = 0`;
//! the four OR-Library assignment instances) it runs the `rotaplan` binary
//! as a child process (so peak memory is per instance) and reads `summary.md`; when the
//! run ended within 1% it runs again with `--gap 0.01` (that run's wall time is the time to
//! a 1% gap). It solves the exported MPS with HiGHS alone (default options, in this
//! process) and with CBC (`cbc`, if installed) under the same time budget, and prints one
//! markdown row per instance. Timing lives here, never in tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Instance {
    name: &'static str,
    /// `generate` preset or OR-Library file.
    source: Source,
    /// Time budget in seconds.
    budget: u32,
    /// With `[policy.stability] max_moves = 0`: officials move as often as the rules allow
    /// (issue 11's default, not yet the default).
    moves: bool,
}

enum Source {
    Preset(&'static str),
    /// The district preset with this many people, its exchange scope removed (the default
    /// policy has none).
    Pool(u32),
    Orlib(&'static str),
}

const INSTANCES: &[Instance] = &[
    Instance { name: "district", source: Source::Preset("district"), budget: 60, moves: false },
    Instance { name: "city", source: Source::Preset("city"), budget: 60, moves: false },
    Instance { name: "province", source: Source::Preset("province"), budget: 600, moves: false },
    Instance { name: "pool800", source: Source::Pool(800), budget: 60, moves: false },
    Instance { name: "district-moves", source: Source::Preset("district"), budget: 60, moves: true },
    Instance { name: "city-moves", source: Source::Preset("city"), budget: 60, moves: true },
    Instance { name: "pool800-moves", source: Source::Pool(800), budget: 60, moves: true },
    Instance { name: "province-moves", source: Source::Preset("province"), budget: 600, moves: true },
    Instance { name: "assignp800", source: Source::Orlib("assignp800"), budget: 60, moves: false },
    Instance { name: "assignp1500", source: Source::Orlib("assignp1500"), budget: 60, moves: false },
    Instance { name: "assignp3000", source: Source::Orlib("assignp3000"), budget: 60, moves: false },
    Instance { name: "assignp5000", source: Source::Orlib("assignp5000"), budget: 60, moves: false },
];

/// Sets `max_moves = 0` in a generated scenario's `scenario.toml`.
fn as_the_rules_allow(scenario: &Path) -> (bool, String) {
    let toml = scenario.join("scenario.toml");
    let text = std::fs::read_to_string(&toml).unwrap_or_default();
    if !text.contains("\nmax_moves = 1\n") {
        return (false, "the generated scenario.toml has no `max_moves = 1` to change".into());
    }
    std::fs::write(&toml, text.replace("\nmax_moves = 1\n", "\nmax_moves = 0\n")).expect("scenario.toml written");
    (true, String::new())
}

fn run(cmd: &mut Command) -> (bool, String) {
    match cmd.output() {
        Ok(o) => (o.status.success(), format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))),
        Err(e) => (false, e.to_string()),
    }
}

/// The value of a `| key | value |` row of `summary.md`.
fn field<'a>(summary: &'a str, key: &str) -> &'a str {
    let prefix = format!("| {key} | ");
    summary.lines().find_map(|l| l.strip_prefix(prefix.as_str())).map_or("?", |v| v.trim_end_matches(" |").trim())
}

/// CBC on an MPS file: (objective, seconds, status line).
fn cbc(mps: &Path, budget: u32) -> String {
    let started = Instant::now();
    let (_, out) = run(Command::new("cbc").arg(mps).args(["-sec", &budget.to_string(), "-solve", "-quit"]));
    let secs = started.elapsed().as_secs_f64();
    let objective = out.lines().find_map(|l| l.trim().strip_prefix("Objective value:")).map(|v| v.trim().to_string());
    let status = out.lines().find(|l| l.starts_with("Result - ")).map_or("not run", |l| l.trim_start_matches("Result - "));
    match objective {
        Some(obj) => format!("{obj} in {secs:.1} s ({status})"),
        None if out.contains("No such file") || out.contains("not found") => "cbc not installed".into(),
        None => format!("no solution in {secs:.1} s ({status})"),
    }
}

/// HiGHS alone (default options but the time limit) on an MPS file: objective, bound and
/// wall time.
fn highs_alone(mps: &Path, budget: u32) -> String {
    use highs_sys::*;
    use std::ffi::CString;
    let Ok(path) = CString::new(mps.to_string_lossy().as_bytes()) else { return "bad path".into() };
    let started = Instant::now();
    // SAFETY: one HiGHS instance, used and destroyed here; NUL-terminated strings.
    let (status, objective, bound) = unsafe {
        let h = Highs_create();
        Highs_setBoolOptionValue(h, c"output_flag".as_ptr(), 0);
        Highs_setDoubleOptionValue(h, c"time_limit".as_ptr(), budget as f64);
        if Highs_readModel(h, path.as_ptr()) == kHighsStatusError {
            Highs_destroy(h);
            return "HiGHS cannot read the MPS".into();
        }
        Highs_run(h);
        let (mut objective, mut bound, mut sol) = (f64::NAN, f64::NAN, 0);
        Highs_getDoubleInfoValue(h, c"objective_function_value".as_ptr(), &mut objective);
        Highs_getDoubleInfoValue(h, c"mip_dual_bound".as_ptr(), &mut bound);
        Highs_getIntInfoValue(h, c"primal_solution_status".as_ptr(), &mut sol);
        let status = Highs_getModelStatus(h);
        Highs_destroy(h);
        (status, if sol == kHighsSolutionStatusFeasible { objective } else { f64::NAN }, bound)
    };
    let secs = started.elapsed().as_secs_f64();
    let how = if status == kHighsModelStatusOptimal { "optimal" } else { "stopped" };
    if objective.is_nan() {
        format!("no plan in {secs:.1} s ({how})")
    } else {
        format!("{objective:.2} / bound {bound:.2} in {secs:.1} s ({how})")
    }
}

fn main() {
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_rotaplan"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = root.join("target/bench");
    std::fs::create_dir_all(&work).unwrap();
    println!("| instance | people | status | objective | bound | gap | first plan meeting every hard rule | time to 1% gap | wall (budget) | model build | peak memory | greedy baseline (objective, hard violations, ours/greedy) | HiGHS alone on the exported MPS | CBC on the exported MPS |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for inst in INSTANCES.iter().filter(|i| only.is_empty() || only.iter().any(|o| o == i.name)) {
        let scenario = work.join(inst.name);
        let out = work.join(format!("{}-out", inst.name));
        let mps = work.join(format!("{}.mps", inst.name));
        let (ok, msg) = match inst.source {
            Source::Preset(p) => {
                run(Command::new(&exe).args(["generate", "--preset", p, "--seed", "1", "--force", "-o"]).arg(&scenario))
            }
            Source::Pool(n) => {
                let made = run(Command::new(&exe)
                    .args(["generate", "--preset", "district", "--people", &n.to_string(), "--seed", "1", "--force", "-o"])
                    .arg(&scenario));
                let toml = scenario.join("scenario.toml");
                let text = std::fs::read_to_string(&toml).unwrap_or_default();
                // Drop the `[policy.exchange-scope]` section (up to the next section).
                let text = match text.find("[policy.exchange-scope]") {
                    Some(a) => {
                        let rest = &text[a + 1..];
                        let b = rest.find("\n[").map_or(text.len(), |k| a + 1 + k + 1);
                        format!("{}{}", &text[..a], &text[b..])
                    }
                    None => text,
                };
                std::fs::write(&toml, text).expect("scenario.toml written");
                made
            }
            Source::Orlib(f) => {
                let file = root.join(format!("../shared/benchdata/orlib-assign/{f}.txt"));
                run(Command::new(&exe).args(["import", "orlib-assign"]).arg(file).arg("--force").arg("-o").arg(&scenario))
            }
        };
        let (ok, msg) = if ok && inst.moves { as_the_rules_allow(&scenario) } else { (ok, msg) };
        if !ok {
            println!("| {} | – | input failed: {} |", inst.name, msg.trim());
            continue;
        }
        let people = std::fs::read_to_string(scenario.join("people.csv")).map_or(0, |t| t.lines().count() - 1);
        // A failed run leaves an earlier output in place (outputs are replaced atomically):
        // remove it so that its summary is never read as this run's.
        let _ = std::fs::remove_dir_all(&out);
        let started = Instant::now();
        let (_, msg) = run(Command::new(&exe).arg("plan").arg(&scenario).arg("-o").arg(&out).args([
            "--force",
            "--time-limit",
            &inst.budget.to_string(),
        ]));
        let wall = started.elapsed().as_secs_f64();
        // The model for the peers, exported by a run of its own (writing a large MPS takes
        // seconds that would count against the planner's budget).
        let export = work.join(format!("{}-export", inst.name));
        run(Command::new(&exe)
            .arg("plan")
            .arg(&scenario)
            .arg("-o")
            .arg(&export)
            .args(["--force", "--time-limit", "1", "--export-mps"])
            .arg(&mps));
        let Ok(summary) = std::fs::read_to_string(out.join("summary.md")) else {
            println!("| {} | {people} | failed after {wall:.1} s: {} |", inst.name, msg.trim().replace('\n', " "));
            continue;
        };
        // Time to a 1% gap: when the run ended within 1%, the same run told to stop there.
        let pct = |t: &str| field(t, "gap").trim_end_matches('%').parse::<f64>().ok();
        let to_1pct = match pct(&summary) {
            Some(g) if g <= 1.0 => {
                let again = work.join(format!("{}-1pct", inst.name));
                let started = Instant::now();
                run(Command::new(&exe).arg("plan").arg(&scenario).arg("-o").arg(&again).args([
                    "--force",
                    "--gap",
                    "0.01",
                    "--time-limit",
                    &inst.budget.to_string(),
                ]));
                let secs = started.elapsed().as_secs_f64();
                match std::fs::read_to_string(again.join("summary.md")).ok().as_deref().and_then(pct) {
                    Some(g) if g <= 1.0 => format!("{secs:.1} s"),
                    _ => "not reached with --gap 0.01".into(),
                }
            }
            Some(g) => format!("not reached ({g:.2}% at the end)"),
            None => "not reached (no bound)".into(),
        };
        println!(
            "| {} | {people} | {} | {} | {} | {} | {} | {to_1pct} | {wall:.1} s ({} s) | {} | {} | {} | {} | {} |",
            inst.name,
            field(&summary, "status"),
            field(&summary, "objective"),
            field(&summary, "best bound"),
            field(&summary, "gap"),
            field(&summary, "first plan meeting every hard rule"),
            inst.budget,
            field(&summary, "build time"),
            field(&summary, "peak memory"),
            field(&summary, "greedy baseline"),
            highs_alone(&mps, inst.budget.min(120)),
            cbc(&mps, inst.budget.min(120)),
        );
    }
}
