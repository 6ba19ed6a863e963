//! The `claimcheck` command: arguments in, a report out, an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

mod cmd;

// Loading a large store makes millions of small allocations; mimalloc
// handles that churn markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const OVERVIEW: &str = "\
Examples:
  claimcheck check                                   check every .claims file under claims/
  claimcheck check -e 'US private AI investment 2025 = $285.9 billion'
  claimcheck audit claims/examples/investment-digest.md
  claimcheck explain 'US private AI investment = 23x China' --period 2025
  claimcheck facts investment 2025 US
  claimcheck lint
  claimcheck harvest report.md --id acme-2026         every number of a report as a draft fact

Exit codes: 0 nothing fails, 1 a claim or finding fails, 2 usage or input error.";

const EXAMPLES: &str = "\
Examples:
  claimcheck check                                   check every .claims file under claims/
  claimcheck check claims/ai-index-2026/summary.claims --format json
  claimcheck check -e 'US private AI investment 2025 = $285.9 billion'
  claimcheck check -e 'AI incidents: 2024 -> 2025 = 233 -> 362'

Exit codes: 0 every claim matches, 1 a claim does not, 2 usage or input error.";

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Checks the numbers in a piece of writing against a store of sourced facts"
)]
#[command(after_help = OVERVIEW)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check claims files (or one claim given with -e) against the fact store.
    #[command(after_help = EXAMPLES)]
    Check(cmd::check::CheckArgs),
    /// Lint the fact store: provenance, conflicts, derived figures, quotes.
    Lint(cmd::lint::LintArgs),
    /// Search the fact store; every fact is shown with its provenance.
    Facts(cmd::facts::FactsArgs),
    /// Explain one claim's check step by step: splits, facts, intervals, verdict.
    Explain(cmd::explain::ExplainArgs),
    /// Find every number in Markdown or plain-text articles and say which are
    /// claimed, backed, contradicted or unsourced.
    #[command(after_help = AUDIT_EXAMPLES)]
    Audit(cmd::audit::AuditArgs),
    /// Make a source of a report: every number of a Markdown or plain-text
    /// document as a draft fact, quoted and located, with the text kept.
    Harvest(cmd::harvest::HarvestArgs),
    /// Print a shell completion script for claimcheck to stdout.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) for claimcheck to stdout.
    #[command(after_help = "Example:\n  claimcheck man > claimcheck.1 && man ./claimcheck.1")]
    Man,
}

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  claimcheck completions bash > ~/.local/share/bash-completion/completions/claimcheck
  claimcheck completions zsh > ~/.zfunc/_claimcheck
  claimcheck completions fish > ~/.config/fish/completions/claimcheck.fish";

const AUDIT_EXAMPLES: &str = "\
Examples:
  claimcheck audit claims/examples/investment-digest.md
  claimcheck audit claims/examples/investment-digest.md --format github
  claimcheck audit tests/fixtures/audit/paraphrase-digest.md --suggest digest.claims

Exit codes: 0 nothing fails the policy, 1 something does, 2 usage or input error.";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Lint(args) => cmd::lint::run(&args),
        Command::Facts(args) => cmd::facts::run(&args),
        Command::Explain(args) => cmd::explain::run(&args),
        Command::Audit(args) => cmd::audit::run(&args),
        Command::Harvest(args) => cmd::harvest::run(&args),
        Command::Completions { shell } => completions(shell),
        Command::Man => man(),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The completion script for `shell`, generated from the argument
/// definitions above so that it never falls behind them.
fn completions(shell: clap_complete::Shell) -> Result<ExitCode, String> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "claimcheck", &mut script);
    cmd::emit(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

/// The manual page, in roff, from the same definitions.
fn man() -> Result<ExitCode, String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| format!("cannot render the manual page: {e}"))?;
    cmd::emit(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn arguments_are_consistent() {
        super::Cli::command().debug_assert();
    }
}
