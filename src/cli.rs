//! The command line: `validate`, `plan`, `check`, `generate`, `import`. Each command is a
//! thin wrapper over the library; the binary maps results to exit codes (see `main.rs`).

use crate::error::{Error, Result};
use crate::mip::SolveOptions;
use crate::planner::{self, Phase};
use crate::report::ReportData;
use crate::scenario::{self, PinAction, Scenario};
use crate::{check, explain, generate, import, report, rules};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Optimization-based rotation planner for leading officials.
#[derive(Debug, Parser)]
#[command(name = "rotaplan", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a scenario directory and report every input problem.
    Validate {
        /// Scenario directory.
        scenario: PathBuf,
        /// Policy file replacing the scenario's policy.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Plan a scenario and write the plan, reshuffle lists and summary.
    Plan(PlanArgs),
    /// Plan again from a published plan when facts change mid-plan (a retirement, a new
    /// relation, a new post): the years through `--freeze` stay as published, and the later
    /// years change as little as possible (`[replan] weight` per changed person-year).
    Replan {
        /// The planning options, as for `plan`.
        #[command(flatten)]
        args: PlanArgs,
        /// The published plan (a `plan.csv` written by `plan`, or its `plan.xlsx`).
        #[arg(long)]
        from: PathBuf,
        /// The last year kept exactly as published (e.g. the year already announced).
        #[arg(long)]
        freeze: Option<i32>,
    },
    /// Check a plan against a scenario's rules, independently of the solver.
    Check {
        /// Scenario directory.
        scenario: PathBuf,
        /// A `plan.csv` written by `plan` (or edited by hand), or its `plan.xlsx` (sheet
        /// `plan`).
        plan: PathBuf,
        /// Policy file replacing the scenario's policy.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Why an official holds what they hold, or a post has the holders it has, in a plan
    /// written by `plan`: the rows and reasons, the objective terms by rule, and who or
    /// what was never eligible, by the rule that excludes it.
    Explain {
        /// Output directory of `plan` (its `report.json` names the scenario and policy).
        out: PathBuf,
        /// The official (person id).
        #[arg(long, conflicts_with = "post", required_unless_present = "post")]
        person: Option<String>,
        /// The post (post id).
        #[arg(long)]
        post: Option<String>,
        /// Only this year (eligibility is told for it; default: the first year).
        #[arg(long)]
        year: Option<i32>,
        /// The answer as JSON.
        #[arg(long)]
        json: bool,
        /// Officials' names replaced by their ids (always so for a redacted plan).
        #[arg(long)]
        redact: bool,
        /// With `--year`: re-solve with each of up to K alternatives pinned in (other
        /// eligible officials for the post, or other open posts for the official), cheapest
        /// first, and give the change in the objective.
        #[arg(long, value_name = "K", requires = "year")]
        runner_ups: Option<usize>,
        /// Re-solve each runner-up's whole plan from scratch, instead of from the plan
        /// explained changing it little.
        #[arg(long, requires = "runner_ups", conflicts_with = "prove")]
        full: bool,
        /// How runner-ups are re-solved near the plan.
        #[command(flatten)]
        near: Near,
        /// Time budget of each re-solve, in seconds.
        #[arg(long, default_value_t = 20.0)]
        time_limit: f64,
    },
    /// Rank candidates for one post in one year: each eligible official pinned there in
    /// turn and the whole plan re-solved, with the change in the objective.
    Recommend {
        /// Scenario directory.
        scenario: PathBuf,
        /// The post (post id).
        #[arg(long)]
        post: String,
        /// The year.
        #[arg(long)]
        year: i32,
        /// How many candidates (cheapest arc first) to try.
        #[arg(long, default_value_t = 5)]
        top: usize,
        /// A plan written by `plan` for this scenario to compare with (default: plan it
        /// first).
        #[arg(long)]
        from: Option<PathBuf>,
        /// Policy file replacing the scenario's policy (without `--from`, whose plan says
        /// which policy it was made under).
        #[arg(long, conflicts_with = "from")]
        policy: Option<PathBuf>,
        /// Time budget of each solve, in seconds.
        #[arg(long, default_value_t = 20.0)]
        time_limit: f64,
        /// Re-solve each candidate's whole plan from scratch, instead of from the plan
        /// changing it little.
        #[arg(long, conflicts_with = "prove")]
        full: bool,
        /// How runner-ups are re-solved near the plan.
        #[command(flatten)]
        near: Near,
        /// The ranking as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Plan one pool under several policies side by side (in parallel) and write a table
    /// of what each gives, and how each plan differs from the first (the scenario's own
    /// policy).
    Compare(CompareArgs),
    /// The differences between two plans of one scenario (two output directories of
    /// `plan`): who goes elsewhere, who moves under one and stays under the other.
    Diff {
        /// The first plan's output directory (A; its scenario is used to read both).
        a: PathBuf,
        /// The second plan's output directory (B).
        b: PathBuf,
        /// As JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// As CSV.
        #[arg(long)]
        csv: bool,
    },
    /// Generate a reproducible synthetic scenario.
    Generate {
        /// Preset size.
        #[arg(long, value_enum, default_value = "district")]
        preset: Preset,
        /// Number of officials (overrides the preset's).
        #[arg(long)]
        people: Option<usize>,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output directory.
        #[arg(short, long)]
        out: PathBuf,
        /// How the scenario's tables are written.
        #[arg(long, value_enum, default_value = "csv")]
        tables: TableFormat,
        /// Replace an existing output directory.
        #[arg(long)]
        force: bool,
    },
    /// Turn a public benchmark instance into a scenario.
    Import {
        /// Format of the instance.
        #[arg(value_enum)]
        format: ImportFormat,
        /// Instance file.
        file: PathBuf,
        /// Output directory.
        #[arg(short, long)]
        out: PathBuf,
        /// How the scenario's tables are written.
        #[arg(long, value_enum, default_value = "csv")]
        tables: TableFormat,
        /// Replace an existing output directory.
        #[arg(long)]
        force: bool,
    },
    /// Write a scenario directory anew, checked as `validate` checks it, with its tables as
    /// CSV files or as the sheets of one Excel workbook (`scenario.xlsx`): a workbook to
    /// fill in Excel, or CSV files again. `scenario.toml` is written with the policy inline.
    Convert {
        /// Scenario directory (its tables as CSV files or in `scenario.xlsx`).
        scenario: PathBuf,
        /// Output directory.
        #[arg(short, long)]
        out: PathBuf,
        /// How the tables are written.
        #[arg(long, value_enum)]
        tables: TableFormat,
        /// Policy file replacing the scenario's policy (written inline).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Replace an existing output directory.
        #[arg(long)]
        force: bool,
    },
}

/// Options of `plan`.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// Scenario directory.
    pub scenario: PathBuf,
    /// Output directory.
    #[arg(short, long)]
    pub out: PathBuf,
    /// Policy file replacing the scenario's policy.
    #[arg(long)]
    pub policy: Option<PathBuf>,
    /// Time, gap, threads, seed.
    #[command(flatten)]
    pub solve: SolveArgs,
    /// Replace an existing output directory.
    #[arg(long)]
    pub force: bool,
    /// Also write the model as MPS (readable names) for other solvers.
    #[arg(long)]
    pub export_mps: Option<PathBuf>,
    /// Show the solver log.
    #[arg(long)]
    pub verbose: bool,
    /// Give the solver every possible move at once instead of generating them by pricing.
    #[arg(long)]
    pub all_moves: bool,
    /// Extra HiGHS option as NAME=VALUE (repeatable), e.g. `--highs presolve=off`.
    #[arg(long, value_parser = parse_key_value)]
    pub highs: Vec<(String, String)>,
    /// Officials' names replaced by their ids in every output (for sharing outside the
    /// committee).
    #[arg(long)]
    pub redact: bool,
    /// Also write up to K alternative plans (`OUT/alternatives/<k>/`,
    /// `OUT/alternatives.md`), each differing from the best and the ones before it in at
    /// least `--differ` assignments, within `--tolerance` of the best objective.
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub alternatives: usize,
    /// With `--alternatives`: in how many of each earlier plan's assignments (person-years
    /// holding a post) an alternative differs at least.
    #[arg(long, value_name = "N", default_value_t = 10, requires = "alternatives")]
    pub differ: u32,
    /// With `--alternatives`: how much worse than the best an alternative may be, relative
    /// (0.02 = 2%).
    #[arg(long, default_value_t = 0.02, requires = "alternatives")]
    pub tolerance: f64,
    /// What-if pins.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// How long and how to solve (`plan`, `replan`, `compare`).
#[derive(Debug, clap::Args)]
pub struct SolveArgs {
    /// Time budget in seconds of each plan (model building included).
    #[arg(long, default_value_t = 60.0)]
    pub time_limit: f64,
    /// Relative optimality gap at which to stop, of the whole plan's objective (as reported).
    #[arg(long, default_value_t = 1e-4)]
    pub gap: f64,
    /// Solver threads (default: the machine's cores; `compare` splits them between the
    /// plans solved at once).
    #[arg(long, default_value_t = default_threads())]
    pub threads: u32,
    /// Solver random seed.
    #[arg(long, default_value_t = 0)]
    pub seed: u32,
}

impl SolveArgs {
    /// The solver options, stopped by Ctrl-C.
    fn options(&self) -> Result<SolveOptions> {
        Ok(SolveOptions {
            time_limit: self.time_limit,
            gap: self.gap,
            threads: self.threads,
            seed: self.seed,
            stop: Some(stop_on_ctrl_c()?),
            ..SolveOptions::default()
        })
    }
}

/// What-if pins without editing files (`plan`, `replan`, `compare`).
#[derive(Debug, clap::Args)]
pub struct WhatIfArgs {
    /// What-if: the official holds the post in that year (repeatable; merged with
    /// `pins.csv`).
    #[arg(long, value_name = "PERSON=POST@YEAR")]
    pub pin: Vec<String>,
    /// What-if: the official does not hold the post in that year (repeatable; merged with
    /// `pins.csv`).
    #[arg(long, value_name = "PERSON=POST@YEAR")]
    pub forbid: Vec<String>,
}

impl WhatIfArgs {
    /// The scenario in `dir` under `policy` (its own when `None`), with these pins added
    /// (every bad one reported with its flag), redacted if asked.
    fn scenario(&self, dir: &Path, policy: Option<&Path>, redact: bool) -> Result<Scenario> {
        let mut s = scenario::load::load(dir, policy)?;
        let fix = self.pin.iter().map(|p| (PinAction::Fix, p.as_str()));
        add_what_if(&mut s, fix.chain(self.forbid.iter().map(|p| (PinAction::Forbid, p.as_str()))))?;
        if redact {
            s.redact();
        }
        Ok(s)
    }
}

/// Options of `compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Scenario directory (its own policy is the first variant).
    pub scenario: PathBuf,
    /// Output directory.
    #[arg(short, long)]
    pub out: PathBuf,
    /// A policy file to compare (repeatable; each is one variant).
    #[arg(long)]
    pub policy: Vec<PathBuf>,
    /// The scenario's own policy with parameters changed (repeatable; each is one
    /// variant), e.g. `--set tenure-max.hard_years=8` or
    /// `--set 'tenure-max.hard_years=8,regional-recusal.homes=["native","grewup"]'`.
    #[arg(long = "set", value_name = "SECTION.PARAMETER=VALUE[,…]")]
    pub set: Vec<String>,
    /// Time, gap, threads, seed.
    #[command(flatten)]
    pub solve: SolveArgs,
    /// Replace an existing output directory.
    #[arg(long)]
    pub force: bool,
    /// Officials' names replaced by their ids in every output.
    #[arg(long)]
    pub redact: bool,
    /// What-if pins, for every variant.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// Splits `a=1,b=["x","y"]` at the commas outside brackets and quotes.
fn split_settings(text: &str) -> Vec<&str> {
    let (mut out, mut depth, mut quoted, mut start) = (Vec::new(), 0i32, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

impl CompareArgs {
    /// The variants: the scenario's own policy, each `--policy` file, each `--set`; every
    /// bad one reported.
    fn variants(&self) -> Result<Vec<crate::compare::Variant>> {
        let load = |policy: Option<&Path>| self.what_if.scenario(&self.scenario, policy, self.redact);
        let base = load(None)?;
        let own =
            base.policy_file.as_ref().and_then(|f| f.file_stem()).map_or("scenario".into(), |f| f.to_string_lossy().into_owned());
        let mut variants = vec![(own, "the scenario's own".to_string(), base.clone(), None)];
        for file in &self.policy {
            let label = file.file_stem().map_or("policy".into(), |f| f.to_string_lossy().into_owned());
            variants.push((label, file.display().to_string(), load(Some(file))?, None));
        }
        let mut problems = Vec::new();
        for text in &self.set {
            let mut s = base.clone();
            for setting in split_settings(text) {
                let changed = setting
                    .split_once('=')
                    .ok_or_else(|| "expected SECTION.PARAMETER=VALUE".to_string())
                    .and_then(|(key, value)| s.policy.with(key.trim(), value.trim()));
                match changed {
                    Ok(policy) => s.policy = policy,
                    Err(why) => {
                        problems.push(crate::error::InputProblem::file(format!("--set {text}"), format!("{setting}: {why}")))
                    }
                }
            }
            for (key, why) in s.policy.problems() {
                problems.push(crate::error::InputProblem::file(format!("--set {text}"), format!("{key}: {why}")));
            }
            let toml = toml::to_string(&s.policy).map_err(|e| Error::Solver(format!("cannot write the policy: {e}")))?;
            // The setting names a short one; a long one gets a number.
            let short = text.len() <= 40 && text.chars().all(|c| c.is_alphanumeric() || "-_.=".contains(c));
            let label = if short { text.clone() } else { format!("set-{}", variants.len()) };
            variants.push((label, format!("the scenario's own with {text}"), s, Some(toml)));
        }
        if !problems.is_empty() {
            return Err(Error::Input(problems));
        }
        if variants.len() < 2 {
            return Err(Error::Input(vec![crate::error::InputProblem::file(
                "compare",
                "nothing to compare: give at least one --policy FILE or --set SECTION.PARAMETER=VALUE",
            )]));
        }
        let labels = crate::compare::unique_labels(variants.iter().map(|v| v.0.clone()).collect());
        let out = std::path::absolute(&self.out).map_err(|e| Error::Output { path: self.out.clone(), source: e })?;
        Ok(variants
            .into_iter()
            .zip(labels)
            .map(|((_, source, mut scenario, policy_toml), label)| {
                // A changed policy is written beside its plan, so that `explain` reads the
                // policy it was planned under.
                if policy_toml.is_some() {
                    scenario.policy_file = Some(out.join(&label).join("policy.toml"));
                }
                crate::compare::Variant { label, source, scenario, policy_toml }
            })
            .collect())
    }
}

impl PlanArgs {
    /// The scenario to plan: loaded with its policy, the what-if pins added, redacted if
    /// asked. Every bad pin is reported, each with its flag.
    pub fn scenario(&self) -> Result<Scenario> {
        self.what_if.scenario(&self.scenario, self.policy.as_deref(), self.redact)
    }
}

/// Adds what-if pins (`--pin`, `--forbid`, or a report's `what_if`), reporting every bad one.
fn add_what_if<'a>(s: &mut Scenario, pins: impl Iterator<Item = (PinAction, &'a str)>) -> Result<()> {
    let mut problems = Vec::new();
    for (action, spec) in pins {
        if let Err(why) = s.add_pin(spec, action) {
            let flag = if action == PinAction::Fix { "--pin" } else { "--forbid" };
            problems.push(crate::error::InputProblem::file(format!("{flag} {spec}"), why));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Input(problems))
    }
}

fn default_threads() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
}

fn parse_key_value(s: &str) -> std::result::Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))
}

