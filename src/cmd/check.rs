//! `claimcheck check`: claims files (or -e claims) against the store.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimcheck::audit::decode;
use claimcheck::check::{self, Options};
use claimcheck::claim::{Entry, parse_line};
use claimcheck::config::{Config, FailOn, Level, Outcome, Policy, Waivers};
use claimcheck::input::open_regular;
use claimcheck::render::{self, Detail};
use claimcheck::report::{ClaimReport, Report};
use claimcheck::store::Store;

use super::{
    Color, ConfigArgs, emit, is_stdin, read_input, shown, stdin_at_most_once, store_path,
    tolerance, use_color,
};

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Claims files, or folders searched for *.claims files; `-` reads
    /// claims from standard input [default: the claim globs of
    /// claimcheck.toml, else claims]
    #[arg(value_name = "PATHS")]
    pub(crate) paths: Vec<PathBuf>,

    /// Check this claim instead of files (repeatable).
    #[arg(short = 'e', long = "expr", value_name = "CLAIM")]
    pub(crate) exprs: Vec<String>,

    /// The period of -e claims that name none.
    #[arg(long, value_name = "PERIOD")]
    pub(crate) period: Option<String>,

    #[command(flatten)]
    pub(crate) common: CommonArgs,
}

/// What `check` and `audit` share: the store, the output and the policy.
#[derive(Debug, clap::Args)]
pub(crate) struct CommonArgs {
    /// The fact store: a folder of source folders [default: the store of
    /// claimcheck.toml, else sources]
    #[arg(long, value_name = "DIR")]
    pub(crate) store: Option<PathBuf>,

    /// Output: text, JSON, GitHub Actions annotations or SARIF 2.1.0.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub(crate) format: ReportFormat,

    /// Relative width of about, ~ and nearly, in percent [default: 5]
    #[arg(long, value_name = "PERCENT")]
    pub(crate) tolerance: Option<f64>,

    /// Colour in human output; `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(crate) color: Color,

    #[command(flatten)]
    pub(crate) config: ConfigArgs,

    /// The verdicts that fail the run, comma-separated: mismatch,
    /// missing-provenance, ambiguous, invalid, contradicted [default: all]
    #[arg(long, value_name = "VERDICTS", value_delimiter = ',')]
    pub(crate) fail_on: Option<Vec<String>>,

    /// Whether loose matches fail the run or only warn [default: warn]
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(crate) loose: Option<LevelArg>,

    /// Human output: show every claim or number in full with its
    /// provenance, not only those that need an editor.
    #[arg(short, long, conflicts_with = "quiet")]
    pub(crate) verbose: bool,

