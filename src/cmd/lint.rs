//! `claimcheck lint`: the store's own consistency and provenance.

use std::path::PathBuf;
use std::process::ExitCode;

use claimcheck::lint::{self, Date, Options};

use super::{Color, ConfigArgs, Format, emit, store_path, tolerance, use_color};

const LINT_HELP: &str = "\
Examples:
  claimcheck lint                                    lint the store under sources/
  claimcheck lint --format json                      findings as data
  claimcheck lint --max-age 365 --today 2026-11-27   also report retrievals over a year old
  claimcheck lint --codes                            every code, its severity and meaning

A known conflict is acknowledged in sources/<id>/conflicts.json with a note.

Exit codes: 0 no error finding, 1 an error finding, 2 the store cannot be read.";

#[derive(Debug, clap::Args)]
#[command(after_help = LINT_HELP)]
pub(crate) struct LintArgs {
    /// The fact store: a folder of source folders [default: the store of
    /// claimcheck.toml, else sources]
    #[arg(long, value_name = "DIR")]
    pub(crate) store: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    /// Report retrievals older than this many days (no age check without it).
    #[arg(long, value_name = "DAYS")]
    pub(crate) max_age: Option<u32>,

    /// The day ages are counted to, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) today: Option<Date>,

    /// Relative width of about and nearly, in percent, as in `check`
    /// [default: 5]
    #[arg(long, value_name = "PERCENT")]
    pub(crate) tolerance: Option<f64>,

    /// List every finding code with its severity and meaning, and exit.
    #[arg(long)]
    pub(crate) codes: bool,

    /// Colour in human output; `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(crate) color: Color,

    #[command(flatten)]
    pub(crate) config: ConfigArgs,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("`{text}` is not a date written YYYY-MM-DD"))
}

pub(crate) fn run(args: &LintArgs) -> Result<ExitCode, String> {
    if args.codes {
        emit(&lint::render_codes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let config = args.config.load()?;
    let options = Options {
        tolerance: tolerance(args.tolerance, config.as_ref())?,
        max_age_days: args.max_age,
        today: args.today.unwrap_or_else(Date::today),
    };
    let store = store_path(args.store.as_deref(), config.as_ref());
    let report = lint::lint_dir(&store, &options).map_err(|e| e.to_string())?;
    let text = match args.format {
        Format::Human => lint::render_human(&report, use_color(args.color)),
        Format::Json => lint::render_json(&report),
    };
    emit(&text)?;
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
