//! Tables (CSV files, or the sheets of a workbook) read into memory, with typed cell getters that record every problem with
//! its file, row (as a spreadsheet shows it: the header is row 1) and column. The scenario
//! loader reads every table through it (from a CSV file, or from a sheet of the directory's
//! workbook: [`TableSource`]), and so does `Plan::read_file` (`plan.csv`, or `plan.xlsx`'s
//! sheet `plan`).

use super::write::WORKBOOK;
use crate::error::InputProblem;
use csv::StringRecord;
use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::Path;

/// The whole of a text file, or `None` after recording why it cannot be read. A leading
/// UTF-8 byte order mark (as Excel writes one) is dropped; text that is not UTF-8 is
/// reported on the line of its first bad byte, with the likely cause.
pub(crate) fn read_text(path: &Path, file: &str, p: &mut Vec<InputProblem>) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            p.push(InputProblem::file(file, "missing required file"));
            return None;
        }
        Err(e) => {
            p.push(InputProblem::file(file, format!("cannot read: {e}")));
            return None;
        }
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(e) => {
            let line = line_of(bytes, e.valid_up_to());
            let message = "is not UTF-8 text (saved as GBK/GB18030 or another code page? \
                           save it as \"CSV UTF-8\" or re-encode it as UTF-8)";
            p.push(InputProblem::row(file, line, message));
            None
        }
    }
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

// ---------------------------------------------------------------------------------------
// Where a scenario's tables are

/// Where a scenario directory's tables are read from: its CSV files, or, when the directory
/// holds [`WORKBOOK`], that workbook's sheets (a table's sheet is named as its CSV file
/// without `.csv`).
pub(crate) struct TableSource<'a> {
    dir: &'a Path,
    /// The workbook's sheets, when there is one (`Some(None)`: it could not be read).
    book: Option<Option<HashMap<String, calamine::Range<calamine::Data>>>>,
}

impl<'a> TableSource<'a> {
    /// The tables of the scenario directory `dir`.
    pub(crate) fn open(dir: &'a Path, p: &mut Vec<InputProblem>) -> TableSource<'a> {
        let path = dir.join(WORKBOOK);
        if !path.exists() {
            return TableSource { dir, book: None };
        }
        let sheets = sheets(&path).map_err(|e| p.push(InputProblem::file(WORKBOOK, e))).ok();
        TableSource { dir, book: Some(sheets) }
    }

    /// The table `file` (e.g. `people.csv`), as [`Table::read`] reads it from a CSV file.
    pub(crate) fn read(&self, file: &str, required: bool, columns: &[&str], p: &mut Vec<InputProblem>) -> Table {
        let Some(book) = &self.book else {
            return Table::read(self.dir, file, required, columns, p);
        };
        let sheet = file.strip_suffix(".csv").unwrap_or(file);
        let label = format!("{WORKBOOK}/{sheet}");
        if self.dir.join(file).exists() {
            p.push(InputProblem::file(file, format!("{WORKBOOK} holds the tables: remove {file}, or the workbook")));
        }
        match book.as_ref().map(|sheets| sheets.get(sheet)) {
            Some(Some(range)) => Table::from_range(range, &label, columns, p),
            Some(None) if required => {
                p.push(InputProblem::file(WORKBOOK, format!("missing required sheet \"{sheet}\"")));
                Table::unread(label)
            }
            _ => Table::unread(label),
        }
    }
}

/// Every sheet of the workbook at `path`, by name; `Err` says why it cannot be read.
fn sheets(path: &Path) -> Result<HashMap<String, calamine::Range<calamine::Data>>, String> {
    use calamine::Reader;
    let mut book = calamine::open_workbook::<calamine::Xlsx<_>, _>(path).map_err(|e| format!("cannot read the workbook: {e}"))?;
    book.sheet_names()
        .into_iter()
        .map(|name| book.worksheet_range(&name).map(|range| (name, range)))
        .collect::<Result<HashMap<_, _>, _>>()
        .map_err(|e| format!("cannot read the workbook: {e}"))
}

// ---------------------------------------------------------------------------------------
// CSV tables

/// A CSV file read into memory, with its header.
pub(crate) struct Table {
    /// The file as reported in problems.
    pub(crate) file: String,
    /// Column name → position.
    pub(crate) cols: HashMap<String, usize>,
    /// Line number (as a spreadsheet shows it), record, and whether it has the header's
    /// length (a ragged row still registers its id, but yields no entity).
    pub(crate) rows: Vec<(usize, StringRecord, bool)>,
    /// Whether the file was read.
    read: bool,
}

impl Table {
    /// Reads `file` of the scenario directory `dir`; a missing optional file is an empty table.
    pub(crate) fn read(dir: &Path, file: &str, required: bool, columns: &[&str], p: &mut Vec<InputProblem>) -> Table {
        let path = dir.join(file);
        if !required && !path.exists() {
            return Table::unread(file.to_owned());
        }
        Table::read_path(&path, file, columns, p)
    }

