//! `report.html`: one self-contained page a planner opens in a browser. Styles and charts
//! (inline SVG) are in the file itself, with no script and nothing fetched, so it opens
//! offline and can be mailed as it is. Its figures are [`ReportData`]'s, the same as
//! `report.json` and `summary.md`; the five-year plan per unit is read from the plan.

use super::data::ReportData;
use crate::explain::Row;
use crate::planner::Outcome;
use crate::scenario::{PostIx, Scenario};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn num(x: Option<f64>) -> String {
    x.map_or("n/a".into(), |x| format!("{x:.2}"))
}

/// Colours of the series, in order (colour-blind safe, Okabe–Ito).
const COLOURS: [&str; 7] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999"];

const STYLE: &str = "
body { font-family: system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
       margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
nav a { margin-right: 1em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.chg { background: #fff3cd; } td.vac { background: #f8d7da; color: #721c24; }
details { margin: 0.3em 0; } summary { cursor: pointer; }
svg text { font-size: 12px; fill: #222; }
.legend span { display: inline-block; margin-right: 1em; }
.legend i { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: middle; }
.warn { color: #a00; }
";

/// A legend line for `labels`, in [`COLOURS`] order.
fn legend(labels: &[&str]) -> String {
    let items: String = labels
        .iter()
        .enumerate()
        .map(|(k, l)| format!("<span><i style=\"background:{}\"></i>{}</span>", COLOURS[k % COLOURS.len()], esc(l)))
        .collect();
    format!("<p class=\"legend\">{items}</p>\n")
}

/// The least of 1, 2, 4, 6, 8 times a power of ten at or above `x` (1 for nothing): the top
/// of an axis whose halves are round too.
fn nice_ceiling(x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 4.0, 6.0, 8.0, 10.0].iter().map(|m| m * mag).find(|&top| top >= x - 1e-9).unwrap_or(10.0 * mag)
}

/// Vertical bars per category: `series[k][c]` is series `k`'s value in category `c`,
/// stacked (`stacked`) or side by side.
fn column_chart(id: &str, title: &str, categories: &[String], series: &[(&str, Vec<f64>)], stacked: bool) -> String {
    let (w, h, left, bottom, top) = (720.0, 260.0, 48.0, 28.0, 12.0);
    let plot_h = h - bottom - top;
    let n = categories.len().max(1) as f64;
    let slot = (w - left - 8.0) / n;
    let max = if stacked {
        (0..categories.len()).map(|c| series.iter().map(|s| s.1[c]).sum::<f64>()).fold(0.0, f64::max)
    } else {
        series.iter().flat_map(|s| s.1.iter().copied()).fold(0.0, f64::max)
    };
    let max = nice_ceiling(max);
    let y = |v: f64| top + plot_h * (1.0 - v / max);
    let mut svg = format!(
        "<svg id=\"{id}\" role=\"img\" aria-label=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>\n",
        esc(title),
        esc(title)
    );
    // Axis with three ticks.
    for k in 0..=2 {
        let v = max * k as f64 / 2.0;
        let _ = writeln!(
            svg,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{:.1}\" \
             text-anchor=\"end\">{}</text>",
            w - 8.0,
            left - 4.0,
            y(v) + 4.0,
            if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v}") },
            y = y(v)
        );
    }
    for (c, cat) in categories.iter().enumerate() {
        let x0 = left + slot * c as f64;
        let mut base = 0.0;
        for (k, (name, values)) in series.iter().enumerate() {
            let v = values[c];
            let colour = COLOURS[k % COLOURS.len()];
            let (x, bw, from) = if stacked {
                (x0 + slot * 0.15, slot * 0.7, base)
            } else {
                let bw = slot * 0.8 / series.len() as f64;
                (x0 + slot * 0.1 + bw * k as f64, bw, 0.0)
            };
            if v > 0.0 {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" fill=\"{colour}\">\
                     <title>{}: {}</title></rect>",
                    y(from + v),
                    y(from) - y(from + v),
                    esc(&format!("{cat}, {name}")),
                    v
                );
            }
            base += v;
        }
        let _ = writeln!(svg, "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>", x0 + slot / 2.0, h - 10.0, esc(cat));
    }
    svg + "</svg>\n"
}

/// Horizontal bars around zero, one per labelled value (negative values to the left).
fn bar_chart(id: &str, title: &str, bars: &[(String, f64)]) -> String {
    let (w, row, label_w) = (720.0, 20.0, 170.0);
    let h = row * bars.len().max(1) as f64 + 8.0;
    let lo = bars.iter().map(|b| b.1).fold(0.0, f64::min);
    let hi = bars.iter().map(|b| b.1).fold(0.0, f64::max);
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let plot_w = w - label_w - 80.0;
    let x = |v: f64| label_w + plot_w * (v - lo) / span;
    let mut svg = format!(
        "<svg id=\"{id}\" role=\"img\" aria-label=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>\n",
        esc(title),
        esc(title)
    );
    let _ = writeln!(svg, "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"0\" y2=\"{h}\" stroke=\"#888\"/>", x(0.0));
    for (k, (label, v)) in bars.iter().enumerate() {
        let top = 4.0 + row * k as f64;
        let (x0, x1) = (x(v.min(0.0)), x(v.max(0.0)));
        let colour = if *v < 0.0 { COLOURS[2] } else { COLOURS[5] };
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" \
             height=\"{:.1}\" fill=\"{colour}\"><title>{}: {v:.2}</title></rect><text x=\"{:.1}\" y=\"{:.1}\">{v:.2}</text>",
            label_w - 6.0,
            top + 13.0,
            esc(label),
            top + 2.0,
            (x1 - x0).max(1.0),
            row - 6.0,
            esc(label),
            x1 + 4.0,
            top + 13.0
        );
    }
    svg + "</svg>\n"
}

/// A table: a header row and body rows of cells already in HTML (`<td>…</td>`).
fn table(id: &str, head: &[&str], rows: impl IntoIterator<Item = String>) -> String {
    let head: String = head.iter().map(|h| format!("<th>{}</th>", esc(h))).collect();
    let body: String = rows.into_iter().map(|r| format!("<tr>{r}</tr>\n")).collect();
    format!("<table id=\"{id}\"><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n")
}

fn td(text: &str) -> String {
    format!("<td>{}</td>", esc(text))
}

fn td_n(x: impl std::fmt::Display) -> String {
    format!("<td class=\"n\">{x}</td>")
}

/// The page for the plan of `o` (rows: the plan explained; `d`: its figures).
pub fn html(s: &Scenario, o: &Outcome, rows: &[Row], d: &ReportData) -> String {
    let title = format!("Plan for {} ({}–{})", s.name, s.start_year, s.end_year());
    let ids = s.ids();
    let person = |id: &str| match ids.people.get(id).map(|&p| s.person(p)) {
        Some(p) if p.name != p.id => format!("{} ({})", p.name, p.id),
        _ => id.to_string(),
    };
    let post = |j: PostIx| super::post_title(s, j);
    let post_id = |id: &Option<String>| id.as_deref().and_then(|id| ids.posts.get(id)).map_or("reserve".into(), |&j| post(j));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    let policy = d.policy_file.as_deref().unwrap_or("inline in scenario.toml");
    let sv = &d.solver;
    let _ = writeln!(
        out,
        "<p>Policy: {}. Status: <b>{}</b>; objective {}, bound {}, gap {}. The independent check finds {} hard \
         violation(s).{}</p>",
        esc(policy),
        esc(&sv.status),
        num(sv.objective),
        num(sv.bound),
        sv.gap.map_or("n/a".into(), |g| format!("{:.4}%", g * 100.0)),
        sv.check.hard_violations,
        if d.redacted { " Names are replaced by ids (redacted)." } else { "" }
    );
    out += "<nav><a href=\"#objective\">Objective by rule</a><a href=\"#moves\">Moves per year</a>\
            <a href=\"#tenure\">Years in post</a><a href=\"#hardship\">Hardship posts</a>\
            <a href=\"#recusal\">Recusal conflicts</a><a href=\"#quality\">Plan quality</a>\
            <a href=\"#reshuffle\">Reshuffle lists</a><a href=\"#units\">Plan per unit</a></nav>\n";

    // Solver.
    out += "<h2 id=\"solver\">Solver</h2>\n";
    let solver_rows = [
        ("status", esc(&sv.status)),
        ("objective", num(sv.objective)),
        ("best bound", num(sv.bound)),
        ("gap", sv.gap.map_or("n/a".into(), |g| format!("{:.4}%", g * 100.0))),
        ("LP bound (all moves)", esc(&d.lp_bound_text())),
        ("solve time", format!("{:.2} s", sv.solve_seconds)),
        ("greedy baseline", format!("{:.2} ({} hard violations)", sv.baseline.objective, sv.baseline.hard_violations)),
        ("check", format!("objective {:.2}; {} hard violation(s)", sv.check.objective, sv.check.hard_violations)),
    ];
    out += &table("solver-table", &["item", "value"], solver_rows.iter().map(|(k, v)| format!("{}<td>{v}</td>", td(k))));

    // Objective by rule.
    out += "<h2 id=\"objective\">Objective by rule</h2>\n<p>What each rule adds to the objective (penalties right, \
            rewards left), as the independent check recomputes it from the plan.</p>\n";
    let tallies: Vec<_> = d.rules.iter().filter(|r| r.objective != 0.0 || r.hard + r.soft + r.rewards > 0).collect();
    out += &bar_chart(
        "chart-objective",
        "Objective by rule",
        &tallies.iter().map(|r| (r.rule.clone(), r.objective)).collect::<Vec<_>>(),
    );
    out += &table(
        "table-objective",
        &["rule", "hard", "soft", "rewards", "objective"],
        tallies.iter().map(|r| {
            format!("{}{}{}{}{}", td(&r.rule), td_n(r.hard), td_n(r.soft), td_n(r.rewards), td_n(format!("{:.2}", r.objective)))
        }),
    );

    // Moves per year by kind.
    out += "<h2 id=\"moves\">Moves per year</h2>\n";
    let kinds: Vec<&str> = d.moves_per_year.first().map_or(Vec::new(), |y| y.by_kind.keys().copied().collect());
    let years: Vec<String> = d.moves_per_year.iter().map(|y| y.year.to_string()).collect();
    let series: Vec<(&str, Vec<f64>)> =
        kinds.iter().map(|&k| (k, d.moves_per_year.iter().map(|y| y.by_kind[k] as f64).collect())).collect();
    out += &legend(&kinds);
    out += &column_chart("chart-moves", "Moves per year by kind", &years, &series, true);
    let mut head = vec!["year"];
    head.extend(&kinds);
    head.push("total");
    out += &table(
        "table-moves",
        &head,
        d.moves_per_year.iter().map(|y| {
            let cells: String = kinds.iter().map(|k| td_n(y.by_kind[k])).collect();
            format!("{}{cells}{}", td_n(y.year), td_n(y.total))
        }),
    );

    // Tenure before and after.
    let t = &d.tenure;
    let _ = writeln!(
        out,
        "<h2 id=\"tenure\">Years in post, before and after</h2>\n<p>Officials holding a post by the years they have \
         held it: in {} (before the plan) and in {} (its last year).</p>",
        s.start_year - 1,
        s.end_year()
    );
    let before = format!("{}", s.start_year - 1);
    let after = format!("{}", s.end_year());
    out += &legend(&[&before, &after]);
    out += &column_chart(
        "chart-tenure",
        "Years in post, before and after",
        &t.bins,
        &[
            (before.as_str(), t.before.iter().map(|&n| n as f64).collect()),
            (after.as_str(), t.after.iter().map(|&n| n as f64).collect()),
        ],
        false,
    );
    out += &table(
        "table-tenure",
        &["years in post", &before, &after],
        t.bins.iter().enumerate().map(|(k, b)| format!("{}{}{}", td(b), td_n(t.before[k]), td_n(t.after[k]))),
    );

    // Hardship posts.
    out += "<h2 id=\"hardship\">Hardship posts held</h2>\n";
    out += &table(
        "table-hardship",
        &["year", "hardship posts", "held", "empty"],
        d.hardship.iter().map(|h| format!("{}{}{}{}", td_n(h.year), td_n(h.posts), td_n(h.held), td_n(h.posts - h.held))),
    );

    // Recusal conflicts.
    let resolved = d.recusal_conflicts.iter().filter(|c| c.resolved_in.is_some()).count();
    let _ = writeln!(
        out,
        "<h2 id=\"recusal\">Recusal conflicts of today's postings</h2>\n<p>{} conflict(s) if nobody moved; the plan \
         resolves {resolved}.</p>",
        d.recusal_conflicts.len()
    );
    out += &table(
        "table-recusal",
        &["rule", "official", "post today", "conflict", "resolved in"],
        d.recusal_conflicts.iter().map(|c| {
            format!(
                "{}{}{}{}{}",
                td(c.rule),
                td(&person(&c.person_id)),
                td(&post_id(&c.post_id)),
                td(&c.message),
                c.resolved_in.map_or("<td class=\"warn\">not resolved</td>".into(), td_n)
            )
        }),
    );

    // Plan quality.
    let q = &d.quality;
    out += "<h2 id=\"quality\">Plan quality</h2>\n";
    out += &table(
        "table-reach",
        &["post-to-post moves", "exchange", "rotation", "promotion"],
        q.reach.iter().map(|r| {
            let label = match r.reach {
                "place" => "to another place",
                "unit" => "to another unit of the place",
                _ => "inside the unit",
            };
            format!("{}{}{}{}", td(label), td_n(r.exchange), td_n(r.rotation), td_n(r.promotion))
        }),
    );
    let _ = writeln!(out, "<p>Departures before the {}-year minimum stay: {}.</p>", q.minimum_stay, q.early_departures.len());
    if !q.early_departures.is_empty() {
        out += &table(
            "table-early",
            &["year", "official", "left", "after (years)", "forced by"],
            q.early_departures.iter().map(|e| {
                format!(
                    "{}{}{}{}{}",
                    td_n(e.year),
                    td(&person(&e.person_id)),
                    td(&e.from_post_id),
                    td_n(e.years_served),
                    e.forced_by.as_deref().map_or("<td class=\"warn\">nothing</td>".into(), td)
                )
            }),
        );
    }
    if !q.kept.is_empty() {
        out += "<p>Officials kept past a tenure limit, and why:</p>\n";
        out += &table(
            "table-kept",
            &["rule", "official", "last year", "why", "finding"],
            q.kept.iter().map(|k| {
                format!("{}{}{}{}{}", td(k.rule), td(&person(&k.person_id)), td_n(k.year), td(&k.why_text()), td(&k.message))
            }),
        );
    }
    let _ = writeln!(out, "<p>Years in which both heads of a place leave: {}.</p>", q.both_heads_leave.len());
    if !q.both_heads_leave.is_empty() {
        out += &table(
            "table-both-heads",
            &["year", "units", "official", "left", "to", "why"],
            q.both_heads_leave.iter().flat_map(|b| {
                b.heads.iter().map(|h| {
                    format!(
                        "{}{}{}{}{}{}",
                        td_n(b.year),
                        td(&b.units.join(", ")),
                        td(&person(&h.person_id)),
                        td(&h.from_post_id),
                        td(h.to_post_id.as_deref().unwrap_or("out of post")),
                        td(&h.reason)
                    )
                })
            }),
        );
    }

    // Reshuffle lists.
    out += "<h2 id=\"reshuffle\">Reshuffle lists</h2>\n";
    for y in o.plan.years() {
        let moves: Vec<&Row> = rows.iter().filter(|r| r.year == y && r.kind.is_change()).collect();
        let _ = writeln!(
            out,
            "<details{}><summary>{y}: {} move(s)</summary>",
            if y == s.start_year { " open" } else { "" },
            moves.len()
        );
        out += &table(
            &format!("reshuffle-{y}"),
            &["official", "move", "from", "to", "reason"],
            moves.iter().map(|r| {
                let p = s.person(r.person);
                format!(
                    "{}{}{}{}{}",
                    td(&person(&p.id)),
                    td(r.kind.as_str()),
                    td(&r.previous.map_or("reserve".into(), post)),
                    td(&r.post.map_or(
                        if r.kind == crate::explain::MoveKind::Retire { "retires".into() } else { "reserve".into() },
                        post
                    )),
                    td(&r.reason)
                )
            }),
        );
        out += "</details>\n";
    }

    // Five-year plan per unit.
    out += "<h2 id=\"units\">The plan per unit</h2>\n<p>Who holds each post each year; a changed holder is \
            <span style=\"background:#fff3cd\">marked</span>, an empty post <span style=\"background:#f8d7da\">red</span>.</p>\n";
    let years: Vec<i32> = (s.start_year - 1..=s.end_year()).collect();
    let holders: Vec<_> = years.iter().map(|&y| o.plan.holders_at(s, y)).collect();
    let mut head: Vec<String> = vec!["post".into()];
    head.extend(years.iter().map(|y| if *y < s.start_year { format!("{y} (today)") } else { y.to_string() }));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    for (u, unit) in s.units.iter().enumerate() {
        let posts: Vec<usize> = (0..s.posts.len()).filter(|&j| s.posts[j].unit.0 as usize == u).collect();
        if posts.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<details class=\"unit\"><summary>{} <small>({}, {} post(s){})</small></summary>",
            esc(&unit.name),
            esc(&unit.id),
            posts.len(),
            if unit.hardship > 0 { format!(", hardship level {}", unit.hardship) } else { String::new() }
        );
        out += &table(
            &format!("unit-{}", esc(&unit.id)),
            &head,
            posts.iter().map(|&j| {
                let mut cells = td(&format!("{} ({})", s.posts[j].title, s.posts[j].id));
                for (k, h) in holders.iter().enumerate() {
                    let names: Vec<&str> = h[j].iter().map(|&p| s.person(p).name.as_str()).collect();
                    let class = if names.is_empty() {
                        " class=\"vac\""
                    } else if k > 0 && holders[k - 1][j] != h[j] {
                        " class=\"chg\""
                    } else {
                        ""
                    };
                    let ids: Vec<&str> = h[j].iter().map(|&p| s.person(p).id.as_str()).collect();
                    let _ = write!(
                        cells,
                        "<td{class} title=\"{}\">{}</td>",
                        esc(&ids.join(", ")),
                        if names.is_empty() { "—".into() } else { esc(&names.join(", ")) }
                    );
                }
                cells
            }),
        );
        out += "</details>\n";
    }
    out += "</body>\n</html>\n";
    out
}

