//! Typed errors of the library.
//!
//! Input problems are collected, never thrown one at a time: a planner fixing a
//! spreadsheet wants every problem of a file in one run, each with the file, the row (as a
//! spreadsheet shows it: the header is row 1) and the column. The binary maps
//! [`Error::Input`] to exit code 2 and [`Error::Infeasible`] to exit code 1.

use std::fmt;
use std::path::PathBuf;

/// One problem in the input, located as precisely as possible.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputProblem {
    /// File, relative to the scenario directory where possible (e.g. `people.csv`).
    pub file: String,
    /// 1-based line as a spreadsheet shows it (header = 1); `None` for whole-file problems.
    pub row: Option<usize>,
    /// Column name; `None` for whole-row or whole-file problems.
    pub column: Option<String>,
    /// What is wrong, and where useful what was expected.
    pub message: String,
}

impl InputProblem {
    /// A problem with a whole file.
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        InputProblem { file: file.into(), row: None, column: None, message: message.into() }
    }
    /// A problem at a row and column.
    pub fn at(file: impl Into<String>, row: usize, column: impl Into<String>, message: impl Into<String>) -> Self {
        InputProblem { file: file.into(), row: Some(row), column: Some(column.into()), message: message.into() }
    }
    /// A problem with a whole row.
    pub fn row(file: impl Into<String>, row: usize, message: impl Into<String>) -> Self {
        InputProblem { file: file.into(), row: Some(row), column: None, message: message.into() }
    }
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = self.row {
            write!(f, ":{r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, " [{c}]")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Errors of the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is malformed or inconsistent; every problem found is listed.
    #[error("{} input problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Input(Vec<InputProblem>),
    /// The hard rules cannot all be met.
    #[error("the hard rules cannot all be met:\n{}", list(.0, 20))]
    Infeasible(Vec<crate::diagnose::Conflict>),
    /// Writing output failed.
    #[error("cannot write {path}: {source}")]
    Output {
        /// The path being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Refusing to overwrite an earlier result.
    #[error("{0} already exists; pass --force to replace it")]
    Exists(PathBuf),
    /// The solver failed for a reason other than infeasibility.
    #[error("solver error: {0}")]
    Solver(String),
}

/// The first `max` items, one per line, and how many more there are.
fn list(items: &[impl std::fmt::Display], max: usize) -> String {
    let mut out: Vec<String> = items.iter().take(max).map(|p| format!("  {p}")).collect();
    if items.len() > max {
        out.push(format!("  … and {} more", items.len() - max));
    }
    out.join("\n")
}

/// Result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;