/// Generator presets.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Preset {
    /// About 300 officials.
    District,
    /// About 3,000 officials.
    City,
    /// About 30,000 officials.
    Province,
}

/// How a scenario directory holds its tables.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableFormat {
    /// One CSV file per table (`people.csv`, ...).
    Csv,
    /// One Excel workbook, `scenario.xlsx`, with a sheet per table (`people`, ...).
    Xlsx,
}

impl From<TableFormat> for scenario::Tables {
    fn from(t: TableFormat) -> scenario::Tables {
        match t {
            TableFormat::Csv => scenario::Tables::Csv,
            TableFormat::Xlsx => scenario::Tables::Xlsx,
        }
    }
}

/// Importable formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// OR-Library sparse linear assignment (`assignp*.txt`).
    OrlibAssign,
}

/// Exit code: success.
pub const OK: u8 = 0;
/// Exit code: the hard rules cannot all be met, or `check` found a hard violation.
pub const HARD: u8 = 1;
/// Exit code: quit by a second Ctrl-C, nothing written (128 + SIGINT, as shells report it).
pub const INTERRUPTED: i32 = 130;

/// Runs a command; returns the exit code for outcomes that are not errors.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Validate { scenario, policy } => {
            let s = scenario::load::load(&scenario, policy.as_deref())?;
            println!(
                "{}: valid ({} regions, {} units, {} posts, {} people, {} relations, {} pins; {}–{})",
                scenario.display(),
                s.regions.len(),
                s.units.len(),
                s.posts.len(),
                s.people.len(),
                s.relations.len(),
                s.pins.len(),
                s.start_year,
                s.end_year()
            );
            Ok(OK)
        }
        Command::Plan(args) => {
            report::preflight(&args.out, args.force)?;
            plan(&args, args.scenario()?)
        }
        Command::Replan { args, from, freeze } => {
            report::preflight(&args.out, args.force)?;
            let mut s = args.scenario()?;
            if let Some(y) = freeze {
                planned_year(&s, "--freeze", y)?;
            }
            let published = crate::plan::Plan::read_file(&s, &from)?;
            s.reference = Some(scenario::Reference { plan: published, file: from, frozen_through: freeze, published: true });
            plan(&args, s)
        }
        Command::Check { scenario, plan, policy } => {
            let s = scenario::load::load(&scenario, policy.as_deref())?;
            let plan = crate::plan::Plan::read_file(&s, &plan)?;
            Ok(print_check(&s, &plan))
        }
        Command::Explain { out, person, post, year, json, redact, runner_ups, full, near, time_limit } => {
            let resolve = near.resolve(full);
            let ask = Ask { person: person.as_deref(), post: post.as_deref(), year, redact, runner_ups, resolve, time_limit };
            let answer = explain_command(&out, &ask)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&answer).expect("the answer serialises"));
            } else {
                print!("{}", answer.text());
            }
            Ok(OK)
        }
        Command::Recommend { scenario, post, year, top, from, policy, time_limit, full, near, json } => {
            let resolve = near.resolve(full);
            let opts = SolveOptions { time_limit, threads: default_threads(), ..SolveOptions::default() };
            let (s, plan, proven, bound, lp) = match &from {
                // The scenario as that plan was made: its policy, what-if pins and published
                // plan.
                Some(out) => {
                    let (s, report, plan) = read_back(out, false)?;
                    let same = |p: &Path| std::fs::canonicalize(p).ok();
                    if same(&scenario) != same(&s.dir) {
                        let why = format!("planned for {}, not for {}", s.dir.display(), scenario.display());
                        return Err(Error::Input(vec![crate::error::InputProblem::file(
                            format!("--from {}", out.display()),
                            why,
                        )]));
                    }
                    let lp: Box<dyn FnOnce() -> _> = Box::new(|| read_lp(out));
                    (s, plan, proven(&report), bound(&report), lp)
                }
                None => {
                    let s = scenario::load::load(&scenario, policy.as_deref())?;
                    let o = planner::plan(&s, &SolveOptions { root_cuts: true, ..opts.clone() }, None, &|_| {})?;
                    let proven = o.solution.status == crate::mip::Status::Optimal;
                    let lp: Box<dyn FnOnce() -> _> = Box::new(move || o.lp);
                    (s, o.plan, proven, Some(o.solution.bound), lp)
                }
            };
            let j = post_ix(&s, &post)?;
            planned_year(&s, "--year", year)?;
            let rules = rules::all(&s);
            let objective = check::check(&s, &plan).objective();
            let candidates = crate::why::candidates(&s, &rules, &plan, (None, Some(j)), year, top);
            let lp = (resolve.0 != crate::why::Resolve::Full).then(lp).flatten();
            let certified = proving(resolve.0, lp.as_ref(), &s, &rules);
            let base = crate::why::Base { plan: &plan, objective, bound, proven, lp: certified.as_ref() };
            let ranked = crate::why::runner_ups(&s, &opts, base, year, &candidates, resolve)?;
            let holder = plan.holders(year, s.posts.len())[j.0 as usize].first().map(|&p| s.person(p).id.clone());
            if json {
                let out = serde_json::json!({"post_id": post, "year": year, "holder": holder, "objective": objective, "proven": proven, "candidates": ranked});
                println!("{}", serde_json::to_string_pretty(&out).expect("serialises"));
            } else {
                println!("# Candidates for {} in {year}\n", crate::rules::what(&s, j));
                println!(
                    "In the plan ({objective:.2}{}): {}.\n",
                    if proven { ", proven optimal" } else { "" },
                    holder.as_deref().unwrap_or("nobody")
                );
                print!("{}", crate::why::runner_ups_text(&ranked));
            }
            Ok(OK)
        }
        Command::Compare(args) => {
            report::preflight(&args.out, args.force)?;
            let variants = args.variants()?;
            let opts = args.solve.options()?;
            let n = variants.len();
            let bar = indicatif::ProgressBar::new(n as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos}/{len} policies planned {msg}")
                    .expect("valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            let runs = crate::compare::run(variants, &opts, &|label| {
                bar.inc(1);
                bar.set_message(format!("(last: {label})"));
            })?;
            bar.finish_and_clear();
            let diffs = crate::compare::diffs(&runs);
            let metrics: Vec<_> = runs.iter().zip(&diffs).map(|(r, d)| crate::compare::Metrics::new(r, d.as_ref())).collect();
            report::write_dir(&args.out, args.force, |dir| report::write_comparison(dir, &runs, &metrics, &diffs))?;
            print!("{}", crate::compare::markdown(&metrics));
            println!(
                "\nwritten to {} (compare.md, compare.csv, compare.json, compare.html, one directory per policy)",
                args.out.display()
            );
            Ok(OK)
        }
        Command::Diff { a, b, json, csv } => {
            let (s, _, plan_a) = read_back(&a, false)?;
            let plan_b = crate::plan::Plan::read_file(&s, &b.join("plan.csv"))?;
            let d = crate::diff::diff(&s, &plan_a, &plan_b);
            if json {
                println!("{}", serde_json::to_string_pretty(&d).expect("serialises"));
            } else if csv {
                print!("{}", d.csv());
            } else {
                print!("{}", d.markdown(&a.display().to_string(), &b.display().to_string()));
            }
            Ok(OK)
        }
        Command::Generate { preset, people, seed, out, tables, force } => {
            let mut spec = generate::GenSpec::preset(match preset {
                Preset::District => "district",
                Preset::City => "city",
                Preset::Province => "province",
            })
            .expect("every preset exists");
            spec.seed = seed;
            if let Some(n) = people {
                spec = generate::GenSpec { seed, ..generate::spec_for(n, seed) };
            }
            let s = generate::generate(&spec);
            write_scenario(&s, &out, tables, force)
        }
        Command::Import { format: ImportFormat::OrlibAssign, file, out, tables, force } => {
            report::preflight(&out, force)?;
            let s = import::orlib_assign(&file, 2027)?;
            write_scenario(&s, &out, tables, force)
        }
        Command::Convert { scenario, out, tables, policy, force } => {
            // Written in place, the directory would lose what the scenario does not hold
            // (policy files beside it, notes).
            if out.canonicalize().ok().is_some_and(|o| scenario.canonicalize().ok() == Some(o)) {
                let why = "is the scenario directory itself: write the converted scenario to another one";
                return Err(Error::Input(vec![crate::error::InputProblem::file(out.display().to_string(), why)]));
            }
            report::preflight(&out, force)?;
            let s = scenario::load::load(&scenario, policy.as_deref())?;
            write_scenario(&s, &out, tables, force)
        }
    }
}