/// The page of `rotaplan compare`: the side-by-side table (`head`, `rows`: text cells) and,
/// per variant, its differences from the first.
pub fn compare_page(title: &str, head: &[String], rows: &[Vec<String>], diffs: &[(&str, &crate::diff::Diff)]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<h1>{}</h1>\n",
        esc(title),
        esc(title)
    );
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    out += &table("compare", &head, rows.iter().map(|r| r.iter().map(|c| td(c)).collect::<String>()));
    for (label, d) in diffs {
        let _ = writeln!(
            out,
            "<h2 id=\"diff-{}\">{} against {}</h2>\n<p>{} official(s), {} person-year(s) differ.</p>",
            esc(label),
            esc(label),
            esc(head.get(1).copied().unwrap_or("")),
            d.people.len(),
            d.person_years
        );
        out += &table(
            &format!("diff-table-{}", esc(label)),
            &["official", "how", "under the first", &format!("under {label}")],
            d.people.iter().map(|p| {
                let who = if p.name == p.person_id { p.person_id.clone() } else { format!("{} ({})", p.name, p.person_id) };
                format!("{}{}{}{}", td(&who), td(p.kind.text()), td(&p.a), td(&p.b))
            }),
        );
    }
    out + "</body>\n</html>\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<a href=\"x\">Tom & 'Jerry'</a>"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        assert_eq!(esc("张伟"), "张伟");
    }

    #[test]
    fn axes_end_on_round_numbers() {
        let tops: Vec<f64> = [0.0, 0.7, 3.0, 8.0, 83.0, 100.0, 101.0].iter().map(|&x| nice_ceiling(x)).collect();
        assert_eq!(tops, [1.0, 0.8, 4.0, 8.0, 100.0, 100.0, 200.0]);
    }

    #[test]
    fn charts_draw_one_bar_per_positive_value() {
        let cats = vec!["2027".to_string(), "2028".to_string()];
        let svg = column_chart("c", "t", &cats, &[("a", vec![1.0, 0.0]), ("b", vec![2.0, 3.0])], true);
        assert_eq!(svg.matches("<rect").count(), 3);
        let svg = bar_chart("b", "t", &[("x".into(), -2.0), ("y".into(), 5.0)]);
        assert_eq!(svg.matches("<rect").count(), 2);
    }
}
