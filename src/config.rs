//! `claimcheck.toml`: where things are, what fails a run, and waivers.
//!
//! ```toml
//! store = "sources"                       # the fact store
//! claims = ["claims/**/*.claims"]         # claims files `check` and `audit` read
//! articles = ["articles/**/*.md"]         # what `audit` reads with no FILES
//! tolerance = 5                           # percent: the width of about, ~, nearly
//! fail-on = ["mismatch", "invalid"]       # verdicts that fail the run
//! loose = "warn"                          # "warn" | "fail": loose matches
//! unsourced = "warn"                      # "warn" | "fail": audit numbers no fact answers
//!
//! [[waiver]]                              # a claim or an article number, by file and line
//! file = "claims/ai-index-2026/summary.claims"
//! line = 40
//! reason = "the report states both values"
//!
//! [[waiver]]                              # or a claim by its label
//! label = "clockbench-top"
//! reason = "chapter 2's value is the one we cite"
//! ```
//!
//! The file is found by walking up from the working directory; paths in it
//! are relative to its folder. Unknown keys are errors that name their line.
//! With no file, everything is as the command-line defaults say.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::audit::{Finding, Status};
use crate::report::{ClaimReport, Verdict, Waived};

pub const FILE_NAME: &str = "claimcheck.toml";

/// A verdict or finding that can fail a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    Mismatch,
    MissingProvenance,
    Ambiguous,
    Invalid,
    /// An audit number that the store's facts rule out.
    Contradicted,
}

impl FailOn {
    pub const ALL: [FailOn; 5] = [
        FailOn::Mismatch,
        FailOn::MissingProvenance,
        FailOn::Ambiguous,
        FailOn::Invalid,
        FailOn::Contradicted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Mismatch => "mismatch",
            FailOn::MissingProvenance => "missing-provenance",
            FailOn::Ambiguous => "ambiguous",
            FailOn::Invalid => "invalid",
            FailOn::Contradicted => "contradicted",
        }
    }

    pub fn parse(name: &str) -> Option<FailOn> {
        FailOn::ALL.into_iter().find(|f| f.as_str() == name)
    }

    fn of(verdict: Verdict) -> Option<FailOn> {
        match verdict {
            Verdict::Match => None,
            Verdict::Mismatch => Some(FailOn::Mismatch),
            Verdict::MissingProvenance => Some(FailOn::MissingProvenance),
            Verdict::Ambiguous => Some(FailOn::Ambiguous),
            Verdict::Invalid => Some(FailOn::Invalid),
        }
    }
}

/// Whether something worth a look fails the run or only warns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warn,
    Fail,
}

/// What each result means for the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Pass,
    /// Would fail or warn, but a waiver accepts it.
    Waived,
    Warn,
    Fail,
}

/// Which results fail a run. The default is `check`'s behaviour without a
/// configuration: every verdict but a match fails, loose matches and
/// unsourced numbers warn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub fail_on: BTreeSet<FailOn>,
    pub loose: Level,
    pub unsourced: Level,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            fail_on: FailOn::ALL.into_iter().collect(),
            loose: Level::Warn,
            unsourced: Level::Warn,
        }
    }
}

impl Policy {
    fn level(&self, level: Level) -> Outcome {
        match level {
            Level::Warn => Outcome::Warn,
            Level::Fail => Outcome::Fail,
        }
    }

    fn verdict(&self, verdict: Verdict, loose: bool) -> Outcome {
        match FailOn::of(verdict) {
            None if loose => self.level(self.loose),
            None => Outcome::Pass,
            Some(kind) if self.fail_on.contains(&kind) => Outcome::Fail,
            Some(_) => Outcome::Warn,
        }
    }

    pub fn claim(&self, claim: &ClaimReport) -> Outcome {
        let outcome = self.verdict(claim.verdict, claim.loose);
        waive(outcome, claim.waived.is_some())
    }