fn write_scenario(s: &Scenario, out: &Path, tables: TableFormat, force: bool) -> Result<u8> {
    report::write_dir(out, force, |dir| scenario::write_as(s, dir, tables.into()))?;
    println!("{}: {} posts, {} people, {} relations", out.display(), s.posts.len(), s.people.len(), s.relations.len());
    Ok(OK)
}

/// The stop flag, set by the first Ctrl-C (the search stops and the best plan so far is
/// written, marked interrupted); a second Ctrl-C quits at once, writing nothing (an output
/// being staged is never put in place).
fn stop_on_ctrl_c() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            eprintln!("\ninterrupted again: quitting without writing a plan");
            // `_exit`, not `exit`: the solver's threads are still running, and C++ static
            // destructors run by `exit` under them can crash. Nothing needs flushing.
            // SAFETY: `_exit` ends the process at once; it is async-signal-safe.
            unsafe { libc::_exit(INTERRUPTED) };
        }
        eprintln!("\nstopping: the best plan so far will be written (Ctrl-C again to quit without writing)");
    })
    .map_err(|e| Error::Solver(format!("cannot handle Ctrl-C: {e}")))?;
    Ok(stop)
}

/// How runner-ups are re-solved from the plan explained (not `--full`).
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct Near {
    /// Prove each change that is not exact: the proof over the moves the LP with the
    /// alternative prices within its gap gets the time limit instead of 3 s, and should it
    /// stop short, the best plan with the alternative, however different, is proven from
    /// what pricing proved for the plan (its `lp.json`); slower where a proof is hard.
    #[arg(long)]
    pub prove: bool,
    /// What each other changed person-year costs while searching near the plan explained
    /// (not in the change reported): the lower, the closer the change found is to the best
    /// plan's with the alternative, and the longer the search.
    #[arg(long, value_name = "W", default_value_t = 1.0, value_parser = non_negative, conflicts_with = "full")]
    pub change_weight: f64,
}

