//! `claimcheck audit`: every number of an article, with its status.

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimcheck::audit::{AuditSummary, Auditor, Finding, Format as ArticleFormat, decode, suggest};
use claimcheck::config::{Outcome, Waivers, file_key, same_file};
use claimcheck::parallel::par_map_each;
use claimcheck::render::{AuditFormat, AuditWriter};
use claimcheck::report::ClaimReport;
use claimcheck::store::Store;

use super::check::{
    CommonArgs, LevelArg, ReportFormat, check_files, claim_files, exit_code, shorten,
};
use super::{emit, is_stdin, read_input, shown, stdin_at_most_once, use_color, written};

#[derive(Debug, clap::Args)]
pub(crate) struct AuditArgs {
    /// Markdown or plain-text articles; `-` reads one (as plain text) from
    /// standard input [default: the article globs of claimcheck.toml]
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

/// The largest article read: a book is a few megabytes.
const MAX_ARTICLE_BYTES: u64 = 1 << 30;

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
    // Standard input is read once, whether for an article or a claims file.
    stdin_at_most_once(files.iter().chain(args.claims.iter().flatten()))?;
    let store = Store::load(&settings.store).map_err(|e| e.to_string())?;
    let claim_paths = args.claims.clone().unwrap_or_default();
    let claims = match claim_files(&claim_paths, config) {
        Ok(found) => check_files(&store, &found, &settings)?,
        // With no --claims and no claims/ folder there is simply nothing claimed.
        Err(_) if args.claims.is_none() => Vec::new(),
        Err(e) => return Err(e),
    };
    // Every article is read and decoded before anything is written, so that
    // an unreadable one stops the run with nothing printed, as when the
    // report was written whole at the end.
    let names: Vec<String> = files.iter().map(|f| shown(f)).collect();
    let bytes = par_map_each(&files, |f| read_input(f, MAX_ARTICLE_BYTES))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let named: Vec<(&String, &Vec<u8>)> = names.iter().zip(&bytes).collect();
    let texts = par_map_each(&named, |(name, b)| {
        decode(name, b).map_err(|e| e.to_string())
    })
    .into_iter()
    .collect::<Result<Vec<_>, _>>()?;
    let articles: Vec<Article<'_>> = files
        .iter()
        .zip(&names)
        .zip(&texts)
        .map(|((path, name), text)| Article { path, name, text })
        .collect();
    // Only JSON and the human report show how numbers link to facts.
    let shows_links = args.suggest.is_none()
        && matches!(args.common.format, ReportFormat::Human | ReportFormat::Json);
    let audit = Audit {
        auditor: Auditor::new(&store, settings.options).with_link_evidence(shows_links),
        claims: &claims,
        by_article: ClaimsByArticle::new(&claims, config.map(|c| c.root.as_path())),
        waivers: &settings.waivers,
    };
    if args.suggest.is_some() {
        // A draft needs all the findings of its article, one article at a time.
        let mut drafts = String::new();
        for article in &articles {
            let mut findings = Vec::new();
            audit.each(article, |f| findings.push(f));
            drafts.push_str(&suggest::draft(article.name, &findings));
        }
        return match suggest_to_file {
            Some(path) => {
                let replaced = write_draft(path, &drafts, args.force, &files)?;
                let lines = drafts.lines().filter(|l| l.contains(" @L")).count();
                let replaced = replaced
                    .map(|bytes| format!(", replacing the previous file of {bytes} bytes"))
                    .unwrap_or_default();
                let _ = writeln!(
                    std::io::stderr(),
                    "wrote {} ({lines} claim line{}){replaced}",
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
    let format = match args.common.format {
        ReportFormat::Human => AuditFormat::Human {
            color: use_color(args.common.color),
            detail: args.common.detail(),
        },
        ReportFormat::Json => AuditFormat::Json,
        ReportFormat::Github => AuditFormat::Github,
        ReportFormat::Sarif => AuditFormat::Sarif,
    };
    let mut writer = AuditWriter::new(BufWriter::new(std::io::stdout().lock()), format);
    let mut failed = writer.begin(&names).err();
    let mut summary = AuditSummary::default();
    let mut worst = Outcome::Pass;
    // Once a write has failed (`| head` has read enough) nothing more is
    // written, but the audit runs to the end: the exit code stays that of
    // every finding, as when the report was written whole after the audit.
    let mut report = |finding: Finding| {
        summary.count(&finding);
        let outcome = settings.policy.finding(&finding);
        worst = worst.max(outcome);
        if failed.is_none() {
            failed = writer.finding(&finding, outcome).err();
        }
    };
    if let [article] = articles.as_slice() {
        // One article, perhaps a large one: its findings are written as
        // they are made, never all held at once.
        audit.each(article, &mut report);
    } else {
        // Articles are audited on every core, a batch at a time, and their
        // findings written in the order of the articles, as one thread would.
        const BATCH: usize = 64;
        for batch in articles.chunks(BATCH) {
            let found = par_map_each(batch, |article| {
                let mut findings = Vec::new();
                audit.each(article, |f| findings.push(f));
                findings
            });
            found.into_iter().flatten().for_each(&mut report);
        }
    }
    written(match failed {
        Some(e) => Err(e),
        None => writer.end(&summary).map(drop),
    })?;
    Ok(exit_code(&[worst]))
}

/// An article read and decoded.
struct Article<'a> {
    path: &'a Path,
    name: &'a str,
    text: &'a str,
}

/// What every article is audited with.
struct Audit<'a> {
    auditor: Auditor<'a>,
    claims: &'a [ClaimReport],
    by_article: ClaimsByArticle,
    waivers: &'a Waivers,
}

impl Audit<'_> {
    /// Hands each finding of `article` to `sink`, waivers applied, in
    /// document order.
    fn each(&self, article: &Article<'_>, mut sink: impl FnMut(Finding)) {
        // No claims file can name standard input as its `@article`.
        let linked = if is_stdin(article.path) {
            &[]
        } else {
            self.by_article.of(article.path)
        };
        let mine: Vec<ClaimReport> = linked.iter().map(|&i| self.claims[i].clone()).collect();
        let format = ArticleFormat::of_document(article.name, article.text);
        self.auditor
            .audit_each(article.name, article.text, format, &mine, |mut finding| {
                self.waivers.apply_to_finding(&mut finding, &mine);
                sink(finding);
            });
    }
}

/// The claims whose `@article PATH` names each article: PATH is read from
/// the claims file's folder, from the folder of claimcheck.toml (the
/// repository's root, so that `audit` finds the links from any folder in
/// it), or from the working directory (the convention of the bundled
/// claims, which have no claimcheck.toml). Each path is resolved once, so the cost grows with
/// claims plus articles, not with their product.
struct ClaimsByArticle {
    /// A file's key (see [`file_key`]) → indices into the claims, in order.
    claims: HashMap<PathBuf, Vec<usize>>,
}

impl ClaimsByArticle {
    fn new(claims: &[ClaimReport], root: Option<&Path>) -> ClaimsByArticle {
        let mut keys: HashMap<PathBuf, PathBuf> = HashMap::new();
        let mut key = |path: PathBuf| -> PathBuf {
            keys.entry(path)
                .or_insert_with_key(|path| file_key(path))
                .clone()
        };
        let mut by_key: HashMap<PathBuf, Vec<usize>> = HashMap::new();
        for (i, claim) in claims.iter().enumerate() {
            let Some(article) = &claim.article else {
                continue;
            };
            let written = Path::new(&article.path);
            let places = [
                Some(written.to_owned()),
                Path::new(&claim.file).parent().map(|dir| dir.join(written)),
                root.map(|root| root.join(written)),
            ];
            let mut found: Vec<PathBuf> = Vec::new();
            for place in places.into_iter().flatten() {
                let k = key(place);
                if !found.contains(&k) {
                    by_key.entry(k.clone()).or_default().push(i);
                    found.push(k);
                }
            }
        }
        ClaimsByArticle { claims: by_key }
    }

