//! The subcommands, one module each, and what they share.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use claimcheck::config::Config;
use claimcheck::input::{read_regular, show_bytes};
use clap::ValueEnum;

pub(crate) mod audit;
pub(crate) mod check;
pub(crate) mod explain;
pub(crate) mod facts;
pub(crate) mod harvest;
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

/// The name under which standard input appears in reports.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// Whether a path the user named is `-`, standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a path the user named is shown in reports: `<stdin>` for `-`.
pub(crate) fn shown(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_owned()
    } else {
        path.display().to_string()
    }
}

/// Standard input can be read once: naming `-` twice would hand the
/// second reader nothing, silently.
pub(crate) fn stdin_at_most_once<'a>(
    paths: impl IntoIterator<Item = &'a PathBuf>,
) -> Result<(), String> {
    if paths.into_iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err("`-` (standard input) can be named only once".to_owned());
    }
    Ok(())
}

/// The bytes of a file the user named, or of standard input for `-`,
/// refusing more than `limit` bytes; the error names what was read.
pub(crate) fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("{}: cannot read: {e}", shown(path));
    if !is_stdin(path) {
        return read_regular(path, limit).map_err(cannot);
    }
    let mut bytes = Vec::new();
    // One byte past the limit tells input at the limit from larger input.
    std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{STDIN_NAME}: cannot read: larger than {}, the most claimcheck reads",
            show_bytes(limit)
        ));
    }
    Ok(bytes)
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
