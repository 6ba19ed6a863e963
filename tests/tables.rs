//! Data tables as sources: the three Our World in Data packages of
//! `../shared/reference/tables/`, read as published, checked, explained,
//! linted and audited like curated facts.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use claimcheck::audit::{AuditReport, Auditor, Format};
use claimcheck::check::{Options, check_text};
use claimcheck::report::{Report, Verdict};
use claimcheck::store::Store;
use claimcheck::{explain, facts, lint, render};

use crate::util::{root, settings};

/// Read from the shared reference data, never copied into the project; by a
/// relative path, so that origins in snapshots do not depend on the machine.
const TABLES: &str = "../shared/reference/tables";

fn tables() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| Store::load(Path::new(TABLES)).unwrap_or_else(|e| panic!("{e}")))
}

/// Numeric cells of a CSV file, counted without the loader.
fn numeric_cells(csv: &str, first_value_column: usize) -> usize {
    let text = std::fs::read_to_string(Path::new(TABLES).join(csv)).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            r.iter()
                .skip(first_value_column)
                .filter(|c| c.parse::<f64>().is_ok())
                .count()
        })
        .sum()
}

/// Each of the three packages is a source named after its folder, with a
/// fact for every numeric cell and its provenance from the package.
#[test]
fn the_three_tables_load_as_sources() {
    let store = tables();
    let ids: Vec<&str> = store.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "co2-emissions-by-sector",
            "life-expectancy",
            "literacy-rates"
        ]
    );
    let per_source = |i: usize| store.facts.iter().filter(|f| f.source == Some(i)).count();
    assert_eq!(
        per_source(0),
        numeric_cells(
            "co2-emissions-by-sector/CO2 emissions by sector (CAIT, 2021).csv",
            2
        )
    );
    assert_eq!(per_source(1), 19_028);
    assert_eq!(per_source(2), 1_423);

    let co2 = &store.sources[0];
    assert_eq!(
        co2.title.as_deref(),
        Some("CO2 emissions by sector (CAIT, 2021)")
    );
    assert_eq!(
        co2.url.as_deref(),
        Some("https://www.climatewatchdata.org/data-explorer/historical-emissions")
    );
    assert_eq!(co2.retrieved.as_deref(), Some("16th February 2022"));
    assert_eq!(
        co2.publisher.as_deref(),
        Some("CAIT Climate Data Explorer via Climate Watch")
    );
    // The link of the literacy package is HTML listing several addresses.
    assert_eq!(
        store.sources[2].url.as_deref(),
        Some("https://data.worldbank.org/indicator/SE.ADT.LITR.ZS")
    );
}

/// A cell keeps its digits; OWID's conversionFactor says the column holds
/// millions of tonnes; the locator names the file, row and column.
#[test]
fn a_cell_is_a_fact_with_its_written_precision_and_place() {
    let store = tables();
    let world = store.fact(store.fact_by_id("co2-emissions-by-sector!U5569").unwrap());
    assert_eq!(store.str(world.subject), "World");
    assert_eq!(store.str(world.metric), "Total excluding LUCF");
    assert_eq!(world.period.map(|p| store.str(p)), Some("2018"));
    assert_eq!(world.value.text, "35248.74 million tonnes");
    // In the base unit of the tonne's dimension.
    let reading = world.value.reading(0.05);
    let tonnes = world.value.unit.factor();
    assert!(reading.strict.contains(35_248_735_000.0 * tonnes));
    assert!(!reading.strict.contains(35_248_750_000.0 * tonnes));
    let locator = store.locator(world).unwrap();
    assert_eq!(
        locator.table.as_deref(),
        Some("CO2 emissions by sector (CAIT, 2021).csv")
    );
    assert_eq!(locator.row, Some(5569));
    assert_eq!(locator.column.as_deref(), Some("Total excluding LUCF"));
    assert_eq!(world.origin.line, 5569);
    assert!(
        store
            .origin(world)
            .ends_with("CO2 emissions by sector (CAIT, 2021).csv:5569")
    );

    // Twenty decimals of a per-capita quotient, and a unit with no factor.
    let afghan = store.fact(store.fact_by_id("co2-emissions-by-sector!D2").unwrap());
    assert_eq!(afghan.value.text, "0.0016113034873199681 tonnes per capita");
    // A value with no machine-readable unit stays a bare number.
    let japan = store.fact(store.fact_by_id("life-expectancy!C8650").unwrap());
    assert_eq!(japan.value.text, "84.629");
    // An integer cell of a mixed-precision column stays an integer.
    let literacy = store
        .facts_of_subject(store.subjects_named("world")[0])
        .iter()
        .map(|&f| store.fact(f))
        .find(|f| f.source == Some(2) && f.period.map(|p| store.str(p)) == Some("1940"))
        .unwrap();
    assert_eq!(literacy.value.text, "42%");
}

