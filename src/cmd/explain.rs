//! `claimcheck explain`: one claim, every step of its check in words.

use std::path::PathBuf;
use std::process::ExitCode;

use claimcheck::check::Options;
use claimcheck::explain;
use claimcheck::report::Verdict;
use claimcheck::store::Store;

use super::{ConfigArgs, emit, store_path, tolerance};

const EXPLAIN_HELP: &str = "\
Examples:
  claimcheck explain 'US private AI investment = 23x China' --period 2025
  claimcheck explain '{p-clockbench-ch2} = 50.6%'

Exit codes: 0 the claim matches, 1 it does not, 2 usage or store error.";

#[derive(Debug, clap::Args)]
#[command(after_help = EXPLAIN_HELP)]
pub(crate) struct ExplainArgs {
    /// The claim, as written in a claims file.
    #[arg(value_name = "CLAIM")]
    pub(crate) claim: String,

    /// The period of a claim that names none.
    #[arg(long, value_name = "PERIOD")]
    pub(crate) period: Option<String>,

    /// The fact store: a folder of source folders [default: the store of
    /// claimcheck.toml, else sources]
    #[arg(long, value_name = "DIR")]
    pub(crate) store: Option<PathBuf>,

    /// Relative width of about, ~ and nearly, in percent [default: 5]
    #[arg(long, value_name = "PERCENT")]
    pub(crate) tolerance: Option<f64>,

    #[command(flatten)]
    pub(crate) config: ConfigArgs,
}

/// Exit codes as for `check`: 0 when the claim matches, 1 when it does not.
pub(crate) fn run(args: &ExplainArgs) -> Result<ExitCode, String> {
    let config = args.config.load()?;
    let options = Options {
        tolerance: tolerance(args.tolerance, config.as_ref())?,
    };
    let store = Store::load(&store_path(args.store.as_deref(), config.as_ref()))
        .map_err(|e| e.to_string())?;
    let explanation = explain::explain(&store, &args.claim, args.period.as_deref(), &options);
    emit(&explanation.text)?;
    Ok(if explanation.report.verdict == Verdict::Match {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
