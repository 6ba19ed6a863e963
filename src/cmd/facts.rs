//! `claimcheck facts`: search the store and show each fact with its provenance.

use std::path::PathBuf;
use std::process::ExitCode;

use claimcheck::facts;
use claimcheck::store::Store;

use super::{ConfigArgs, Format, emit, store_path};

const FACTS_HELP: &str = "\
Examples:
  claimcheck facts 285.9                 the fact whose value is 285.9 (of any magnitude)
  claimcheck facts investment 2025       facts with `investment` in a name and 2025
  claimcheck facts US --format json      every fact about the United States, as data

Exit codes: 0 a fact matches, 1 none does, 2 the store cannot be loaded.";

#[derive(Debug, clap::Args)]
#[command(after_help = FACTS_HELP)]
pub(crate) struct FactsArgs {
    /// Words naming the facts: subject, metric, alias, period, id or value
    /// (`285.9`, `investment 2025`, `US`). Every word must match; none lists all.
    #[arg(value_name = "QUERY", num_args = 0..)]
    pub(crate) query: Vec<String>,

    /// The fact store: a folder of source folders [default: the store of
    /// claimcheck.toml, else sources]
    #[arg(long, value_name = "DIR")]
    pub(crate) store: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) config: ConfigArgs,
}

/// Exit 0 when a fact matches, 1 when none does, 2 when the store does not load.
pub(crate) fn run(args: &FactsArgs) -> Result<ExitCode, String> {
    let config = args.config.load()?;
    let store = Store::load(&store_path(args.store.as_deref(), config.as_ref()))
        .map_err(|e| e.to_string())?;
    let list = facts::search(&store, &args.query.join(" "));
    let text = match args.format {
        Format::Human => facts::render_human(&list),
        Format::Json => facts::render_json(&list),
    };
    emit(&text)?;
    Ok(if list.count > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
