//! `report.html` rendered in headless Chromium (Debian's `chromium`, which
//! `scripts/test.sh` installs if missing): the page opens from a file with nothing
//! fetched, and its tables and charts are there, with the figures of `report.json` and
//! the officials' Chinese names as written.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tiny")
}

/// The browser: `$ROTAPLAN_CHROMIUM`, or `chromium` on the path.
fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("ROTAPLAN_CHROMIUM") {
        return p.into();
    }
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("chromium"))
        .find(|p| p.is_file())
        .expect("this test renders report.html in Chromium: run scripts/test.sh, which installs Debian's chromium, or set ROTAPLAN_CHROMIUM")
}

/// Runs headless Chromium on `page` with `args` (as root it needs `--no-sandbox`; the
/// background-networking flags keep it from reaching out).
fn headless(page: &Path, args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn the_report_renders_with_its_tables_charts_and_chinese_names() {
    let tmp = tempfile::tempdir().unwrap();
    // Tiny with two officials named in Chinese.
    let dir = tmp.path().join("tiny");
    fs::create_dir(&dir).unwrap();
    for e in fs::read_dir(tiny()).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    let people = fs::read_to_string(dir.join("people.csv")).unwrap();
    fs::write(dir.join("people.csv"), people.replace("Zhang Wei", "张伟").replace("Zhou Hui", "周慧")).unwrap();
    let out = tmp.path().join("out");
    Command::cargo_bin("rotaplan").unwrap().arg("plan").arg(&dir).arg("-o").arg(&out).assert().success();
    let page = out.join("report.html");
    let html = fs::read_to_string(&page).unwrap();
    // Self-contained: nothing to load.
    for needle in ["<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "href=\"http"] {
        assert!(!html.contains(needle), "report.html loads something ({needle})");
    }

    let dom = String::from_utf8(headless(&page, &["--dump-dom"]).stdout).unwrap();
    let report: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    // The charts, each with its bars.
    for chart in ["chart-objective", "chart-moves", "chart-tenure"] {
        let start = dom.find(&format!("<svg id=\"{chart}\"")).unwrap_or_else(|| panic!("{chart} missing"));
        let svg = &dom[start..start + dom[start..].find("</svg>").unwrap()];
        assert!(svg.matches("<rect").count() >= 3, "{chart} has no bars:\n{svg}");
    }
    // The tables, with report.json's figures.
    let table = |id: &str| -> Vec<Vec<String>> {
        let start = dom.find(&format!("<table id=\"{id}\"")).unwrap_or_else(|| panic!("table {id} missing"));
        let body = &dom[start..start + dom[start..].find("</table>").unwrap()];
        body.split("<tr>")
            .skip(2)
            .map(|row| {
                row.split("<td").skip(1).map(|c| c[c.find('>').unwrap() + 1..c.find("</td>").unwrap()].to_string()).collect()
            })
            .collect()
    };
    let moves = table("table-moves");
    let per_year = report["moves_per_year"].as_array().unwrap();
    assert_eq!(moves.len(), per_year.len());
    for (row, year) in moves.iter().zip(per_year) {
        assert_eq!(row[0], year["year"].to_string());
        assert_eq!(row.last().unwrap(), &year["total"].to_string());
    }
    let objective: f64 = table("table-objective").iter().map(|r| r.last().unwrap().parse::<f64>().unwrap()).sum();
    let check = report["solver"]["check"]["objective"].as_f64().unwrap();
    assert!((objective - check).abs() < 0.05, "objective by rule adds up to {objective}, the check says {check}");
    let recusal = table("table-recusal");
    assert_eq!(recusal.len(), report["recusal_conflicts"].as_array().unwrap().len());
    assert!(recusal.iter().any(|r| r[0] == "regional-recusal" && r[1] == "周慧 (C008)" && r[4] == "2027"), "{recusal:?}");
    // Both heads of Lanxi leave in 2027: who, where to and why.
    let heads = table("table-both-heads");
    let leaving: usize =
        report["quality"]["both_heads_leave"].as_array().unwrap().iter().map(|b| b["heads"].as_array().unwrap().len()).sum();
    assert_eq!(heads.len(), leaving);
    assert!(
        heads.iter().any(|r| r[0] == "2027" && r[2] == "张伟 (C001)" && r[4] == "out of post" && r[5].contains("term cap")),
        "{heads:?}"
    );
    // Who is kept past a limit and why, in words (the discipline secretary retires in 2029).
    let kept = table("table-kept");
    assert_eq!(kept.len(), report["quality"]["kept"].as_array().unwrap().len());
    assert!(kept.iter().any(|r| r[3] == "near retirement: retires in 2029"), "{kept:?}");
    assert_eq!(table("table-tenure").len(), 15);
    assert_eq!(table("table-hardship").len(), 5);
    // The plan per unit: one table per unit with posts, today's holder and five years.
    let posts = fs::read_to_string(dir.join("posts.csv")).unwrap();
    let mut with_posts: Vec<&str> = posts.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()).collect();
    with_posts.sort();
    with_posts.dedup();
    assert_eq!(dom.matches("<details class=\"unit\">").count(), with_posts.len(), "one section per unit with posts");
    let county = table("unit-U-party");
    assert_eq!(county[0].len(), 1 + 1 + 5, "{county:?}");
    assert!(county.iter().any(|r| r[1] == "张伟"), "the party secretary today, by name:\n{county:?}");

    // And it paints: a screenshot of the page.
    let shot = tmp.path().join("shot.png");
    headless(&page, &["--window-size=1200,1600", &format!("--screenshot={}", shot.display())]);
    let png = fs::read(&shot).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert!(png.len() > 20_000, "a blank page? {} bytes", png.len());
}
