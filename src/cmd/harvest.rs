//! `claimcheck harvest`: a report's numbers as draft facts of a new source.

use std::path::PathBuf;
use std::process::ExitCode;

use claimcheck::audit::{Format, decode};
use claimcheck::harvest::{self, HarvestError};
use claimcheck::store::{Source, SourceKind};

use super::{ConfigArgs, emit, read_input, store_path};

const HARVEST_HELP: &str = "\
Examples:
  claimcheck harvest report.md --id acme-2026
  claimcheck harvest report.txt --id acme-2026 --title 'Acme Annual Report 2026' --url https://acme.example/report
  claimcheck lint && claimcheck audit summary.md

Writes <store>/<id>/: source.json, facts.jsonl (one draft fact per number, quoted and
located) and text/ (the document, so that lint verifies every quote). Form feeds in a
plain-text document (as PDF-to-text tools write them) number its pages.

Exit codes: 0 written, 2 usage or input error (an existing folder without --force).";

#[derive(Debug, clap::Args)]
#[command(after_help = HARVEST_HELP)]
pub(crate) struct HarvestArgs {
    /// The document: Markdown (.md) or plain text.
    #[arg(value_name = "DOCUMENT")]
    pub(crate) document: PathBuf,

    /// The source's id, the name of its folder in the store.
    #[arg(long)]
    pub(crate) id: String,

    /// The fact store to write into [default: the store of claimcheck.toml,
    /// else sources]
    #[arg(long, value_name = "DIR")]
    pub(crate) store: Option<PathBuf>,

    /// Replace an existing source folder of that id.
    #[arg(long)]
    pub(crate) force: bool,

    /// The document's title [default: its first heading or line]
    #[arg(long)]
    pub(crate) title: Option<String>,

    /// Who published it.
    #[arg(long)]
    pub(crate) publisher: Option<String>,

    /// When, YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) published: Option<String>,

    /// Where to read it.
    #[arg(long)]
    pub(crate) url: Option<String>,

    /// Its licence.
    #[arg(long)]
    pub(crate) licence: Option<String>,

    /// primary (the publisher's own figures) or secondary.
    #[arg(long, value_parser = ["primary", "secondary"])]
    pub(crate) kind: Option<String>,

    /// When it was retrieved, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) retrieved: Option<String>,

    #[command(flatten)]
    pub(crate) config: ConfigArgs,
}

/// The most of a document read: a long report is a few megabytes.
const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

pub(crate) fn run(args: &HarvestArgs) -> Result<ExitCode, String> {
    let config = args.config.load()?;
    let store = store_path(args.store.as_deref(), config.as_ref());
    if !harvest::valid_id(&args.id) {
        return Err(HarvestError::BadId(args.id.clone()).to_string());
    }
    let name = args.document.display().to_string();
    let bytes = read_input(&args.document, MAX_DOCUMENT_BYTES)?;
    let text = decode(&name, &bytes).map_err(|e| e.to_string())?;
    let source = Source {
        id: args.id.clone(),
        title: args.title.clone(),
        publisher: args.publisher.clone(),
        published: args.published.clone(),
        url: args.url.clone(),
        licence: args.licence.clone(),
        kind: args.kind.as_deref().map(|k| match k {
            "primary" => SourceKind::Primary,
            _ => SourceKind::Secondary,
        }),
        citation: None,
        retrieved: args.retrieved.clone(),
        dir: PathBuf::new(),
    };
    let harvested = harvest::harvest(text, Format::of_document(&name, text), source);
    let dir =
        harvest::write(&store, &harvested, &name, text, args.force).map_err(|e| e.to_string())?;
    emit(&format!(
        "harvested {} draft fact{} from {name} into {}\n{} number{} left out (spelled out, or not stated in digits in its quote)\n",
        harvested.facts.len(),
        if harvested.facts.len() == 1 { "" } else { "s" },
        dir.display(),
        harvested.skipped.len(),
        if harvested.skipped.len() == 1 {
            ""
        } else {
            "s"
        },
    ))?;
    Ok(ExitCode::SUCCESS)
}