impl Near {
    /// How to re-solve: `--full`, or from the plan explained (`--prove`: then proven).
    fn resolve(&self, full: bool) -> (crate::why::Resolve, f64) {
        use crate::why::Resolve;
        let resolve = match (full, self.prove) {
            (true, _) => Resolve::Full,
            (false, true) => Resolve::Proven,
            (false, false) => Resolve::Nearby,
        };
        (resolve, self.change_weight)
    }
}

/// What bounds and proves runner-ups re-solved as `resolve` says: the plan's model with
/// its `lp` (`None` for `--full`) when `lp` is for that model; for `--prove`, a warning
/// says why it is not and the changes are not proven.
fn proving<'a>(
    resolve: crate::why::Resolve,
    lp: Option<&'a planner::LpCertificate>,
    s: &'a Scenario,
    rules: &'a [Box<dyn rules::Rule>],
) -> Option<planner::Certified<'a>> {
    let why = match lp.map(|lp| planner::Certified::new(s, rules, lp)) {
        Some(Ok(certified)) => return Some(certified),
        Some(Err(why)) => why,
        None => "the plan has no usable lp.json (written by an older rotaplan, or planned with --all-moves)",
    };
    if resolve == crate::why::Resolve::Proven {
        eprintln!("warning: --prove: {why}; changes are not proven (plan again to prove them)");
    }
    None
}