    /// Human output: show only what needs an editor and the summary, not a
    /// line per passing claim or number.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

impl CommonArgs {
    /// How much the human format shows.
    pub(crate) fn detail(&self) -> Detail {
        if self.verbose {
            Detail::Verbose
        } else if self.quiet {
            Detail::Quiet
        } else {
            Detail::Normal
        }
    }
}

/// The formats of `check` and `audit`: those of every command, and the CI ones.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum ReportFormat {
    Human,
    Json,
    Github,
    Sarif,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum LevelArg {
    Warn,
    Fail,
}

impl From<LevelArg> for Level {
    fn from(level: LevelArg) -> Level {
        match level {
            LevelArg::Warn => Level::Warn,
            LevelArg::Fail => Level::Fail,
        }
    }
}

/// The settings in force: command-line flags over claimcheck.toml over defaults.
pub(crate) struct Settings {
    pub(crate) config: Option<Config>,
    pub(crate) store: PathBuf,
    pub(crate) options: Options,
    pub(crate) policy: Policy,
    pub(crate) waivers: Waivers,
}

impl CommonArgs {
    pub(crate) fn settings(&self, unsourced: Option<LevelArg>) -> Result<Settings, String> {
        let config = self.config.load()?;
        let tolerance = tolerance(self.tolerance, config.as_ref())?;
        let mut policy = Policy::default();
        if let Some(c) = &config {
            if let Some(fail_on) = &c.fail_on {
                policy.fail_on = fail_on.clone();
            }
            policy.loose = c.loose.unwrap_or(policy.loose);
            policy.unsourced = c.unsourced.unwrap_or(policy.unsourced);
        }
        if let Some(names) = &self.fail_on {
            policy.fail_on = names
                .iter()
                .map(|n| n.trim())
                .filter(|n| !n.is_empty() && *n != "none")
                .map(|n| {
                    FailOn::parse(n).ok_or_else(|| {
                        let known: Vec<&str> = FailOn::ALL.iter().map(|f| f.as_str()).collect();
                        format!(
                            "--fail-on: unknown verdict `{n}`; use {} or none",
                            known.join(", ")
                        )
                    })
                })
                .collect::<Result<_, _>>()?;
        }
        if let Some(level) = self.loose {
            policy.loose = level.into();
        }
        if let Some(level) = unsourced {
            policy.unsourced = level.into();
        }
        let store = store_path(self.store.as_deref(), config.as_ref());
        let waivers = Waivers::new(config.as_ref());
        Ok(Settings {
            config,
            store,
            options: Options { tolerance },
            policy,
            waivers,
        })
    }
}

pub(crate) fn run(args: &CheckArgs) -> Result<ExitCode, String> {
    let settings = args.common.settings(None)?;
    let store = Store::load(&settings.store).map_err(|e| e.to_string())?;
    let mut claims = Vec::new();
    if args.exprs.is_empty() {
        let files = claim_files(&args.paths, settings.config.as_ref())?;
        if files.is_empty() {
            return Err(nothing_found(&args.paths, settings.config.as_ref()));
        }
        claims = check_files(&store, &files, &settings)?;
        if claims.is_empty() {
            let names: Vec<String> = files.iter().map(|f| shown(f)).collect();
            return Err(format!(
                "{}: no claims in {}; a run that checks nothing fails",
                names.join(", "),
                if files.len() == 1 { "it" } else { "them" }
            ));
        }
    } else {
        for (number, expr) in args.exprs.iter().enumerate() {
            // `<expr>:N` is the N-th -e claim, so a report line points at its claim.
            let reports =
                check::check_expression(&store, expr, args.period.as_deref(), &settings.options);
            if reports.is_empty() {
                return Err(format!(
                    "-e {expr:?} holds no claim (it is empty or a comment); a run that checks nothing fails"
                ));
            }
            claims.extend(reports.into_iter().map(|mut r| {
                r.line = number + 1;
                r
            }));
        }
    }
    let report = Report::new(claims);
    let outcomes: Vec<Outcome> = report
        .claims
        .iter()
        .map(|c| settings.policy.claim(c))
        .collect();
    let text = match args.common.format {
        ReportFormat::Human => {
            render::human(&report, use_color(args.common.color), args.common.detail())
        }
        ReportFormat::Json => render::json(&report),
        ReportFormat::Github => render::github_check(&report, &outcomes),
        ReportFormat::Sarif => render::sarif_check(&report, &outcomes),
    };
    emit(&text)?;
    Ok(exit_code(&outcomes))
}

/// 1 when anything fails the policy, 0 otherwise.
pub(crate) fn exit_code(outcomes: &[Outcome]) -> ExitCode {
    if outcomes.contains(&Outcome::Fail) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The largest claims file read: hand-written claims run to kilobytes.
const MAX_CLAIMS_FILE_BYTES: u64 = 64 << 20;

/// Checks claims files and applies the waivers (the configuration's, and
/// `@waive` next to a claim).
pub(crate) fn check_files(
    store: &Store,
    files: &[PathBuf],
    settings: &Settings,
) -> Result<Vec<ClaimReport>, String> {
    let mut claims = Vec::new();
    for file in files {
        let bytes = read_input(file, MAX_CLAIMS_FILE_BYTES)?;
        let name = shown(file);
        let text = decode(&name, &bytes).map_err(|e| e.to_string())?;
        let mut reports = check::check_text(store, &name, text, &settings.options);
        let lines: Vec<&str> = text.lines().collect();
        for report in &mut reports {
            let annotation =
                lines
                    .get(report.line.wrapping_sub(1))
                    .and_then(|line| match parse_line(line) {
                        Ok(Some(Entry::Claim(c))) => c.waiver,
                        _ => None,
                    });
            settings.waivers.apply_to_claim(report, annotation);
        }
        claims.extend(reports);
    }
    Ok(claims)
}

/// The files to check: the paths given, else the configuration's claim
/// globs, else `claims/`; a folder stands for the *.claims files under it.
pub(crate) fn claim_files(
    paths: &[PathBuf],
    config: Option<&Config>,
) -> Result<Vec<PathBuf>, String> {
    if paths.is_empty() {
        if let Some(c) = config.filter(|c| !c.claims.is_empty()) {
            let found = c.files(&c.claims).map_err(|e| e.to_string())?;
            return Ok(found.into_iter().map(|p| shorten(&p)).collect());
        }
        return claim_files(&[PathBuf::from("claims")], None);
    }
    stdin_at_most_once(paths)?;
    let mut files = Vec::new();
    for path in paths {
        if is_stdin(path) {
            files.push(path.clone());
        } else if path.is_dir() {
            let before = files.len();
            collect_claims(path, &mut files)?;
            files[before..].sort();
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            let why = match open_regular(path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    "no such file or folder".to_owned()
                }
                Err(e) => format!("cannot read: {e}"),
                Ok(_) => "cannot read".to_owned(),
            };
            return Err(format!("{}: {why}", path.display()));
        }
    }
    Ok(files)
}

/// What was searched when no claims file was found, as an error: a run
/// that checks nothing fails, as an `audit` with no article does.
pub(crate) fn nothing_found(paths: &[PathBuf], config: Option<&Config>) -> String {
    let searched = if !paths.is_empty() {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    } else if let Some(c) = config.filter(|c| !c.claims.is_empty()) {
        format!(
            "the `claims` globs of {} ({})",
            c.path.display(),
            c.claims.join(", ")
        )
    } else {
        "claims".to_owned()
    };
    format!("no .claims files in {searched}; a run that checks nothing fails")
}

/// A path relative to the working directory when it lies under it, so that
/// reports show the paths a reader would type.
pub(crate) fn shorten(path: &Path) -> PathBuf {
    let Ok(here) = std::env::current_dir() else {
        return path.to_owned();
    };
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        here.join(path)
    };
    let cleaned: PathBuf = absolute
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    cleaned
        .strip_prefix(&here)
        .map(Path::to_owned)
        .unwrap_or(cleaned)
}

/// The *.claims files under `dir`, following links to folders. A link that
/// leads back to a folder it sits in is an error: followed, it would count
/// every claim again on each turn, or never end.
fn collect_claims(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        let entry = entry.map_err(|e| claimcheck::config::walk_error(dir, &e))?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "claims") {
            files.push(path.to_owned());
        }
    }
    Ok(())
}
