//! `claimcheck check`: claims files (or -e claims) against the store.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimcheck::check::{self, Options};
use claimcheck::render;
use claimcheck::report::Report;
use claimcheck::store::Store;

use super::{Color, Format, emit, use_color};

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Claims files, or folders searched for *.claims files.
    #[arg(value_name = "PATHS", default_value = "claims")]
    pub(crate) paths: Vec<PathBuf>,

    /// Check this claim instead of files (repeatable).
    #[arg(short = 'e', long = "expr", value_name = "CLAIM")]
    pub(crate) exprs: Vec<String>,

    /// The period of -e claims that name none.
    #[arg(long, value_name = "PERIOD")]
    pub(crate) period: Option<String>,

    /// The fact store: a folder of source folders.
    #[arg(long, value_name = "DIR", default_value = "sources")]
    pub(crate) store: PathBuf,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    /// Relative width of about, ~ and nearly, in percent.
    #[arg(long, value_name = "PERCENT", default_value_t = 5.0)]
    pub(crate) tolerance: f64,

    /// Colour in human output; `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(crate) color: Color,
}

pub(crate) fn run(args: &CheckArgs) -> Result<ExitCode, String> {
    if !(0.0..100.0).contains(&args.tolerance) {
        return Err(format!(
            "--tolerance must be a percentage from 0 to 100, not {}",
            args.tolerance
        ));
    }
    let options = Options {
        tolerance: args.tolerance / 100.0,
    };
    let store = Store::load(&args.store).map_err(|e| e.to_string())?;
    let mut claims = Vec::new();
    if args.exprs.is_empty() {
        for file in claim_files(&args.paths)? {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
            claims.extend(check::check_text(
                &store,
                &file.display().to_string(),
                &text,
                &options,
            ));
        }
    } else {
        for (number, expr) in args.exprs.iter().enumerate() {
            // `<expr>:N` is the N-th -e claim, so a report line points at its claim.
            let reports = check::check_expression(&store, expr, args.period.as_deref(), &options);
            claims.extend(reports.into_iter().map(|mut r| {
                r.line = number + 1;
                r
            }));
        }
    }
    let report = Report::new(claims);
    let text = match args.format {
        Format::Human => render::human(&report, use_color(args.color)),
        Format::Json => render::json(&report),
    };
    emit(&text)?;
    Ok(if report.all_match() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The files to check: each path itself, or the *.claims files under a folder, sorted.
fn claim_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            collect_claims(path, &mut files)?;
            files[before..].sort();
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(format!("{}: no such file or folder", path.display()));
        }
    }
    Ok(files)
}

fn collect_claims(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_claims(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "claims") {
            files.push(path);
        }
    }
    Ok(())
}