    pub fn finding(&self, finding: &Finding) -> Outcome {
        let outcome = match finding.status {
            Status::Claimed => {
                self.verdict(finding.verdict.unwrap_or(Verdict::Match), finding.loose)
            }
            Status::Backed | Status::Derived => Outcome::Pass,
            Status::Contradicted if self.fail_on.contains(&FailOn::Contradicted) => Outcome::Fail,
            Status::Contradicted => Outcome::Warn,
            Status::Unsourced => self.level(self.unsourced),
        };
        waive(outcome, finding.waived().is_some())
    }
}

fn waive(outcome: Outcome, waived: bool) -> Outcome {
    if waived && outcome != Outcome::Pass {
        Outcome::Waived
    } else {
        outcome
    }
}

/// What a waiver points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A line of a claims file or of an article.
    Line { file: PathBuf, line: usize },
    /// A claim by its `[label]`.
    Label(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub target: Target,
    pub reason: String,
    /// Where the waiver is written, `claimcheck.toml:12`.
    pub by: String,
}

/// A loaded `claimcheck.toml`, paths resolved against its folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: PathBuf,
    pub root: PathBuf,
    pub store: Option<PathBuf>,
    pub claims: Vec<String>,
    pub articles: Vec<String>,
    /// Percent.
    pub tolerance: Option<f64>,
    pub fail_on: Option<BTreeSet<FailOn>>,
    pub loose: Option<Level>,
    pub unsourced: Option<Level>,
    pub waivers: Vec<Waiver>,
}

/// A configuration file that cannot be used, with the place to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {message}")]
    Io { path: String, message: String },
    #[error("{0}")]
    Walk(String),
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    store: Option<String>,
    claims: Option<Vec<String>>,
    articles: Option<Vec<String>>,
    tolerance: Option<toml::Spanned<f64>>,
    fail_on: Option<Vec<FailOn>>,
    loose: Option<Level>,
    unsourced: Option<Level>,
    #[serde(default)]
    waiver: Vec<toml::Spanned<RawWaiver>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    file: Option<String>,
    line: Option<usize>,
    label: Option<String>,
    reason: String,
}

impl Config {
    /// The nearest `claimcheck.toml` in `dir` or a folder above it. Its path
    /// is kept relative to `dir` (`claimcheck.toml`, `../claimcheck.toml`),
    /// so that reports and waivers show short, machine-independent paths.
    pub fn discover(dir: &Path) -> Result<Option<Config>, ConfigError> {
        for (up, folder) in dir.ancestors().enumerate() {
            if folder.join(FILE_NAME).is_file() {
                let mut relative = PathBuf::new();
                for _ in 0..up {
                    relative.push("..");
                }
                relative.push(FILE_NAME);
                let text = std::fs::read_to_string(folder.join(FILE_NAME)).map_err(|e| {
                    ConfigError::Io {
                        path: relative.display().to_string(),
                        message: e.to_string(),
                    }
                })?;
                return Config::parse(&relative, &text).map(Some);
            }
        }
        Ok(None)
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Config::parse(path, &text)
    }

