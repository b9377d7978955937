//! The `rotaplan` binary: parses the command line, runs it, maps the outcome to an exit
//! code (0 done, 1 hard rules unmet or violated, 2 bad input or usage, 3 other failure).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("ROTAPLAN_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = rotaplan::cli::Cli::parse();
    match rotaplan::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(rotaplan::cli::exit_code(&e))
        }
    }
}
