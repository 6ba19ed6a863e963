//! `claimcheck audit`: every number of an article, with its status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimcheck::audit::{AuditReport, Auditor, Format as ArticleFormat, decode, suggest};
use claimcheck::config::{Outcome, same_file};
use claimcheck::render;
use claimcheck::report::ClaimReport;
use claimcheck::store::Store;

use super::check::{
    CommonArgs, LevelArg, ReportFormat, check_files, claim_files, exit_code, shorten,
};
use super::{emit, use_color};

#[derive(Debug, clap::Args)]
pub(crate) struct AuditArgs {
    /// Markdown or plain-text articles [default: the article globs of
    /// claimcheck.toml]
    #[arg(value_name = "FILES")]
    pub(crate) files: Vec<PathBuf>,

    /// Claims files or folders whose `@article` + `@L` claims mark numbers as
    /// claimed [default: the claim globs of claimcheck.toml, else claims]
    #[arg(long, value_name = "PATHS", value_delimiter = ',')]
    pub(crate) claims: Option<Vec<PathBuf>>,

    /// Whether numbers that no fact answers fail the run or only warn
    /// [default: warn]
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(crate) unsourced: Option<LevelArg>,

    /// Write a draft claims file for the article (to PATH, or to stdout)
    /// instead of the report: one claim line per number no claim states yet.
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = "-")]
    pub(crate) suggest: Option<PathBuf>,

    /// Let --suggest replace an existing file (atomically).
    #[arg(long, requires = "suggest")]
    pub(crate) force: bool,

    #[command(flatten)]
    pub(crate) common: CommonArgs,
}

pub(crate) fn run(args: &AuditArgs) -> Result<ExitCode, String> {
    let settings = args.common.settings(args.unsourced)?;
    let config = settings.config.as_ref();
    let files: Vec<PathBuf> = if args.files.is_empty() {
        match config.filter(|c| !c.articles.is_empty()) {
            Some(c) => c
                .files(&c.articles)
                .map_err(|e| e.to_string())?
                .iter()
                .map(|p| shorten(p))
                .collect(),
            None => {
                return Err(
                    "name the articles to audit, or list them as `articles` in claimcheck.toml"
                        .to_owned(),
                );
            }
        }
    } else {
        args.files.clone()
    };
    if files.is_empty() {
        return Err("no articles match the `articles` globs of claimcheck.toml".to_owned());
    }
    let suggest_to_file = args.suggest.as_ref().filter(|p| p.as_os_str() != "-");
    if suggest_to_file.is_some() && files.len() != 1 {
        return Err("--suggest PATH drafts claims for one article; name exactly one".to_owned());
    }
    let store = Store::load(&settings.store).map_err(|e| e.to_string())?;
    let claim_paths = args.claims.clone().unwrap_or_default();
    let claims = match claim_files(&claim_paths, config) {
        Ok(found) => check_files(&store, &found, &settings)?,
        // With no --claims and no claims/ folder there is simply nothing claimed.
        Err(_) if args.claims.is_none() => Vec::new(),
        Err(e) => return Err(e),
    };
    let auditor = Auditor::new(&store, settings.options);
    let mut findings = Vec::new();
    let mut shown = Vec::new();
    for file in &files {
        let bytes =
            std::fs::read(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        let name = file.display().to_string();
        let text = decode(&name, &bytes).map_err(|e| e.to_string())?;
        let mine: Vec<ClaimReport> = claims
            .iter()
            .filter(|c| {
                c.article
                    .as_ref()
                    .is_some_and(|a| points_at(&c.file, &a.path, file))
            })
            .cloned()
            .collect();
        let mut found = auditor.audit(&name, text, ArticleFormat::of_path(&name), &mine);
        for finding in &mut found {
            settings.waivers.apply_to_finding(finding, &mine);
        }
        findings.extend(found);
        shown.push(name);
    }
    let report = AuditReport::new(shown, findings);
    if args.suggest.is_some() {
        let mut drafts = String::new();
        for file in &report.files {
            let of_file: Vec<_> = report
                .findings
                .iter()
                .filter(|f| *f.file == **file)
                .cloned()
                .collect();
            drafts.push_str(&suggest::draft(file, &of_file));
        }
        return match suggest_to_file {
            Some(path) => {
                write_new(path, &drafts, args.force)?;
                let lines = drafts.lines().filter(|l| l.contains(" @L")).count();
                let _ = writeln!(
                    std::io::stderr(),
                    "wrote {} ({lines} claim line{})",
                    path.display(),
                    if lines == 1 { "" } else { "s" }
                );
                Ok(ExitCode::SUCCESS)
            }
            None => {
                emit(&drafts)?;
                Ok(ExitCode::SUCCESS)
            }
        };
    }
    let outcomes: Vec<Outcome> = report
        .findings
        .iter()
        .map(|f| settings.policy.finding(f))
        .collect();
    let text = match args.common.format {
        ReportFormat::Human => render::audit_human(&report, use_color(args.common.color)),
        ReportFormat::Json => render::audit_json(&report),
        ReportFormat::Github => render::github_audit(&report, &outcomes),
        ReportFormat::Sarif => render::sarif_audit(&report, &outcomes),
    };
    emit(&text)?;
    Ok(exit_code(&outcomes))
}

/// Whether `@article PATH` in `claims_file` names `article`: PATH is read
/// from the working directory (the convention of the bundled claims), or
/// from the claims file's folder.
fn points_at(claims_file: &str, path: &str, article: &Path) -> bool {
    let from_here = Path::new(path);
    if same_file(from_here, article) {
        return true;
    }
    Path::new(claims_file)
        .parent()
        .is_some_and(|dir| same_file(&dir.join(path), article))
}

/// Writes `text` to `path`: never over an existing file unless `force`, and
/// then through a temporary file in the same folder renamed over the old
/// one, so a reader never sees half a file.
fn write_new(path: &Path, text: &str, force: bool) -> Result<(), String> {
    if path.exists() && !force {
        return Err(format!(
            "{} exists; pass --force to replace it",
            path.display()
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("{}: cannot write: {e}", dir.display()))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.flush())
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    if force {
        temp.persist(path)
            .map_err(|e| format!("{}: cannot write: {}", path.display(), e.error))?;
    } else {
        // persist_noclobber: a file created meanwhile is not replaced either.
        temp.persist_noclobber(path)
            .map_err(|e| format!("{}: cannot write: {}", path.display(), e.error))?;
    }
    Ok(())
}