    /// Parses the text of a configuration file found at `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let invalid = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = line_column(text, span.map_or(0, |s| s.start));
            ConfigError::Invalid {
                path: shown.clone(),
                line,
                column,
                message,
            }
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| invalid(e.span(), e.message().trim().to_owned()))?;
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_owned();
        if let Some(t) = &raw.tolerance
            && !(0.0..100.0).contains(t.get_ref())
        {
            return Err(invalid(
                Some(t.span()),
                format!(
                    "tolerance must be a percentage from 0 to 100, not {}",
                    t.get_ref()
                ),
            ));
        }
        let mut waivers = Vec::new();
        for spanned in &raw.waiver {
            let span = spanned.span();
            let w = spanned.get_ref();
            let target = match (&w.file, w.line, &w.label) {
                (Some(file), Some(line), None) => Target::Line {
                    file: root.join(file),
                    line,
                },
                (None, None, Some(label)) => Target::Label(label.clone()),
                _ => {
                    return Err(invalid(
                        Some(span),
                        "a waiver names either `file` and `line`, or a `label`".to_owned(),
                    ));
                }
            };
            if w.reason.trim().is_empty() {
                return Err(invalid(Some(span), "a waiver needs a `reason`".to_owned()));
            }
            let (line, _) = line_column(text, span.start);
            waivers.push(Waiver {
                target,
                reason: w.reason.trim().to_owned(),
                by: format!("{shown}:{line}"),
            });
        }
        Ok(Config {
            path: path.to_owned(),
            store: raw.store.map(|s| root.join(s)),
            claims: raw.claims.unwrap_or_default(),
            articles: raw.articles.unwrap_or_default(),
            tolerance: raw.tolerance.map(|t| *t.get_ref()),
            fail_on: raw.fail_on.map(|v| v.into_iter().collect()),
            loose: raw.loose,
            unsourced: raw.unsourced,
            waivers,
            root,
        })
    }

    /// The files under the configuration's folder that match `globs`, sorted.
    pub fn files(&self, globs: &[String]) -> Result<Vec<PathBuf>, ConfigError> {
        let mut builder = globset::GlobSetBuilder::new();
        for glob in globs {
            let compiled = globset::GlobBuilder::new(glob)
                .literal_separator(true)
                .build()
                .map_err(|e| ConfigError::Invalid {
                    path: self.path.display().to_string(),
                    line: 1,
                    column: 1,
                    message: format!("bad glob `{glob}`: {e}"),
                })?;
            builder.add(compiled);
        }
        let set = builder.build().map_err(|e| ConfigError::Invalid {
            path: self.path.display().to_string(),
            line: 1,
            column: 1,
            message: e.to_string(),
        })?;
        let mut found = Vec::new();
        // Hidden folders and `target` hold no articles or claims; a link
        // loop is reported, not followed. Other folders that cannot be read
        // are passed over, as a glob over the whole repository meets them.
        let walk = walkdir::WalkDir::new(&self.root)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                e.depth() == 0
                    || !e.file_type().is_dir()
                    || !(name.starts_with('.') || name == "target")
            });
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) if e.loop_ancestor().is_some() => {
                    return Err(ConfigError::Walk(walk_error(&self.root, &e)));
                }
                Err(_) => continue,
            };
            if entry.file_type().is_file()
                && let Ok(relative) = entry.path().strip_prefix(&self.root)
                && set.is_match(relative)
            {
                found.push(entry.into_path());
            }
        }
        found.sort();
        Ok(found)
    }
}

/// A walk's error in words: a link loop names the folder it leads back to.
pub fn walk_error(dir: &Path, e: &walkdir::Error) -> String {
    let at = e.path().unwrap_or(dir).display();
    match e.loop_ancestor() {
        Some(ancestor) => format!(
            "{at}: a link that leads back to {}, which holds it; remove the link",
            ancestor.display()
        ),
        None => format!(
            "{at}: cannot read: {}",
            e.io_error()
                .map_or_else(|| e.to_string(), ToString::to_string)
        ),
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = crate::audit::text::floor_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Whether two paths name the same file: both canonical when they exist,
/// compared as written (with `./` removed) otherwise.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => clean(a) == clean(b),
    }
}

/// What [`same_file`] compares, for many paths at once: two paths that
/// name the same file have the same key. Resolving a path costs a system
/// call per component, so a caller matching many paths against many others
/// resolves each once and compares keys.
pub fn file_key(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| clean(path))
}

fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// Waivers from a configuration and from `@waive` annotations, applied.
#[derive(Debug, Clone, Default)]
pub struct Waivers {
    pub list: Vec<Waiver>,
}

impl Waivers {
    pub fn new(config: Option<&Config>) -> Waivers {
        Waivers {
            list: config.map(|c| c.waivers.clone()).unwrap_or_default(),
        }
    }

    fn by_line(&self, file: &Path, line: usize) -> Option<&Waiver> {
        self.list.iter().find(|w| match &w.target {
            Target::Line { file: f, line: l } => *l == line && same_file(f, file),
            Target::Label(_) => false,
        })
    }

    fn by_label(&self, label: &str) -> Option<&Waiver> {
        self.list
            .iter()
            .find(|w| matches!(&w.target, Target::Label(l) if l == label))
    }