/// A weight of at least 0.
fn non_negative(text: &str) -> std::result::Result<f64, String> {
    match text.parse::<f64>() {
        Ok(w) if w >= 0.0 && w.is_finite() => Ok(w),
        _ => Err(format!("{text:?} is not a number of at least 0")),
    }
}

/// The post with id `id`, or an input error.
fn post_ix(s: &Scenario, id: &str) -> Result<crate::scenario::PostIx> {
    let j = s.ids().posts.get(id).copied();
    j.ok_or_else(|| Error::Input(vec![crate::error::InputProblem::file("--post", format!("no post {id:?} in the scenario"))]))
}

/// The `report.json` of a plan's output directory, or an input error saying what is wrong.
fn read_report(out: &Path) -> Result<serde_json::Value> {
    let path = out.join("report.json");
    let bad = |what: String| Error::Input(vec![crate::error::InputProblem::file(path.display().to_string(), what)]);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| bad(format!("cannot read it ({e}); is {} an output of `rotaplan plan`?", out.display())))?;
    serde_json::from_str(&text).map_err(|e| bad(format!("not valid JSON: {e}")))
}

/// Whether a plan's `report.json` says it is proven optimal.
fn proven(report: &serde_json::Value) -> bool {
    report["solver"]["status"] == crate::mip::Status::Optimal.as_str()
}