    /// Reads the table at `path`, reported as `file`: a CSV file, or, where `path` ends in
    /// `.xlsx`, the workbook's sheet `sheet` (reported as `file/sheet`); every column in
    /// `columns` must be there.
    pub(crate) fn read_file(path: &Path, file: &str, sheet: &str, columns: &[&str], p: &mut Vec<InputProblem>) -> Table {
        if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
            return Table::read_path(path, file, columns, p);
        }
        let label = format!("{file}/{sheet}");
        match sheets(path).map(|mut sheets| sheets.remove(sheet)) {
            Ok(Some(range)) => Table::from_range(&range, &label, columns, p),
            Ok(None) => {
                p.push(InputProblem::file(file, format!("missing required sheet \"{sheet}\"")));
                Table::unread(label)
            }
            Err(e) => {
                p.push(InputProblem::file(file, e));
                Table::unread(label)
            }
        }
    }

    /// A table that could not be read (its problem is reported): no columns, no rows.
    fn unread(file: String) -> Table {
        Table { file, cols: HashMap::new(), rows: Vec::new(), read: false }
    }

    /// Reads the CSV file at `path`, reported as `file`; every column in `columns` must be there.
    pub(crate) fn read_path(path: &Path, file: &str, columns: &[&str], p: &mut Vec<InputProblem>) -> Table {
        let mut t = Table::unread(file.to_owned());
        let Some(text) = read_text(path, file, p) else {
            return t;
        };
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(text.as_bytes());
        // Lines are counted here rather than taken from the reader, which does not count the
        // blank lines it skips (and a record's position is where that skipping began).
        let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let line = |pos: Option<&csv::Position>| {
            let start = pos.map_or(0, |pos| pos.byte() as usize);
            let start = start + text[start..].len() - text[start..].trim_start_matches(['\r', '\n']).len();
            newlines.partition_point(|&n| n < start) + 1
        };
        let header = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                p.push(InputProblem::row(file, 1, format!("cannot read the header: {e}")));
                return t;
            }
        };
        t.read = true;
        t.set_header(header.iter(), columns, p);
        for record in reader.records() {
            match record {
                Ok(r) => {
                    let (line, ok) = (line(r.position()), r.len() == header.len());
                    if !ok {
                        p.push(InputProblem::row(
                            file,
                            line,
                            format!("has {} fields but the header has {}", r.len(), header.len()),
                        ));
                    }
                    t.rows.push((line, r, ok));
                }
                Err(e) => p.push(InputProblem::row(file, line(e.position()), format!("cannot read: {e}"))),
            }
        }
        t
    }

    /// Takes the column names of the header (the first of two equally named columns wins)
    /// and reports each of `columns` that is not among them.
    fn set_header<'h>(&mut self, header: impl Iterator<Item = &'h str>, columns: &[&str], p: &mut Vec<InputProblem>) {
        for (i, name) in header.enumerate() {
            self.cols.entry(name.to_owned()).or_insert(i);
        }
        for col in columns.iter().filter(|c| !self.cols.contains_key(**c)) {
            let problem = InputProblem {
                file: self.file.clone(),
                row: None,
                column: Some((*col).into()),
                message: "missing required column".into(),
            };
            p.push(problem);
        }
    }

    /// Reads the sheet `range` of a workbook, reported as `file`: its first row the header,
    /// rows numbered as Excel shows them, blank rows skipped; every column in `columns`
    /// must be there.
    fn from_range(range: &calamine::Range<calamine::Data>, file: &str, columns: &[&str], p: &mut Vec<InputProblem>) -> Table {
        let mut t = Table { file: file.to_owned(), cols: HashMap::new(), rows: Vec::new(), read: true };
        let first = range.start().map_or(0, |(row, _)| row as usize);
        let mut rows = range.rows().enumerate().map(|(i, cells)| (first + i + 1, cells));
        let header: Vec<String> = match rows.next() {
            Some((line, cells)) => cells
                .iter()
                .map(|c| {
                    crate::sheet::cell_text(c).unwrap_or_else(|e| {
                        p.push(InputProblem::row(file, line, format!("in the header: {e}")));
                        String::new()
                    })
                })
                .collect(),
            None => Vec::new(),
        };
        // The header ends at its last named column; a value beyond it has no column.
        let width = header.iter().rposition(|h| !h.is_empty()).map_or(0, |i| i + 1);
        t.set_header(header[..width].iter().map(String::as_str), columns, p);
        for (line, cells) in rows {
            let mut ok = true;
            let mut record = Vec::with_capacity(width);
            for (i, cell) in cells.iter().enumerate() {
                let text = crate::sheet::cell_text(cell).unwrap_or_else(|e| {
                    ok = false;
                    let column = header.get(i).filter(|h| !h.is_empty()).cloned().unwrap_or_else(|| format!("column {}", i + 1));
                    p.push(InputProblem::at(file, line, column, e));
                    String::new()
                });
                if i < width {
                    record.push(text);
                } else if !text.is_empty() {
                    ok = false;
                    p.push(InputProblem::row(file, line, format!("has a value in column {}, beyond the header's last", i + 1)));
                }
            }
            if record.iter().all(|c| c.is_empty()) && ok {
                continue; // a blank row, as a CSV reader skips a blank line
            }
            record.resize(width, String::new());
            t.rows.push((line, StringRecord::from(record), ok));
        }
        t
    }

    /// The id table of the `col` column, reporting duplicates.
    pub(crate) fn ids<T: Copy>(&self, col: &str, what: &'static str, ix: fn(u32) -> T, p: &mut Vec<InputProblem>) -> Ids<T> {
        let mut ids = Ids { file: self.file.clone(), what, map: HashMap::new(), names: Vec::new(), known: false };
        let Some(&c) = self.cols.get(col) else {
            return ids;
        };
        ids.known = self.read;
        for (i, (line, record, _)) in self.rows.iter().enumerate() {
            let id = record.get(c).unwrap_or_default();
            ids.names.push(id.to_owned());
            if id.is_empty() {
                continue; // reported by the row itself
            }
            if let Some(&(_, first)) = ids.map.get(id) {
                p.push(InputProblem::at(&self.file, *line, col, format!("duplicate {what} \"{id}\" (first on row {first})")));
            } else {
                ids.map.insert(id.to_owned(), (ix(i as u32), *line));
            }
        }
        ids
    }

    /// Runs `f` over every row; the result has one entry per row, `None` where it was bad.
    pub(crate) fn rows<T>(&self, p: &mut Vec<InputProblem>, mut f: impl FnMut(&mut Row) -> Option<T>) -> Vec<Option<T>> {
        self.rows
            .iter()
            .map(|(line, record, ok)| {
                let row = &mut Row { file: &self.file, line: *line, cols: &self.cols, record, p: &mut *p };
                ok.then(|| f(row)).flatten()
            })
            .collect()
    }
}