/// Claims of every form against each table: a value, a chain over years, a
/// ratio between two countries, a bound, a mismatch and a year the table lacks.
#[test]
fn claims_against_each_table() {
    for (table, matches) in [
        ("co2-emissions-by-sector", 6),
        ("life-expectancy", 5),
        ("literacy-rates", 4),
    ] {
        let name = format!("tests/fixtures/tables/{table}.claims");
        let text = std::fs::read_to_string(root().join(&name)).unwrap();
        let reports = check_text(tables(), &name, &text, &Options::default());
        let count = |v: Verdict| reports.iter().filter(|r| r.verdict == v).count();
        assert_eq!(count(Verdict::Match), matches, "{table}");
        assert_eq!(count(Verdict::Mismatch), 1, "{table}");
        assert_eq!(count(Verdict::MissingProvenance), 1, "{table}");
        let report = Report::new(reports);
        settings("tables").bind(|| {
            insta::assert_snapshot!(
                format!("{table}.human"),
                render::human(&report, false, render::Detail::Normal)
            );
        });
        if table == "life-expectancy" {
            settings("tables").bind(|| {
                insta::assert_snapshot!(format!("{table}.json"), render::json(&report));
            });
        }
    }
}

#[test]
fn a_table_claim_explained() {
    let explanation = explain::explain(
        tables(),
        "China Total excluding LUCF 2018 = 2.1x United States",
        None,
        &Options::default(),
    );
    assert_eq!(explanation.report.verdict, Verdict::Match);
    settings("tables").bind(|| insta::assert_snapshot!("explain-ratio", explanation.text));
}

#[test]
fn table_facts_are_searched() {
    let list = facts::search(tables(), "Kenya literacy");
    settings("tables").bind(|| insta::assert_snapshot!("facts-kenya", facts::render_human(&list)));
}

/// The packages' own metadata is thin (no publication date, free-text
/// retrieval dates): lint says so, and finds nothing else wrong.
#[test]
fn the_tables_lint_clean_but_for_their_dates() {
    let report = lint::lint(tables(), &lint::Options::default());
    assert!(!report.has_errors());
    settings("tables").bind(|| insta::assert_snapshot!("lint", lint::render_human(&report, false)));
}

#[test]
fn an_article_audited_against_the_tables() {
    let article = "tests/fixtures/tables/article.md";
    let text = std::fs::read_to_string(root().join(article)).unwrap();
    let findings = Auditor::new(tables(), Options::default()).audit(
        article,
        &text,
        Format::of_path(article),
        &[],
    );
    let report = AuditReport::new(vec![article.to_owned()], findings);
    settings("tables").bind(|| {
        insta::assert_snapshot!(
            "audit",
            render::audit_human(&report, false, render::Detail::Normal)
        )
    });
}

/// The binary reads a table store given with --store; a mismatch exits 1.
#[test]
fn the_binary_checks_against_a_table_store() {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(root())
        .env_clear()
        .args([
            "check",
            "--store",
            TABLES,
            "-e",
            "Japan Life expectancy 2019 = 86 years",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("MISMATCH"), "{stdout}");
    assert!(
        stdout.contains("row 8650, column `Life expectancy`"),
        "{stdout}"
    );
}

/// A package written to the spec rather than OWID's way: a field's own
/// unit, a title, `missingValues`, a scale by a power of ten that no
/// magnitude word names, a string column that is no fact, and a
/// `source.json` that overrides the title and adds a date.
#[test]
fn a_spec_package_with_a_source_json() {
    let store =
        Store::load(Path::new("tests/fixtures/valid-table")).unwrap_or_else(|e| panic!("{e}"));
    let source = &store.sources[0];
    assert_eq!(source.id, "harbour");
    assert_eq!(source.title.as_deref(), Some("Harbour statistics 2021"));
    assert_eq!(source.published.as_deref(), Some("2022-03"));
    assert_eq!(
        source.url.as_deref(),
        Some("https://example.org/harbour/yearbook")
    );
    assert_eq!(
        source.licence.as_deref(),
        Some("Creative Commons Attribution 4.0")
    );
    let values: Vec<(String, &str)> = store
        .facts
        .iter()
        .map(|f| (store.fact_name(f), f.value.text.as_str()))
        .collect();
    let expected = [
        ("North Quay · Ferries · 2020", "12 ferries"),
        ("North Quay · Cargo · 2020", "3.50 thousand tonnes"),
        ("North Quay · Share of cargo · 2020", "40.0%"),
        ("North Quay · Depth · 2020", "12.5"),
        ("North Quay · Cargo · 2021", "4.1 thousand tonnes"),
        ("North Quay · Depth · 2021", "50"),
    ];
    assert_eq!(values, expected.map(|(n, v)| (n.to_owned(), v)).to_vec());
}