    fn of(&self, article: &Path) -> &[usize] {
        self.claims
            .get(&file_key(article))
            .map_or(&[], Vec::as_slice)
    }
}

/// Writes a draft to `path`: never over an existing file unless `force`, and
/// then through a temporary file in the same folder renamed over the old
/// one, so a reader never sees half a file; the old file's permissions are
/// kept. Only a regular file is ever replaced, and never an article being
/// audited: not a link (whose target a rename would not touch, while the
/// user meant it), not a device such as /dev/null (which a rename would
/// replace with a file), not a folder. Returns the size of the file
/// replaced, if one was.
fn write_draft(
    path: &Path,
    text: &str,
    force: bool,
    articles: &[PathBuf],
) -> Result<Option<u64>, String> {
    let shown = path.display();
    if articles.iter().any(|article| same_file(article, path)) {
        return Err(format!(
            "{shown} is the article being audited; write the draft to a .claims file"
        ));
    }
    let existing = match std::fs::symlink_metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{shown}: cannot write: {e}")),
    };
    if let Some(metadata) = &existing {
        if metadata.file_type().is_symlink() {
            let target = std::fs::read_link(path)
                .map(|t| format!(" to {}", t.display()))
                .unwrap_or_default();
            return Err(format!(
                "{shown} is a symbolic link{target}; name the file itself to replace it"
            ));
        }
        if !metadata.is_file() {
            let kind = claimcheck::input::open_regular(path)
                .err()
                .map_or_else(|| "not a regular file".to_owned(), |e| e.to_string());
            return Err(format!(
                "{shown} is {kind}; --suggest writes only to a regular file"
            ));
        }
        if !force {
            return Err(format!("{shown} exists; pass --force to replace it"));
        }
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("{}: cannot write: {e}", dir.display()))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.flush())
        .map_err(|e| format!("{shown}: cannot write: {e}"))?;
    match existing {
        Some(metadata) => {
            temp.as_file()
                .set_permissions(metadata.permissions())
                .map_err(|e| format!("{shown}: cannot keep its permissions: {e}"))?;
            temp.persist(path)
                .map_err(|e| format!("{shown}: cannot write: {}", e.error))?;
            Ok(Some(metadata.len()))
        }
        None => {
            // persist_noclobber: a file created meanwhile is not replaced either.
            temp.persist_noclobber(path)
                .map_err(|e| format!("{shown}: cannot write: {}", e.error))?;
            Ok(None)
        }
    }
}