/// The bound on every plan's objective a plan's `report.json` gives (`None`: none).
fn bound(report: &serde_json::Value) -> Option<f64> {
    report["solver"]["bound"].as_f64()
}

/// What pricing proved for the plan in `out` (its `lp.json`), if it is there and valid (a
/// warning says when it is not).
fn read_lp(out: &Path) -> Option<planner::LpCertificate> {
    let path = out.join(report::LP_FILE);
    let text = std::fs::read_to_string(&path).ok()?;
    match serde_json::from_str(&text) {
        Ok(lp) => Some(lp),
        Err(e) => {
            eprintln!("warning: {}: not valid ({e})", path.display());
            None
        }
    }
}

/// `year`, or the input error of `flag` when it is not a planned year.
fn planned_year(s: &Scenario, flag: &str, year: i32) -> Result<i32> {
    s.planned_year(year).map_err(|why| Error::Input(vec![crate::error::InputProblem::file(flag, why)]))
}

/// Reads a plan's output directory back: the scenario as planned (scenario and policy
/// from its `report.json`, with its what-if pins and the published plan it was re-planned
/// from; redacted if it was, or if `redact`), the report, and the plan.
fn read_back(out: &Path, redact: bool) -> Result<(Scenario, serde_json::Value, crate::plan::Plan)> {
    let report = read_report(out)?;
    let scenario = report["scenario_dir"].as_str().ok_or_else(|| {
        let why = "no scenario_dir: written by an older rotaplan; plan again";
        Error::Input(vec![crate::error::InputProblem::file(out.join("report.json").display().to_string(), why)])
    })?;
    let policy = report["policy_file"].as_str().map(PathBuf::from);
    let mut s = scenario::load::load(Path::new(scenario), policy.as_deref())?;
    let what_if = report["what_if"].as_array().into_iter().flatten().filter_map(|p| p.as_str()?.split_once(' '));
    add_what_if(&mut s, what_if.map(|(action, spec)| (PinAction::parse(action).unwrap_or(PinAction::Fix), spec)))?;
    if let Some(file) = report["replan"]["plan_file"].as_str() {
        let published = crate::plan::Plan::read_file(&s, Path::new(file))?;
        let frozen_through = report["replan"]["frozen_through"].as_i64().map(|y| y as i32);
        s.reference = Some(scenario::Reference { plan: published, file: file.into(), frozen_through, published: true });
    }
    if redact || report["redacted"].as_bool() == Some(true) {
        s.redact();
    }
    let plan = crate::plan::Plan::read_file(&s, &out.join("plan.csv"))?;
    Ok((s, report, plan))
}

