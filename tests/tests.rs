//! The integration tests: one binary, one module per area.

mod util;

// Reports of every claims file under claims/, human and JSON, as snapshots.
mod claims;
// The binary: exit codes, -e, error output.
mod cli;
// `explain`: every claim form and every verdict, step by step.
mod explain;
// Searching the store with `facts`.
mod facts;
// Store lint: fixture stores with one defect each, the bundled store, the CLI.
mod lint;
// The index of a big store: reuse, rebuilds, and the same answers as a whole load.
mod index;
// Loading broken stores: every error with its file, line and column.
mod store;
// Verdicts on single claims against the bundled AI Index store.
mod verdicts;
// `audit`: findings in every format, Markdown skipping, hostile input, --suggest.
mod audit;
// The scanner's recall and precision on quantulum3 cases and on the seed article.
mod extraction;
// GitHub annotations and SARIF (validated against the schema) for check and audit.
mod ci_formats;
// claimcheck.toml, --fail-on, waivers and --suggest files through the binary.
mod config;
// Data tables (Frictionless Data Packages) as sources: loading, checks, lint, audit.
mod tables;
// `harvest`: a report made into draft facts, linted and audited against.
mod harvest;
// Hostile input: no hang, no crash, bounded memory, no file destroyed.
mod hostile;
// Dead ends that point somewhere: nearest names, how to write a line, one error per file.
mod dead_ends;
// `check` falling back on the linker: paraphrased phrases, did-you-mean, exact names unchanged.
mod fallback;
// How much human output shows: problems whole, a line per passing result, -v and -q.
mod output;
// The README's console examples, run with trycmd so that they cannot drift.
mod readme;
