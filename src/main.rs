//! The `claimcheck` command: arguments in, a report out, an exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimcheck::check::{self, Options};
use claimcheck::render;
use claimcheck::report::Report;
use claimcheck::store::Store;

const EXAMPLES: &str = "\
Examples:
  claimcheck check                                   check every .claims file under claims/
  claimcheck check claims/ai-index-2026/summary.claims --format json
  claimcheck check -e 'US private AI investment 2025 = $285.9 billion'
  claimcheck check -e 'AI incidents: 2024 -> 2025 = 233 -> 362'

Exit codes: 0 every claim matches, 1 a claim does not, 2 usage or input error.";

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Checks the numbers in a piece of writing against a store of sourced facts"
)]
#[command(after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check claims files (or one claim given with -e) against the fact store.
    #[command(after_help = EXAMPLES)]
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Claims files, or folders searched for *.claims files.
    #[arg(value_name = "PATHS", default_value = "claims")]
    paths: Vec<PathBuf>,

    /// Check this claim instead of files (repeatable).
    #[arg(short = 'e', long = "expr", value_name = "CLAIM")]
    exprs: Vec<String>,

    /// The period of -e claims that name none.
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,

    /// The fact store: a folder of source folders.
    #[arg(long, value_name = "DIR", default_value = "sources")]
    store: PathBuf,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Relative width of about, ~ and nearly, in percent.
    #[arg(long, value_name = "PERCENT", default_value_t = 5.0)]
    tolerance: f64,

    /// Colour in human output; `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_check(args: &CheckArgs) -> Result<ExitCode, String> {
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
        for expr in &args.exprs {
            claims.extend(check::check_expression(
                &store,
                expr,
                args.period.as_deref(),
                &options,
            ));
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

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}