    /// Marks a claim waived by its line, its article line, its label, or a
    /// `@waive "reason"` written next to it (`annotation`).
    pub fn apply_to_claim(&self, claim: &mut ClaimReport, annotation: Option<String>) {
        if let Some(reason) = annotation {
            claim.waived = Some(Waived {
                reason,
                by: format!("{}:{}", claim.file, claim.line),
            });
            return;
        }
        let found = self
            .by_line(Path::new(&claim.file), claim.line)
            .or_else(|| {
                claim
                    .article
                    .as_ref()
                    .and_then(|a| self.by_line(Path::new(&a.path), a.line as usize))
            })
            .or_else(|| claim.label.as_deref().and_then(|l| self.by_label(l)));
        if let Some(w) = found {
            claim.waived = Some(Waived {
                reason: w.reason.clone(),
                by: w.by.clone(),
            });
        }
    }

    /// Marks an audit finding waived by its article line, or because every
    /// claim that states it is waived.
    pub fn apply_to_finding(&self, finding: &mut Finding, claims: &[ClaimReport]) {
        if let Some(w) = self.by_line(Path::new(&*finding.file), finding.line as usize) {
            finding.detail_mut().waived = Some(Waived {
                reason: w.reason.clone(),
                by: w.by.clone(),
            });
            return;
        }
        let waivers: Vec<&Waived> = finding
            .claims()
            .iter()
            .filter_map(|link| {
                claims
                    .iter()
                    .find(|c| c.file == link.file && c.line == link.line)
                    .and_then(|c| c.waived.as_ref())
            })
            .collect();
        if !waivers.is_empty() && waivers.len() == finding.claims().len() {
            let waiver = waivers[0].clone();
            finding.detail_mut().waived = Some(waiver);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("repo/claimcheck.toml"), text)
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let err = parse("store = \"sources\"\n\nfail_on = [\"mismatch\"]\n").unwrap_err();
        let ConfigError::Invalid { line, message, .. } = err else {
            panic!("{err}")
        };
        assert_eq!(line, 3);
        assert!(message.contains("unknown field `fail_on`"), "{message}");
        let err = parse("[[waiver]]\nlabel = \"x\"\nreason = \"y\"\nwhy = 1\n").unwrap_err();
        assert!(
            err.to_string().starts_with("repo/claimcheck.toml:4:"),
            "{err}"
        );
    }

    #[test]
    fn values_are_checked() {
        let err = parse("fail-on = [\"mismatch\", \"sometimes\"]\n").unwrap_err();
        assert!(err.to_string().contains("repo/claimcheck.toml:1:"), "{err}");
        assert!(
            err.to_string().contains("unknown variant `sometimes`"),
            "{err}"
        );
        let err = parse("tolerance = 120\n").unwrap_err();
        assert!(err.to_string().contains("from 0 to 100"), "{err}");
        let err = parse("[[waiver]]\nfile = \"a.md\"\nreason = \"r\"\n").unwrap_err();
        assert!(
            err.to_string().contains("either `file` and `line`"),
            "{err}"
        );
    }

    /// The example in the README is valid.
    #[test]
    fn the_documented_example_parses() {
        let docs = include_str!("../README.md");
        let start = docs.find("```toml\n").unwrap() + "```toml\n".len();
        let end = start + docs[start..].find("```").unwrap();
        let config = parse(&docs[start..end]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.waivers.len(), 2);
        assert_eq!(config.unsourced, Some(Level::Warn));
    }

    #[test]
    fn paths_resolve_against_the_folder() {
        let config = parse(
            "store = \"facts\"\nfail-on = [\"mismatch\"]\nloose = \"fail\"\n\n[[waiver]]\nfile = \"a.md\"\nline = 3\nreason = \"known\"\n",
        )
        .unwrap();
        assert_eq!(config.store, Some(PathBuf::from("repo/facts")));
        assert_eq!(config.loose, Some(Level::Fail));
        assert_eq!(config.waivers[0].by, "repo/claimcheck.toml:5");
        assert_eq!(
            config.waivers[0].target,
            Target::Line {
                file: PathBuf::from("repo/a.md"),
                line: 3
            }
        );
    }
}
