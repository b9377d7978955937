//! Tables as rows of text, written as CSV files or as the sheets of one Excel workbook, and
//! Excel cells read back as the same text.
//!
//! Every table `rotaplan` writes (a scenario's, by `scenario::write`; a plan's, by
//! `report`) is built once as a [`Sheet`] and written both ways from it, so that the CSV
//! files and the workbook cannot disagree. In a workbook a cell whose text is a number as
//! [`number_text`] writes it (`2027`, `0.5`; not `007` or `1.0`) is stored as a number, so
//! that Excel sorts and sums it, and [`cell_text`] reads it back as the same text: a table
//! goes through a workbook unchanged.

use crate::error::{Error, Result};
use std::path::Path;

/// One table: a name (the CSV file's stem, the sheet's name), a header and rows of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The CSV file's stem and the sheet's name (at most 31 characters, no `[]:*?/\`).
    pub name: String,
    /// Column names.
    pub header: Vec<String>,
    /// Records, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// An empty table with these columns.
    pub fn new(name: impl Into<String>, header: &[&str]) -> Sheet {
        Sheet { name: name.into(), header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    /// Writes the table as a CSV file (header first).
    pub fn write_csv(&self, path: &Path) -> Result<()> {
        let result = (|| -> csv::Result<()> {
            let mut w = csv::Writer::from_path(path)?;
            w.write_record(&self.header)?;
            for row in &self.rows {
                w.write_record(row)?;
            }
            w.flush()?;
            Ok(())
        })();
        result.map_err(|e| Error::Output { path: path.to_path_buf(), source: e.into() })
    }
}

/// The text of a number as tables hold it: an integral value without a decimal point
/// (`2027`), any other the shortest text that reads back as the same value (`0.5`).
pub fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The number a cell's text stands for, when [`number_text`] gives that text back: so
/// `2027` and `0.5` are numbers, and `007`, `1.0`, `+3`, `1e5` or `inf` stay text.
fn as_number(text: &str) -> Option<f64> {
    let x: f64 = text.parse().ok()?;
    (x.is_finite() && number_text(x) == text).then_some(x)
}

/// A workbook cell as table text; `Err` for what no table cell can be (an Excel error
/// such as `#N/A`, a date), with what it is.
pub fn cell_text(cell: &calamine::Data) -> std::result::Result<String, String> {
    use calamine::Data;
    match cell {
        Data::Empty => Ok(String::new()),
        Data::String(s) => Ok(s.trim().to_owned()),
        Data::Int(i) => Ok(i.to_string()),
        Data::Float(x) => Ok(number_text(*x)),
        Data::Bool(b) => Ok(b.to_string()),
        Data::Error(e) => Err(format!("the cell is an Excel error ({e})")),
        Data::DateTime(d) => {
            Err(format!("the cell is a date or time (serial {}): format it as a number or as text", number_text(d.as_f64())))
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Err(format!("the cell is a date or duration ({s}): format it as a number or as text"))
        }
    }
}

/// Writes `sheets` as one workbook at `path`: each a sheet of that name, its header bold
/// and frozen with a filter on it, its columns as wide as their text (within reason).
pub fn write_workbook(path: &Path, sheets: &[Sheet]) -> Result<()> {
    let err = |e: rust_xlsxwriter::XlsxError| Error::Output { path: path.to_path_buf(), source: std::io::Error::other(e) };
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(err)?;
        let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold).map_err(err)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, text) in row.iter().enumerate() {
                match as_number(text) {
                    Some(x) => ws.write_number(r, c as u16, x).map_err(err)?,
                    None if text.is_empty() => continue,
                    None => ws.write_string(r, c as u16, text).map_err(err)?,
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(text.chars().count());
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*w).clamp(6, 60) as f64 + 1.0).map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
        if !sheet.header.is_empty() {
            ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.header.len() as u16 - 1).map_err(err)?;
        }
    }
    book.save(path).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook, Reader, Xlsx};

    /// Numbers as tables write them are numbers in the workbook; everything else is text,
    /// and both read back as the text written.
    #[test]
    fn a_sheet_goes_through_a_workbook_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let mut sheet = Sheet::new("people", &["person_id", "birth_year", "score", "note"]);
        for row in [["C001", "1975", "0.5", ""], ["007", "1.0", "-3", "1e5"], ["+3", "inf", "  x ", "12345678901234567890"]] {
            sheet.rows.push(row.iter().map(|s| s.to_string()).collect());
        }
        let path = dir.path().join("t.xlsx");
        write_workbook(&path, std::slice::from_ref(&sheet)).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), ["people"]);
        let range = book.worksheet_range("people").unwrap();
        let cells: Vec<Vec<calamine::Data>> = range.rows().map(|r| r.to_vec()).collect();
        use calamine::Data::{Float, String as S};
        assert_eq!(cells[1][1], Float(1975.0), "a year is a number");
        assert_eq!(cells[1][2], Float(0.5));
        assert_eq!(cells[2][0], S("007".into()), "an id with a leading zero stays text");
        assert_eq!(cells[2][1], S("1.0".into()));
        assert_eq!(cells[3][3], S("12345678901234567890".into()), "digits beyond a float's stay text");
        let back: Vec<Vec<String>> = cells.iter().skip(1).map(|r| r.iter().map(|c| cell_text(c).unwrap()).collect()).collect();
        let trimmed: Vec<Vec<String>> = sheet.rows.iter().map(|r| r.iter().map(|c| c.trim().to_string()).collect()).collect();
        assert_eq!(back, trimmed);
        assert_eq!(range.rows().next().unwrap()[0], S("person_id".into()));
    }

    /// What no table cell can be is told as such.
    #[test]
    fn an_excel_error_or_a_date_is_no_cell_text() {
        let e = cell_text(&calamine::Data::Error(calamine::CellErrorType::NA)).unwrap_err();
        assert!(e.contains("Excel error (#N/A)"), "{e}");
        let e = cell_text(&calamine::Data::DateTimeIso("2027-01-01".into())).unwrap_err();
        assert!(e.contains("date"), "{e}");
        assert_eq!(cell_text(&calamine::Data::Int(3)).unwrap(), "3");
        assert_eq!(cell_text(&calamine::Data::Bool(true)).unwrap(), "true");
    }
}
