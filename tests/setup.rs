//! `scripts/deps.sh`, the first step of both README commands: each fault a user can fix
//! (no Rust, no apt-get, no network to a package registry) stops it with exit code 2 and
//! a message saying what to do. The machine is simulated by a `PATH` holding only the
//! tools the case has, and a dead proxy for the network.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn deps_sh() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/deps.sh")
}

/// A directory of links to the named tools found on this machine's `PATH`.
fn tools(dir: &Path, names: &[&str]) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in names {
        if let Some(found) = std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file()) {
            symlink(found, bin.join(name)).unwrap();
        }
    }
    bin
}

/// What the scripts themselves use.
const BASICS: [&str; 12] = ["bash", "id", "grep", "awk", "mktemp", "rm", "cat", "basename", "dirname", "ldconfig", "env", "sed"];

fn run(path: &Path, envs: &[(&str, &str)]) -> Output {
    run_with(path, &[], envs)
}

fn run_with(path: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut c = Command::new("/bin/bash");
    c.arg(deps_sh()).args(args).env_clear().env("PATH", path).env("HOME", std::env::var_os("HOME").unwrap_or_default());
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn assert_exit_2(out: &Output, says: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(says), "expected {says:?} in:\n{stderr}");
}

#[test]
fn without_rust_it_says_how_to_install_it() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = tools(tmp.path(), &BASICS);
    assert_exit_2(&run(&bin, &[]), "Rust is not installed");
}

#[test]
fn without_apt_get_it_names_what_to_install() {
    let tmp = tempfile::tempdir().unwrap();
    // cargo, but neither cmake nor apt-get.
    let bin = tools(tmp.path(), &[&BASICS[..], &["cargo", "rustc", "g++"]].concat());
    assert_exit_2(&run(&bin, &[]), "rotaplan needs cmake");
    // The test command's Chromium (for report.html) is named too.
    assert_exit_2(&run_with(&bin, &["--test"], &[]), "chromium, and this machine has no apt-get");
}

#[test]
fn without_network_to_crates_io_it_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    // apt-get and sudo that fail, first on PATH: on a machine lacking a prerequisite this
    // test must not install anything (it then fails below, saying so).
    let stubs = tmp.path().join("stubs");
    std::fs::create_dir(&stubs).unwrap();
    for name in ["apt-get", "sudo"] {
        let stub = stubs.join(name);
        std::fs::write(&stub, "#!/bin/sh\nexit 1\n").unwrap();
        std::fs::set_permissions(&stub, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    }
    let mut dirs = vec![stubs];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let all = std::env::join_paths(dirs).unwrap();
    let cargo_home = tmp.path().join("cargo-home");
    let rustup_home = std::env::var("RUSTUP_HOME").unwrap_or_else(|_| format!("{}/.rustup", std::env::var("HOME").unwrap()));
    // Everything present but the crates, and the network behind a dead proxy.
    let out = run(
        Path::new(&all),
        &[
            ("CARGO_HOME", cargo_home.to_str().unwrap()),
            ("RUSTUP_HOME", &rustup_home),
            ("CARGO_HTTP_PROXY", "http://127.0.0.1:9"),
            ("CARGO_NET_RETRY", "0"),
            ("LIBCLANG_PATH", std::env::var("LIBCLANG_PATH").as_deref().unwrap_or("")),
        ],
    );
    if String::from_utf8_lossy(&out.stderr).contains("installing") {
        panic!("the test machine lacks a prerequisite: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_exit_2(&out, "could not download the crates");
}