/// Ids of one file, resolved to indices.
pub(crate) struct Ids<T> {
    file: String,
    what: &'static str,
    /// Id → index and line of its first row.
    pub(crate) map: HashMap<String, (T, usize)>,
    /// Id of each row, by index.
    pub(crate) names: Vec<String>,
    /// False when the file is missing or unusable: its own problem explains every
    /// reference into it, so they are not reported again.
    known: bool,
}

/// One row of a [`Table`], with typed getters that record problems and return `None`.
pub(crate) struct Row<'a> {
    file: &'a str,
    pub(crate) line: usize,
    cols: &'a HashMap<String, usize>,
    record: &'a StringRecord,
    p: &'a mut Vec<InputProblem>,
}

impl<'a> Row<'a> {
    /// The cell, `None` when empty or when the column is absent.
    pub(crate) fn get(&self, col: &str) -> Option<&'a str> {
        self.cols.get(col).and_then(|&i| self.record.get(i)).filter(|v| !v.is_empty())
    }

    /// Records a problem in `col` of this row.
    pub(crate) fn problem(&mut self, col: &str, message: impl Into<String>) {
        self.p.push(InputProblem::at(self.file, self.line, col, message));
    }

    /// Records an empty required cell (a missing column is reported once, for the file).
    fn missing(&mut self, col: &str) {
        if self.cols.contains_key(col) {
            self.problem(col, "missing value");
        }
    }

    /// The parsed cell; an empty cell takes `default` and is a problem without one
    pub(crate) fn cell<T>(&mut self, col: &str, default: Option<T>, parse: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        let Some(v) = self.get(col) else {
            if default.is_none() {
                self.missing(col);
            }
            return default;
        };
        parse(v).map_err(|m| self.problem(col, m)).ok()
    }

    /// A required non-empty string.
    pub(crate) fn text(&mut self, col: &str) -> Option<String> {
        self.cell(col, None, |v| Ok(v.to_owned()))
    }

    /// An integer in `range`.
    pub(crate) fn int(&mut self, col: &str, range: RangeInclusive<i32>, default: Option<i32>) -> Option<i32> {
        self.cell(col, default, |v| int(v, range))
    }

    /// A boolean.
    pub(crate) fn flag(&mut self, col: &str, default: Option<bool>) -> Option<bool> {
        self.cell(col, default, |v| match v.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(true),
            "false" | "0" | "no" => Ok(false),
            _ => Err(format!("not a boolean (true/false, 1/0, yes/no): \"{v}\"")),
        })
    }

    /// One of a fixed set of spellings (case-insensitive).
    pub(crate) fn choice<T>(&mut self, col: &str, parse: impl FnOnce(&str) -> Option<T>, expected: &str) -> Option<T> {
        self.cell(col, None, |v| parse(&v.to_ascii_lowercase()).ok_or_else(|| format!("\"{v}\" is not one of {expected}")))
    }

    /// A required reference to an id of another (or the same) file.
    pub(crate) fn id<T: Copy>(&mut self, col: &str, ids: &Ids<T>) -> Option<T> {
        if self.get(col).is_none() {
            self.missing(col);
        }
        self.opt_id(col, ids).flatten()
    }

    /// An optional reference: `Some(None)` for an empty cell.
    pub(crate) fn opt_id<T: Copy>(&mut self, col: &str, ids: &Ids<T>) -> Option<Option<T>> {
        let Some(v) = self.get(col) else {
            return Some(None);
        };
        match ids.map.get(v) {
            Some(&(ix, _)) => Some(Some(ix)),
            None => {
                if ids.known {
                    self.problem(col, format!("unknown {} \"{v}\" (not in {})", ids.what, ids.file));
                }
                None
            }
        }
    }
}

/// Parses an integer in `range`.
pub(crate) fn int(v: &str, range: RangeInclusive<i32>) -> Result<i32, String> {
    let x: i32 = v.parse().map_err(|_| format!("not an integer: \"{v}\""))?;
    if range.contains(&x) {
        return Ok(x);
    }
    Err(match (*range.start(), *range.end()) {
        (lo, i32::MAX) => format!("must be at least {lo}, got {x}"),
        (i32::MIN, hi) => format!("must be at most {hi}, got {x}"),
        (lo, hi) => format!("must be in {lo}..={hi}, got {x}"),
    })
}