/// What `explain` is asked.
struct Ask<'a> {
    person: Option<&'a str>,
    post: Option<&'a str>,
    year: Option<i32>,
    redact: bool,
    runner_ups: Option<usize>,
    resolve: (crate::why::Resolve, f64),
    time_limit: f64,
}

/// Reads a plan's output directory back (scenario and policy from its `report.json`) and
/// answers about one official or post.
fn explain_command(out: &Path, ask: &Ask) -> Result<crate::why::Answer> {
    let Ask { person, post, year, redact, .. } = *ask;
    let (s, report, plan) = read_back(out, redact)?;
    let rules = rules::all(&s);
    let rows = explain::explain(&s, &rules, &plan);
    let checked = check::check(&s, &plan);
    if let Some(y) = year {
        planned_year(&s, "--year", y)?;
    }
    let (about, mut answer) = match (person, post) {
        (Some(id), _) => {
            let p = s.ids().people.get(id).copied().ok_or_else(|| {
                Error::Input(vec![crate::error::InputProblem::file("--person", format!("no official {id:?} in the scenario"))])
            })?;
            ((Some(p), None), crate::why::person(&s, &rules, &rows, &checked, p, year))
        }
        (None, Some(id)) => {
            let j = post_ix(&s, id)?;
            ((None, Some(j)), crate::why::post(&s, &rules, &rows, &checked, j, year))
        }
        (None, None) => unreachable!("clap requires --person or --post"),
    };
    if let (Some(k), Some(y)) = (ask.runner_ups, year) {
        let alternatives = crate::why::candidates(&s, &rules, &plan, about, y, k);
        let opts = SolveOptions { time_limit: ask.time_limit, threads: default_threads(), ..SolveOptions::default() };
        let lp = (ask.resolve.0 != crate::why::Resolve::Full).then(|| read_lp(out)).flatten();
        let certified = proving(ask.resolve.0, lp.as_ref(), &s, &rules);
        let base = crate::why::Base {
            plan: &plan,
            objective: checked.objective(),
            bound: bound(&report),
            proven: proven(&report),
            lp: certified.as_ref(),
        };
        answer.runner_ups = crate::why::runner_ups(&s, &opts, base, y, &alternatives, ask.resolve)?;
    }
    Ok(answer)
}

