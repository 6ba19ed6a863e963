//! The subcommands, one module each, and what they share.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use claimcheck::config::Config;
use clap::ValueEnum;

pub(crate) mod audit;
pub(crate) mod check;
pub(crate) mod explain;
pub(crate) mod facts;
pub(crate) mod lint;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Color {
    Auto,
    Always,
    Never,
}

pub(crate) fn use_color(choice: Color) -> bool {
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
pub(crate) fn emit(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    written(
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush()),
    )
}

/// What writing the report to stdout came to: a closed pipe (`| head`)
/// means the reader has what it wanted, not that the run failed.
pub(crate) fn written(result: std::io::Result<()>) -> Result<(), String> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

/// Which claimcheck.toml is read: the nearest one up from the working
/// directory, the one named, or none. Every command honours it.
#[derive(Debug, clap::Args)]
pub(crate) struct ConfigArgs {
    /// Read this claimcheck.toml instead of searching from the working
    /// directory up.
    #[arg(long, value_name = "PATH")]
    pub(crate) config: Option<PathBuf>,

    /// Ignore any claimcheck.toml.
    #[arg(long, conflicts_with = "config")]
    pub(crate) no_config: bool,
}

impl ConfigArgs {
    pub(crate) fn load(&self) -> Result<Option<Config>, String> {
        if self.no_config {
            Ok(None)
        } else if let Some(path) = &self.config {
            Config::load(path).map(Some).map_err(|e| e.to_string())
        } else {
            let here = std::env::current_dir().map_err(|e| format!("no working directory: {e}"))?;
            Config::discover(&here).map_err(|e| e.to_string())
        }
    }
}

/// The store: `--store`, else the configuration's, else `sources`.
pub(crate) fn store_path(flag: Option<&Path>, config: Option<&Config>) -> PathBuf {
    flag.map(Path::to_owned)
        .or_else(|| config.and_then(|c| c.store.clone()))
        .unwrap_or_else(|| PathBuf::from("sources"))
}

/// The width of about, ~ and nearly as a fraction: `--tolerance`, else the
/// configuration's, else 5%.
pub(crate) fn tolerance(flag: Option<f64>, config: Option<&Config>) -> Result<f64, String> {
    let percent = flag.or(config.and_then(|c| c.tolerance)).unwrap_or(5.0);
    if !(0.0..100.0).contains(&percent) {
        return Err(format!(
            "--tolerance must be a percentage from 0 to 100, not {percent}"
        ));
    }
    Ok(percent / 100.0)
}
