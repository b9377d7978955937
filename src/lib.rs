//! `rotaplan`: an optimization-based rotation planner for leading officials.
//!
//! The pipeline, one module per stage (see `ARCHITECTURE.md`):
//! scenario → validate ([`scenario::load`]) → [`eligibility`] → model ([`formulation`],
//! [`rules`]) → solve ([`mip`]) → [`plan`] → [`check`] → [`explain`] → [`report`].
#![deny(missing_docs)]

pub mod check;
pub mod cli;
pub mod compare;
pub mod diagnose;
pub mod diff;
pub mod eligibility;
pub mod error;
pub mod explain;
pub mod formulation;
pub mod generate;
pub mod greedy;
pub mod import;
pub mod mip;
pub mod plan;
pub mod planner;
pub mod policy;
pub mod report;
pub mod rules;
pub mod scenario;
pub mod search;
pub mod sheet;
#[doc(hidden)]
pub mod testkit;
pub mod why;