fn plan(args: &PlanArgs, s: Scenario) -> Result<u8> {
    let opts = SolveOptions {
        verbose: args.verbose,
        highs: args.highs.clone(),
        colgen: !args.all_moves,
        root_cuts: true,
        ..args.solve.options()?
    };
    let bar = indicatif::ProgressBar::new_spinner();
    bar.enable_steady_tick(Duration::from_millis(200));
    bar.set_style(indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}").expect("valid template"));
    let outcome = planner::plan(&s, &opts, args.export_mps.as_deref(), &|phase| match phase {
        Phase::Building => bar.set_message("building the model"),
        Phase::Parts(done, total) => bar.set_message(format!("solved {done} of {total} independent parts")),
        Phase::Pricing(round, lp) => bar.set_message(format!("generating moves: round {round}, LP bound so far {lp:.2}")),
        Phase::Solving(p) => {
            let fmt = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.2}"));
            let gap = match (p.incumbent, p.bound) {
                (Some(i), Some(b)) => format!("{:.3}%", crate::mip::rel_gap(i, b) * 100.0),
                _ => "–".into(),
            };
            bar.set_message(format!(
                "solving: {:.1} s, plan {}, bound {}, gap {gap}, {} nodes",
                p.elapsed,
                fmt(p.incumbent),
                fmt(p.bound),
                p.nodes
            ));
        }
    });
    let outcome = match outcome {
        Err(Error::Infeasible(conflicts)) => {
            bar.finish_and_clear();
            // The diagnosis is the result: written like a plan, then the error says it.
            report::write_dir(&args.out, args.force, |dir| report::write_diagnosis(dir, &s, &conflicts))?;
            eprintln!("the diagnosis is in {}", args.out.join("diagnosis.md").display());
            return Err(Error::Infeasible(conflicts));
        }
        Err(e) => {
            bar.finish_and_clear();
            return Err(e);
        }
        Ok(outcome) => outcome,
    };
    let rules = rules::all(&s);
    let rows = explain::explain(&s, &rules, &outcome.plan);
    let alternatives = if args.alternatives > 0 && outcome.report.hard().next().is_none() {
        bar.set_message(format!("looking for {} alternative plan(s)", args.alternatives));
        let (found, end) = planner::alternatives(&s, &opts, &outcome, args.alternatives, args.differ, args.tolerance)?;
        let found: Vec<_> = found
            .into_iter()
            .map(|o| {
                let rows = explain::explain(&s, &rules, &o.plan);
                (o, rows)
            })
            .collect();
        Some((found, end))
    } else {
        None
    };
    bar.finish_and_clear();
    report::write_dir(&args.out, args.force, |dir| {
        report::write_plan_files(dir, &s, &outcome, &rows, &ReportData::new(&s, &outcome, &rows))?;
        match &alternatives {
            Some((found, end)) => report::write_alternatives(dir, &s, &outcome, found, end, args.differ, args.tolerance),
            None => Ok(()),
        }
    })?;
    let sol = &outcome.solution;
    let moves = rows.iter().filter(|r| r.kind.is_change()).count();
    let bound = if sol.bound.is_finite() && sol.gap.is_finite() {
        format!("bound {:.2}, gap {:.4}%", sol.bound, sol.gap * 100.0)
    } else {
        "no bound".to_string()
    };
    println!(
        "{}: {} plan for {}–{} written to {} (objective {:.2}, {bound}, {moves} changes, {:.1} s)",
        s.name,
        sol.status.as_str(),
        s.start_year,
        s.end_year(),
        args.out.display(),
        sol.objective,
        sol.seconds + outcome.stats.build_seconds
    );
    if outcome.stats.unpriced_parts > 0 {
        eprintln!(
            "note: pricing did not end in {} of {} independent part(s){}, so the bound is a weak Lagrangian one; \
             a longer --time-limit gives the LP bound (summary.md)",
            outcome.stats.unpriced_parts,
            outcome.stats.parts,
            crate::report::fell_back_text(outcome.stats.fell_back_parts).map_or(String::new(), |t| format!(" ({t})"))
        );
    }
    if let Some((found, end)) = &alternatives {
        let end = end.text(found.len(), args.differ, sol.objective);
        println!("{} alternative plan(s) written to {} ({end})", found.len(), args.out.join("alternatives").display());
    }
    let hard = outcome.report.hard().count();
    if hard > 0 {
        eprintln!("warning: the independent check found {hard} hard violation(s); see summary.md");
        return Ok(HARD);
    }
    Ok(OK)
}

fn print_check(s: &Scenario, plan: &crate::plan::Plan) -> u8 {
    let report = check::check(s, plan);
    println!("| rule | hard | soft | rewards | penalty |\n|---|---|---|---|---|");
    for (rule, t) in report.tally() {
        println!("| {rule} | {} | {} | {} | {:.2} |", t.hard, t.soft, t.rewards, t.penalty);
    }
    println!("objective: {:.2}", report.objective());
    let hard: Vec<_> = report.hard().collect();
    for f in &hard {
        println!("HARD {} {}: {}", f.rule, f.year, f.message);
    }
    if hard.is_empty() {
        println!("no hard violations");
        OK
    } else {
        HARD
    }
}

/// Maps an error to its exit code: 1 infeasible, 2 bad input or usage, 3 anything else.
pub fn exit_code(e: &Error) -> u8 {
    match e {
        Error::Infeasible(_) => HARD,
        Error::Input(_) | Error::Exists(_) => 2,
        Error::Output { .. } | Error::Solver(_) => 3,
    }
}
