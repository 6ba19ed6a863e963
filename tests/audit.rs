//! `audit`: every number of the example articles and of the seed, in every
//! format; Markdown that is not prose; hostile input; `--suggest`.

use std::path::Path;
use std::sync::OnceLock;

use claimcheck::audit::{AuditReport, Auditor, Finding, Format, Status, decode, suggest};
use claimcheck::check::{Options, check_text};
use claimcheck::config::Policy;
use claimcheck::render::{self, Detail};
use claimcheck::report::{ClaimReport, Verdict};
use claimcheck::store::Store;

use crate::util::{root, settings};

/// The bundled store loaded from the relative path `sources`, so fact origins
/// in snapshots read `sources/…` on any machine. Tests run at the root.
pub(crate) fn relative_store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        assert!(
            Path::new("sources").is_dir(),
            "tests run at the repository root"
        );
        Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The checked claims of `files` whose `@article` is `article`.
pub(crate) fn claims_for(store: &Store, files: &[&str], article: &str) -> Vec<ClaimReport> {
    files
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(root().join(file)).unwrap();
            check_text(store, file, &text, &Options::default())
        })
        .filter(|c| c.article.as_ref().is_some_and(|a| a.path == article))
        .collect()
}

pub(crate) fn audit(article: &str, claims_files: &[&str]) -> Vec<Finding> {
    let store = relative_store();
    let text = std::fs::read_to_string(root().join(article)).unwrap();
    let claims = claims_for(store, claims_files, article);
    Auditor::new(store, Options::default()).audit(
        article,
        &text,
        Format::of_document(article, &text),
        &claims,
    )
}

pub(crate) fn report(article: &str, claims_files: &[&str]) -> AuditReport {
    AuditReport::new(vec![article.to_owned()], audit(article, claims_files))
}

fn lines_and_texts(findings: &[Finding]) -> Vec<(u32, u32, String)> {
    findings
        .iter()
        .map(|f| (f.line, f.column, f.text().into_owned()))
        .collect()
}

/// Code, HTML, front matter, link targets and URLs are not prose; what is
/// found keeps its line and column in the original file.
#[test]
fn markdown_that_is_not_prose_is_skipped() {
    let findings = audit("tests/fixtures/audit/not-prose.md", &[]);
    assert_eq!(
        lines_and_texts(&findings),
        [
            (9, 14, "12%".to_owned()),
            (28, 19, "5,427".to_owned()),
            (30, 22, "over 60%".to_owned()),
            (30, 47, "over 60%".to_owned()),
        ]
    );
}

/// The example articles and the seed, with the claims under claims/, in every format.
#[test]
fn every_format_for_the_examples_and_the_seed() {
    let cases = [
        ("benchmarks-brief", "claims/examples/benchmarks-brief.md"),
        ("investment-digest", "claims/examples/investment-digest.md"),
        ("seed", "../shared/seeds/000_eba7b0e877cdae88.txt"),
    ];
    let claims = [
        "claims/examples/benchmarks-brief.claims",
        "claims/examples/investment-digest.claims",
        "claims/ai-index-2026/summary.claims",
    ];
    let policy = Policy::default();
    for (name, article) in cases {
        let report = report(article, &claims);
        let outcomes: Vec<_> = report.findings.iter().map(|f| policy.finding(f)).collect();
        settings("audit").bind(|| {
            insta::assert_snapshot!(
                format!("{name}.human"),
                render::audit_human(&report, false, Detail::Normal)
            );
            insta::assert_snapshot!(format!("{name}.json"), render::audit_json(&report));
            insta::assert_snapshot!(
                format!("{name}.github"),
                render::github_audit(&report, &outcomes)
            );
            insta::assert_snapshot!(
                format!("{name}.sarif"),
                render::sarif_audit(&report, &outcomes)
            );
        });
    }
}

/// With no claims file, every planted error of the digest (each `# planted`
/// claim of its claims file, by its `@L` line) is looked at as a careful
/// fact-checker would: none may come out backed or derived, and each is
/// contradicted with what the facts say, except one the prose linker does
/// not yet link clearly enough to contradict. It is pinned as a miss
/// (unsourced: an editor is still sent to it, but not told it is
/// wrong), so that catching it shows up here as a change to make.
#[test]
fn every_planted_error_is_flagged_without_claims() {
    let digest = "claims/examples/investment-digest";
    let findings = audit(&format!("{digest}.md"), &[]);
    let claims = std::fs::read_to_string(root().join(format!("{digest}.claims"))).unwrap();
    let mut planted_lines: Vec<u32> = claims
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains("# planted:"))
        .map(|l| {
            let at = l.find("@L").unwrap() + 2;
            let digits: String = l[at..].chars().take_while(char::is_ascii_digit).collect();
            digits.parse().unwrap()
        })
        .collect();
    planted_lines.sort();
    // (line, the number as written, status, what the facts say)
    let planted: [(u32, &str, Status, Option<&str>); 6] = [
        // "More than 4,000" newly funded companies; the report counts 3,499.
        // Missed: the sentence says "AI companies raised money for the first
        // time", which the linker does not tie to "newly funded AI companies".
        (11, "More than 4,000", Status::Unsourced, None),
        // 542 data centres for 5,427: a digit lost.
        (18, "542", Status::Contradicted, Some("5427")),
        // 12 million people's drinking water for 1.2 million: a count of
        // people, so the kiloliters of water are no candidate.
        (
            20,
            "12 million",
            Status::Contradicted,
            Some("1.2 million people"),
        ),
        // "fell 13% in a year, to 11%": from 24% that is a fall of 54%
        // (13 points), derived from the two years' facts.
        (
            24,
            "13%",
            Status::Contradicted,
            Some("54.1% (51.064%, 57.143%)"),
        ),
        (
            28,
            "$80 billion",
            Status::Contradicted,
            Some("nearly $285.9 billion"),
        ),
        (
            29,
            "$3.5 billion",
            Status::Contradicted,
            Some("$12.4 billion"),
        ),
    ];
    assert_eq!(
        planted.iter().map(|p| p.0).collect::<Vec<_>>(),
        planted_lines,
        "every planted error of the claims file is listed here"
    );
    for (line, text, status, expected) in planted {
        let finding = finding_at(&findings, line, text);
        assert!(
            !matches!(finding.status, Status::Backed | Status::Derived),
            "planted error passed: {line} {text}"
        );
        assert_eq!(
            (finding.status, finding.expected()),
            (status, expected),
            "line {line}: {text}"
        );
    }
    // Nothing but the planted errors is contradicted.
    let contradicted: Vec<u32> = findings
        .iter()
        .filter(|f| f.status == Status::Contradicted)
        .map(|f| f.line)
        .collect();
    assert_eq!(contradicted, [18, 20, 24, 28, 29]);
}

/// Each finding as (line, text, status, first fact's id).
fn outcomes(findings: &[Finding]) -> Vec<(u32, String, Status, Option<String>)> {
    findings
        .iter()
        .map(|f| {
            let fact = f.facts.first().map(|x| x.id.clone());
            (f.line, f.text().into_owned(), f.status, fact)
        })
        .collect()
}

/// The finding of `text` on `line`; a test that looks for one fails
/// saying which it did not find.
fn finding_at<'f>(findings: &'f [Finding], line: u32, text: &str) -> &'f Finding {
    findings
        .iter()
        .find(|f| f.line == line && f.text() == text)
        .unwrap_or_else(|| panic!("no finding {text:?} on line {line}"))
}

/// A table's cells are read as a line of prose made of their row and
/// column headers and the cells of words before them in their row
/// ("Notable AI models (2025); China: 30"), with the heading above as
/// context, so a wrong cell is contradicted by the fact they name; and
/// "up to 73%" is no bound that any smaller share backs.
#[test]
fn table_cells_link_through_their_headers() {
    let findings = audit("tests/fixtures/audit/table-digest.md", &[]);
    let outcome = outcomes(&findings);
    let row = |line: u32, text: &str, status: Status, fact: Option<&str>| {
        (line, text.to_owned(), status, fact.map(str::to_owned))
    };
    assert_eq!(
        outcome,
        [
            // "# Two countries, side by side": a heading's count is a number.
            row(1, "Two", Status::Unsourced, None),
            row(9, "$285.9B", Status::Backed, Some("e-us-private")),
            row(9, "$12.4B", Status::Backed, Some("e-china-private")),
            row(10, "59", Status::Backed, Some("r-notable-models-us")),
            row(
                10,
                "30",
                Status::Contradicted,
                Some("r-notable-models-china")
            ),
            row(11, "5,427", Status::Backed, Some("r-dc-us")),
            row(11, "449", Status::Backed, Some("r-dc-china")),
            row(13, "Up to 73%", Status::Unsourced, None),
            // The heading says what the cells of "Country | Amount" are.
            row(19, "$4.36B", Status::Backed, Some("e-france-private")),
            row(20, "$4.82B", Status::Contradicted, Some("e-canada-private")),
            row(21, "$4.09B", Status::Backed, Some("e-india-private")),
            // A cell of words before the value says more of what the row
            // is: the 0.86 is GPT-5.1's score (0.81), not LLM-X's.
            row(
                27,
                "0.86",
                Status::Contradicted,
                Some("ra-helm-arabic-gpt51")
            ),
            row(28, "64.9%", Status::Backed, Some("m-af3-foldbench")),
        ]
    );
    let wrong = &findings[4];
    assert_eq!(wrong.sentence(), "Notable AI models (2025); China: 30");
    assert_eq!(wrong.expected(), Some("35"));
}

/// A Chinese summary of the report, written here: its numbers are read as
/// Chinese writes them and linked through the store's Chinese aliases, so
/// the true ones are backed, each by its own fact, and the planted ones
/// (英国 800亿美元, the UK's is $5.9 billion; 50 US models for 59; an FMTI
/// average falling to 45 for 40; 6000亿美元 and 2000亿美元 of investment)
/// contradicted. No true number is contradicted: 全球企业AI投资 is corporate
/// investment and 生成式AI私人投资 the world's investment in generative AI,
/// not global private investment. 从X增加到Y is "from X to Y": 233 and 58
/// are the earlier years' values, and settle what 362 and 45 are. The
/// years are dates, not numbers.
#[test]
fn a_chinese_summary_is_audited_through_chinese_aliases() {
    let findings = audit("tests/fixtures/audit/zh-summary.md", &[]);
    let statuses: Vec<(u32, String, Status, Option<String>)> = findings
        .iter()
        .map(|f| {
            (
                f.line,
                f.text().into_owned(),
                f.status,
                f.facts.first().map(|fact| fact.id.to_string()),
            )
        })
        .collect();
    let row = |line: u32, text: &str, status: Status, fact: &str| {
        (line, text.to_owned(), status, Some(fact.to_owned()))
    };
    let backed = |line: u32, text: &str, fact: &str| row(line, text, Status::Backed, fact);
    let wrong = |line: u32, text: &str, fact: &str| row(line, text, Status::Contradicted, fact);
    let unsourced = |line: u32, text: &str| (line, text.to_owned(), Status::Unsourced, None);
    assert_eq!(
        statuses,
        [
            backed(3, "接近2859亿美元", "e-us-private"),
            backed(3, "124亿美元", "e-china-private"),
            backed(5, "5427", "r-dc-us"),
            backed(5, "449", "r-dc-china"),
            backed(7, "59", "r-notable-models-us"),
            backed(7, "35", "r-notable-models-china"),
            backed(9, "233", "ra-incidents-2024"),
            backed(9, "362", "ra-incidents-2025"),
            wrong(11, "800亿美元", "e-uk-private"),
            wrong(13, "50", "r-notable-models-us"),
            backed(13, "35", "r-notable-models-china"),
            backed(15, "88%", "e-org-adoption"),
            backed(17, "233", "ra-incidents-2024"),
            backed(17, "362", "ra-incidents-2025"),
            row(17, "55%", Status::Derived, "ra-incidents-2025"),
            backed(19, "58", "ra-fmti-2024"),
            wrong(19, "45", "ra-fmti-2025"),
            backed(21, "5817亿美元", "e-corp-invest"),
            backed(21, "1709亿美元", "e-genai-private"),
            wrong(23, "6000亿美元", "e-corp-invest"),
            backed(25, "74.2%", "r-patents-china-share"),
            backed(27, "1710万", "r-compute-capacity"),
            backed(29, "59%", "pu-benefits-2025"),
            wrong(31, "2000亿美元", "e-genai-private"),
            backed(33, "1709亿美元", "e-genai-private"),
            // A Chinese character is half a word away: 英国 stands as near
            // 95亿美元 as "the UK's" would, and leads the world's figure
            // for generative AI that the paragraph lends words to.
            wrong(34, "95亿美元", "e-uk-private"),
            // 分别, "respectively": 449 is the UK's (523) and 523 China's
            // (449); the UK's number, whose words the next one claims, is
            // unsourced rather than backed by China's fact.
            backed(36, "5427", "r-dc-us"),
            unsourced(36, "449"),
            wrong(36, "523", "r-dc-china"),
            // 国 is a character of 英国, 德国 and 法国 alike: a short name
            // is near where it stands whole, so 925 is Germany's alone.
            backed(38, "523", "r-dc-uk"),
            wrong(38, "925", "r-dc-germany"),
            backed(38, "322", "r-dc-france"),
            // 比2024年, "than 2024": the year is the 233's, not the 362's.
            backed(39, "362", "ra-incidents-2025"),
            backed(39, "233", "ra-incidents-2024"),
            // 比中国多出24个: the gap between two subjects, 59 - 35.
            backed(40, "59", "r-notable-models-us"),
            row(40, "24", Status::Derived, "r-notable-models-us"),
            // 宇树R1 is the 4900's, and 约2万美元 is 1X NEO's price, not
            // the R1's.
            backed(41, "4900美元", "p-unitree-r1"),
            backed(41, "约2万美元", "p-1x-neo"),
            // 论文份额, "share of papers", named in full: Europe's share of
            // citations (19.5%, 引用 named only for China before) does not
            // back it, and its own 11.1% says it is wrong.
            backed(42, "20.6%", "r-cites-china"),
            wrong(42, "19.5%", "r-pubs-europe-share"),
            // The year after "，" dates the next clause, whose number it
            // is; this one's year came first. 增长约1.3倍 adds 130%: the
            // growth of 129.9%, not a ratio of 1.3.
            backed(43, "5816.9亿美元", "e-corp-invest"),
            backed(43, "2530亿美元", "e-corp-invest-2024"),
            backed(43, "约1.3倍", "e-corp-invest-growth"),
            // The 10 of 10颗星以上 is the one of the alias 10星以上AI项目:
            // a word of the name, not a count of projects.
            unsourced(44, "10"),
            backed(44, "5.2%", "r-github-india-share"),
            // 2025年 opening the sentence dates it: 56% is 2026's figure,
            // and 2025's was 48%.
            wrong(46, "56%", "e-us-adults-share-2025"),
            // 每10万居民, "per 100,000 inhabitants", is the rate's unit, no
            // number of its own.
            backed(48, "14.3", "r-patents-korea-pc"),
            // 5.9亿 is $590 million, not the UK's $5.9 billion; the year
            // between 英国 and its figure puts them no farther apart.
            wrong(50, "5.9亿美元", "e-uk-private"),
            // 38分 is a score in points, not a count of 分: the silver
            // medal's was 28.
            wrong(52, "38", "p-imo-2024-silver"),
            // Anthropic, named after the clause break and with only its
            // round of the metric's words, is no rival to OpenAI's
            // valuation named in full.
            // 募集 ("raised") is no word of the aliases of OpenAI's
            // funding round: a miss, left unsourced.
            unsourced(54, "400亿美元"),
            wrong(54, "约为4000亿美元", "e-openai-valuation"),
            backed(54, "1830亿美元", "e-anthropic-valuation"),
            // 2025年的 dates the 62.0 after it, not the 324.6 before: that
            // is 2022's peak.
            backed(56, "324.6", "r-us-net-inflow-2022"),
            wrong(56, "62.0", "r-us-net-inflow-2025"),
            // The index's "average score" holds only words of MTEB's name.
            wrong(58, "79.56", "p-mteb-top"),
            // The 年 of 2025年 is no word of 往年AI事件, the incidents of
            // the years before 2022, nor is 的 a word of any name.
            wrong(60, "371", "ra-incidents-2025"),
            // An ASCII comma after a word parts a clause, as Chinese text
            // often writes it: the 30% is read, and the 必修 ("mandatory")
            // that sets the mandate's metric apart is its, not the 93%'s.
            backed(62, "约93%", "ed-countries-cs"),
            backed(62, "30%", "ed-countries-mandate"),
            // Twenty-odd robots at a booth are no count of the world's
            // logistics robots, whose metric alone the words name.
            unsourced(64, "20多"),
            // A Chinese qualifier spaced from Latin digits is still theirs.
            backed(66, "超过 18,000", "p-veo3-videos"),
            // A metric named in full that only one subject has names that
            // subject: an unnamed country's rise in excitement is no rival.
            wrong(68, "5个百分点", "pu-nervous-yoy"),
            // A fraction is a part of a whole, never a growth: China's
            // 32.2% rise does not back 三分之一 (China's $12.4 billion is
            // a twenty-third of the American figure).
            unsourced(70, "三分之一"),
            // 由上年的 is "from the year before's": 51.1% starts a change,
            // and is the year before's share, not 2024's.
            backed(72, "51.1%", "e-robots-china-share-2023"),
            backed(72, "54.4%", "e-robots-china-share"),
            // 博士专家 ("PhD experts"), named only after the 38.8% and just
            // before the next number, is that number's subject: the best
            // system's 38.8% is no wrong value of the experts' 83.5%.
            unsourced(74, "38.8%"),
            wrong(74, "35.8%", "s-paperarena-phd"),
            // 不含中国 ("excluding China") leaves China out: the 72 is the
            // rest of the region's, not China's 85.
            wrong(76, "72", "po-eap-clusters"),
            // A list of multiples is of the subject it names first: each
            // is the United States' over the subject before it, never
            // China's over the United Kingdom's, the two nearest.
            row(78, "23.1倍", Status::Derived, "e-us-private"),
            row(78, "48.5倍", Status::Derived, "e-us-private"),
            row(80, "23.1倍", Status::Derived, "e-us-private"),
            wrong(80, "58.5倍", "e-us-private"),
            // A name past a Chinese clause mark is the next clause's: 医生
            // ("physicians") after 42%， is the 41%'s, so the 42% is GPT-4
            // alone's, traded with no one ...
            backed(82, "42%", "m-gpt4-mgmt"),
            backed(82, "41%", "m-phys-gpt4-mgmt"),
            // ... and where the two are traded, the 42% the physicians
            // are given is wrong.
            unsourced(84, "41%"),
            wrong(84, "42%", "m-phys-gpt4-mgmt"),
            // 三成多 is "over three tenths": 31.59% is that.
            backed(86, "三成多", "ed-phd-academia"),
            // 乐观程度上升, "the rise in optimism": China's was 9 points.
            wrong(88, "19个百分点", "pu-china-optimism"),
            // 次 is a measure word: what 25万次 counts is named after it, or
            // by the sentence, as 个 leaves it.
            wrong(90, "25万", "p-apollo-2022"),
            // "Over half" of US patents' forward citations is a bound: it
            // allows 91%, but linked well behind the patents never cited
            // it does not speak for them.
            wrong(92, "91%", "r-us-uncited"),
        ]
    );
    let expected = |line: u32| findings.iter().find(|f| f.line == line).unwrap().expected();
    assert_eq!(expected(13), Some("59"));
    assert_eq!(expected(31), Some("$170.9 billion"));
    let fmti = findings.iter().find(|f| f.text() == "45").unwrap();
    assert_eq!(fmti.expected(), Some("40"));
    // ... against the United Kingdom's figure: the 美 of 美元 is the
    // number's unit, no word for the United States.
    let uk_multiple = findings.iter().find(|f| f.text() == "58.5倍").unwrap();
    assert_eq!(uk_multiple.facts[1].id, "e-uk-private");
    let uk = findings.iter().find(|f| f.line == 11).unwrap();
    assert_eq!(uk.facts[0].id, "e-uk-private");
    assert_eq!(uk.expected(), Some("$5.9 billion"));
    // Each finding carries its reading, for tools that use the audit as an extractor.
    let reading = findings[0].reading().unwrap();
    assert_eq!(
        (reading.value, reading.kind, reading.unit.as_str()),
        (285.9e9, "currency", "USD")
    );
    assert_eq!(
        (reading.interval.lo, reading.interval.hi),
        (285.85e9, 285.95e9)
    );
}

/// An ordinal reported as a finding carries its reading too: a position,
/// whether written in digits or in words.
#[test]
fn an_ordinal_finding_carries_its_reading() {
    let text = "On AI vibrancy the United States placed 4th and China was ninth in 2025.\n";
    let findings = Auditor::new(relative_store(), Options::default()).audit(
        "ranks.md",
        text,
        Format::Markdown,
        &[],
    );
    let ordinals: Vec<(String, f64, &str)> = findings
        .iter()
        .filter_map(|f| {
            f.reading()
                .map(|r| (f.text().into_owned(), r.value, r.kind))
        })
        .collect();
    assert_eq!(
        ordinals,
        [
            ("4th".to_owned(), 4.0, "ordinal"),
            ("ninth".to_owned(), 9.0, "ordinal")
        ]
    );
}

/// A number in a table cell stands under its row's first cell and its
/// column's header: the finding carries them (and the linker reads them as
/// the cell's context). The header row's own cells stand under nothing.
#[test]
fn a_table_cell_carries_its_row_and_header() {
    let text = "Private AI investment by country:\n\n\
                | Country | Private AI investment, 2025 | Share |\n\
                | --- | --- | --- |\n\
                | United States | $285.9 billion | 62% |\n\
                | 2024 total | $80 billion | 100% |\n";
    let findings = Auditor::new(relative_store(), Options::default()).audit(
        "table.md",
        text,
        Format::Markdown,
        &[],
    );
    let cells: Vec<(String, Option<&str>)> = findings
        .iter()
        .map(|f| (f.text().into_owned(), f.context()))
        .collect();
    let cell = |text: &str, context: &'static str| (text.to_owned(), Some(context));
    assert_eq!(
        cells,
        [
            cell(
                "$285.9 billion",
                "United States; Private AI investment, 2025"
            ),
            cell("62%", "United States; Share"),
            cell("$80 billion", "2024 total; Private AI investment, 2025"),
            cell("100%", "2024 total; Share"),
        ]
    );
}

/// A number in a list item carries the paragraph that introduces the list;
/// a number in the paragraph itself carries nothing.
#[test]
fn a_list_item_carries_its_lead_in() {
    let text = "Private AI investment in 2025, by country (15 in all):\n\n\
                - United States: $285.9 billion\n\
                - China: $12.4 billion\n";
    let findings = Auditor::new(relative_store(), Options::default()).audit(
        "list.md",
        text,
        Format::Markdown,
        &[],
    );
    let lead = "Private AI investment in 2025, by country (15 in all):";
    let items: Vec<(String, Option<&str>)> = findings
        .iter()
        .map(|f| (f.text().into_owned(), f.context()))
        .collect();
    assert_eq!(
        items,
        [
            ("15".to_owned(), None),
            ("$285.9 billion".to_owned(), Some(lead)),
            ("$12.4 billion".to_owned(), Some(lead)),
        ]
    );
}

/// With no claims, what backs or contradicts each number is shown with its
/// provenance and how it was linked (in full: -v).
#[test]
fn unclaimed_numbers_show_their_facts() {
    let report = report("claims/examples/investment-digest.md", &[]);
    assert!(report.summary.backed > 0 && report.summary.contradicted > 0);
    settings("audit").bind(|| {
        insta::assert_snapshot!(
            "investment-digest.unclaimed.human",
            render::audit_human(&report, false, Detail::Verbose)
        );
    });
}

/// `--suggest` then `check` on the suggestion gives the audit's verdicts:
/// backed and derived numbers match (a derived one's line states the
/// arithmetic), contradicted ones mismatch, unsourced ones have no
/// provenance until an editor names a fact.
#[test]
fn suggest_then_check_reproduces_the_audit() {
    for article in [
        "claims/examples/investment-digest.md",
        "tests/fixtures/audit/paraphrase-digest.md",
    ] {
        let findings = audit(article, &[]);
        let draft = suggest::draft(article, &findings);
        let checked = check_text(
            relative_store(),
            "draft.claims",
            &draft,
            &Options::default(),
        );
        // The whole of "Sixty of ninety-five" has no line: the claim is
        // its part's, whose fact names the whole.
        let suggested: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.suggested_line().is_some())
            .collect();
        assert!(
            findings
                .iter()
                .filter(|f| f.suggested_line().is_none())
                .all(|f| f.arithmetic().is_some_and(|a| a.starts_with("the whole"))),
            "{draft}"
        );
        assert_eq!(checked.len(), suggested.len(), "{draft}");
        for (finding, claim) in suggested.into_iter().zip(&checked) {
            let expected = match finding.status {
                Status::Backed | Status::Derived => Verdict::Match,
                Status::Contradicted => Verdict::Mismatch,
                Status::Unsourced => Verdict::MissingProvenance,
                Status::Claimed => unreachable!("no claims were read"),
            };
            assert_eq!(
                (claim.verdict, claim.article.as_ref().map(|a| a.line)),
                (expected, Some(finding.line)),
                "{}: {} -> {}\n{draft}",
                finding.line,
                finding.text(),
                claim.text
            );
        }
        if article.starts_with("claims/") {
            settings("audit")
                .bind(|| insta::assert_snapshot!("investment-digest.suggested", draft));
        }
    }
}

/// Control characters, a 10 MB line and invalid UTF-8: findings or a clear
/// error, never a panic.
#[test]
fn hostile_articles() {
    let store = relative_store();
    let auditor = Auditor::new(store, Options::default());
    let controls = "NVIDIA\u{0}has \u{1b}[1m over 60%\u{7} of\r\ncompute\u{c} and\t$5\u{200b}";
    for format in [Format::Markdown, Format::PlainText] {
        let findings = auditor.audit("controls.md", controls, format, &[]);
        let found = findings.iter().find(|f| f.text() == "over 60%").unwrap();
        assert_eq!((found.line, found.column), (1, 17));
        assert!(findings.iter().all(|f| !f.sentence().contains('\u{1b}')));
    }
    // A 10 MB single line: a number every 5,000 bytes, and one at the very end.
    let mut line = String::new();
    for _ in 0..2_200 {
        line.push_str(&"The share rose in a market, more or less, as it did. ".repeat(90));
        line.push_str("It reached 12%. ");
    }
    line.push_str("Nvidia holds over 60%");
    assert!(line.len() > 10_000_000);
    for format in [Format::Markdown, Format::PlainText] {
        let findings = auditor.audit("long.md", &line, format, &[]);
        let last = findings.last().unwrap();
        assert_eq!(findings.len(), 2_201);
        assert_eq!((last.line, last.text().as_ref()), (1, "over 60%"));
        assert_eq!(
            last.column as usize,
            line.chars().count() - "over 60%".len() + 1
        );
    }
    // Numbers everywhere, no spaces: one long token.
    let digits = "1234567890".repeat(1_000_000);
    let _ = auditor.audit("digits.txt", &digits, Format::PlainText, &[]);
    let err = decode("bad.md", b"ok 12%\nnot \xff text").unwrap_err();
    assert_eq!(
        err.to_string(),
        "bad.md:2:5: not valid UTF-8 (byte 11); save the file as UTF-8"
    );
}

/// Issue 9: an article written with paraphrased names, wrong numbers,
/// derived ratios and changes, and a spelled count. Each number is linked
/// to its fact by the words around it, never by its value.
/// A heading says whose figures the paragraphs and list items under it
/// give, as a sentence before them would: none is taken for the world's.
#[test]
fn headings_name_the_subject_of_what_stands_under_them() {
    let findings = audit("tests/fixtures/audit/headings.md", &[]);
    let outcome = outcomes(&findings);
    let expected = [
        (5, "$12.4 billion", Status::Backed, "e-china-private"),
        (9, "$285.9B", Status::Backed, "e-us-private"),
        (10, "95", Status::Contradicted, "r-notable-models-us"),
        (11, "1,953", Status::Backed, "e-us-new-cos"),
        // A list item's first sentence names whose its next one gives.
        (15, "$5.9 billion", Status::Backed, "e-uk-private"),
        (16, "$4.28 billion", Status::Backed, "e-canada-private"),
        // A heading that is the subject's name alone makes it the subject
        // of a wrong figure too, in place of the world's ...
        (20, "$7.1 billion", Status::Contradicted, "e-uk-private"),
        // ... but a heading that says more is a story's title, not a
        // section of one subject's figures.
        (24, "102", Status::Backed, "r-notable-models-total"),
        // A paragraph labelled with a year, and a heading that is one, set
        // their sentences in it: 2021's 64 is right and 41 wrong (33),
        // where the latest year's figures (46, 41) would say the opposite.
        (28, "64", Status::Backed, "r-top100-us-2021"),
        (28, "41", Status::Contradicted, "r-top100-china-2021"),
        (32, "58", Status::Backed, "ra-fmti-2024"),
        // A heading lends "publications" to every item under it, but a
        // list of citation shares settles Europe's item on its share of
        // citations (19.5%): its share of papers (11.1%) backs nothing.
        (37, "20.6%", Status::Backed, "r-cites-china"),
        (37, "11.1%", Status::Contradicted, "r-cites-europe"),
        (39, "3,866", Status::Backed, "r-patents-2010"),
    ];
    for (line, text, status, fact) in expected {
        assert!(
            outcome.contains(&(line, text.to_owned(), status, Some(fact.to_owned()))),
            "{line} {text}: {outcome:#?}"
        );
    }
    // Set in 2010, "under 1%" of natural-science output is no wrong value of
    // 2025's 6.8%, the only figure the store has for natural sciences.
    assert!(outcome.contains(&(39, "under 1%".to_owned(), Status::Unsourced, None)));
}

/// A text file written in Markdown is read as Markdown: its table's cells
/// are claims under their headers, China's 53 models wrong (35), and the
/// bold question lends its words ("in total", cumulative) to the answer.
#[test]
fn a_text_file_in_markdown_is_read_as_markdown() {
    let article = "tests/fixtures/audit/pasted-markdown.txt";
    let text = std::fs::read_to_string(root().join(article)).unwrap();
    assert_eq!(Format::of_document(article, &text), Format::Markdown);
    let outcome = outcomes(&audit(article, &[]));
    let row = |line: u32, text: &str, status: Status, fact: &str| {
        (line, text.to_owned(), status, Some(fact.to_owned()))
    };
    assert_eq!(
        outcome,
        [
            row(7, "$285.9B", Status::Backed, "e-us-private"),
            row(7, "59", Status::Backed, "r-notable-models-us"),
            row(8, "$12.4B", Status::Backed, "e-china-private"),
            row(8, "53", Status::Contradicted, "r-notable-models-china"),
            row(9, "$5.9B", Status::Backed, "e-uk-private"),
            row(9, "1", Status::Backed, "r-notable-models-uk"),
            row(14, "1,357", Status::Backed, "m-fda-cumulative"),
        ]
    );
    // Plain text that only touches Markdown's marks stays plain text.
    for plain in [
        "# A title\nOne line, #1 in its field, a | b.\n",
        "Costs | rose\n-- and fell\n",
    ] {
        assert_eq!(Format::of_document("notes.txt", plain), Format::PlainText);
    }
}

/// "More than 4,000 AI companies raised money for the first time": the
/// best link, 3,499 newly funded companies, says the bound is wrong, and a
/// lesser link the paragraph lends words to (5,505 investment deals, after
/// "Mega-deals") is no sign of what the writer meant, though its value is
/// above 4,000. A bound holds of too many values to back a lesser link.
#[test]
fn a_bound_the_best_link_denies_backs_no_lesser_link() {
    let findings = audit("claims/examples/investment-digest.md", &[]);
    let bound = findings
        .iter()
        .find(|f| f.text() == "More than 4,000")
        .unwrap();
    assert_eq!((bound.line, bound.status), (11, Status::Unsourced));
    assert!(bound.facts.is_empty());
}

#[test]
fn paraphrases_link_to_their_facts() {
    let article = "tests/fixtures/audit/paraphrase-digest.md";
    let findings = audit(article, &[]);
    let outcome = outcomes(&findings);
    let expect = |line: u32, text: &str, status: Status, fact: &str| {
        assert!(
            outcome.contains(&(line, text.to_owned(), status, Some(fact.to_owned()))),
            "{line} {text}: {outcome:#?}"
        );
    };
    let unsourced = |line: u32, text: &str| {
        assert!(
            outcome.contains(&(line, text.to_owned(), Status::Unsourced, None)),
            "{line} {text}: {outcome:#?}"
        );
    };
    // "American private investors" is the United States' private AI investment.
    expect(8, "$285.9 billion", Status::Backed, "e-us-private");
    // "Chinese private AI funding": an alias and a demonym; the value is wrong.
    expect(9, "$15 billion", Status::Contradicted, "e-china-private");
    // "up 55%": the rise from 233 to 362, derived.
    expect(10, "55%", Status::Derived, "ra-incidents-2025");
    // Two subjects in one sentence: each number takes the one before it.
    expect(14, "52", Status::Contradicted, "r-notable-models-us");
    expect(14, "35", Status::Backed, "r-notable-models-china");
    // "1.7 times as many as China": 59 / 35, derived.
    expect(15, "1.7 times", Status::Derived, "r-notable-models-us");
    // No year named: the present, 2025's 88%, not 2024's 78%.
    expect(16, "78%", Status::Contradicted, "e-org-adoption");
    // A spelled count.
    expect(20, "Seventy", Status::Contradicted, "r-no-training-code");
    // The household figure is the 12%'s: it contradicts nothing else.
    expect(21, "12%", Status::Backed, "p-household-success");
    // Ordinals are positions: a rank and an edition, named or not.
    expect(22, "21st", Status::Contradicted, "e-adoption-us-rank");
    expect(22, "ninth", Status::Backed, "rep-edition");
    // "N of M": the words after the whole say what the part counts, and
    // the part's fact says which whole it is counted of ("(of 102)").
    expect(23, "Sixty", Status::Contradicted, "r-no-training-code");
    expect(
        23,
        "ninety-five",
        Status::Contradicted,
        "r-no-training-code",
    );
    let whole = findings.iter().find(|f| f.text() == "ninety-five");
    assert_eq!(whole.and_then(|f| f.expected()), Some("102"));
    // "50 points" between two shares: percentage points.
    expect(24, "50", Status::Backed, "pu-jobs-gap");
    // "Leading" only touches on "Leading models": the one subject of
    // computation per watt is still implied.
    expect(25, "about ten times", Status::Backed, "r-chip-efficiency");
    // The store's word aliases: papers are publications, chores tasks.
    expect(26, "7.6%", Status::Backed, "r-pubs-india-share");
    expect(26, "21%", Status::Contradicted, "p-household-success");
    // The start of "from 233 to 400" settles the fact of its end; a score
    // in "points".
    expect(27, "233", Status::Backed, "ra-incidents-2024");
    expect(27, "400", Status::Contradicted, "ra-incidents-2025");
    expect(27, "45", Status::Contradicted, "ra-fmti-2025");
    // "N in M" is a share.
    expect(28, "Nearly nine in ten", Status::Backed, "e-org-adoption");
    // "grew 40% from 2024": the change counted from 2024 is the fact of
    // 2025; China, named beside the number, is no world figure.
    expect(30, "40%", Status::Contradicted, "e-china-private-growth");
    // "77% of new AI PhDs" is a share of them, never their growth.
    expect(31, "77%", Status::Backed, "ed-phd-industry-peak");
    // "at least one business function": the "one" takes no words from the
    // 65%, and of two names held in full, the one that says more is meant.
    expect(32, "65%", Status::Contradicted, "e-genai-function-2024");
    // "papers" are publications, and publications nothing public: the
    // $19 billion is no US public investment of about $20.4 billion.
    unsourced(33, "$19 billion");
    // A cardinal glued to "fold" is a multiple; the metric's "since 2017"
    // is its period, not words the sentence must repeat.
    expect(
        34,
        "thirtyfold",
        Status::Contradicted,
        "po-witnesses-growth",
    );
    // "US" of "US congressional hearings" is a word of US Congress, the
    // subject the metric implies: no other subject it would be.
    expect(
        35,
        "nearly twentyfold",
        Status::Backed,
        "po-witnesses-growth",
    );
    // "fell by 18 points" is a gap between two years, never a level: 58 - 40.
    expect(36, "18", Status::Derived, "ra-fmti-2024");
    expect(37, "12", Status::Contradicted, "ra-fmti-2024");
    // A ratio written as a change is the growth a fact gives in percent.
    expect(
        38,
        "more than doubled",
        Status::Backed,
        "e-us-private-growth",
    );
    expect(39, "2.6-fold", Status::Backed, "e-us-private-growth");
    // "from 37 in 2023 to 58 in 2024, then fell back to 45": the start
    // settles the fact of every later step of the change.
    expect(40, "37", Status::Backed, "ra-fmti-2023");
    expect(40, "58", Status::Backed, "ra-fmti-2024");
    expect(40, "45", Status::Contradicted, "ra-fmti-2025");
    // The total of private AI investment worldwide leaves out the
    // "generative" of the sentence: it leads no other name by enough to
    // say the number is wrong.
    unsourced(41, "$33.9 billion");
    // "in 2024, while a third cited ...": the year closes the clause before
    // the conjunction, and the third's fact is the framework's of 2025.
    expect(42, "56%", Status::Contradicted, "ra-gdpr-2024");
    expect(42, "a third", Status::Backed, "ra-nist-rmf");
    // A subject named within a few words leads a world figure only assumed.
    expect(43, "23.2%", Status::Contradicted, "e-china-private-growth");
    // "dropped 11%" is the change of -11%, and is claimed as one; "fell by
    // more than 10%" is a change under -10%.
    expect(44, "11%", Status::Backed, "ed-cs-enrollment");
    expect(45, "more than 10%", Status::Backed, "ed-cs-enrollment");
    let claimed = |line: u32, text: &str| {
        finding_at(&findings, line, text)
            .suggested_value
            .as_deref()
            .map(str::to_owned)
    };
    assert_eq!(claimed(44, "11%").as_deref(), Some("-11%"));
    assert_eq!(claimed(45, "more than 10%").as_deref(), Some("under -10%"));
    // "units" counts anything, and is no word of the United States.
    expect(46, "six times", Status::Backed, "e-robots-china-japan");
    expect(46, "36,000", Status::Contradicted, "e-robots-korea");
    // Agents that "failed" are the failure rate's.
    expect(47, "85%", Status::Contradicted, "s-univearth-code");
    // Rounded figures back their facts.
    expect(49, "almost 50 times", Status::Backed, "e-us-uk-ratio");
    expect(50, "some $171 billion", Status::Backed, "e-genai-private");
    expect(50, "nearly half", Status::Backed, "e-genai-share");
    // A ratio relates the two subjects its sentence names, not one the
    // paragraph named before (the UK), nor two years of a metric the
    // paragraph lent words to (the organizations using AI).
    expect(
        52,
        "about 1.7 times",
        Status::Derived,
        "r-notable-models-us",
    );
    // Two years named: a gap between them before one between two subjects.
    expect(53, "18", Status::Derived, "ra-fmti-2024");
    // "will change how they do their job" is no metric of change: a share
    // of respondents may state it.
    expect(54, "22%", Status::Backed, "pu-job-change-very-likely");
    // "ranged from 10% to 20%" is one range, no start of a change: it is
    // compared whole, as check compares a range.
    expect(55, "10% to 20%", Status::Contradicted, "ra-hhem-range");
    // "in 2023 and 54.4% a year later": the year closes the first clause.
    expect(56, "51.1%", Status::Backed, "e-robots-china-share-2023");
    expect(56, "54.4%", Status::Backed, "e-robots-china-share");
    // "..., respectively" gives each number the subject listed in its
    // place: swapped, both are contradicted (the first's metric words are
    // the second's, but Singapore named beside it lets most of them do);
    // in order, both backed.
    expect(58, "32%", Status::Contradicted, "pu-trust-gov-sg");
    expect(58, "81%", Status::Contradicted, "pu-trust-gov-jp");
    expect(59, "81%", Status::Backed, "pu-trust-gov-sg");
    expect(59, "32%", Status::Backed, "pu-trust-gov-jp");
    // A car that "emits" states its emissions.
    expect(
        57,
        "about 36 tonnes of CO2 equivalent",
        Status::Contradicted,
        "r-car-lifetime-co2",
    );
    // "made up" is no rise: the share is a level, and wrong.
    expect(60, "32.9%", Status::Contradicted, "m-structure-share-2025");
    // "Women" are the female share.
    expect(61, "13.1%", Status::Contradicted, "r-female-australia");
    // "fell 7%" is a change: a share of students enrolled is no rival, and
    // the subject the sentence names in full is read, not only assumed.
    expect(62, "7%", Status::Contradicted, "ed-cs-enrollment");
    // A range across models (22% to 94%) allows a rate inside it but
    // states none: the model's own 94% is what the sentence speaks of.
    assert!(
        !outcome.iter().any(|o| o.0 == 63 && o.2 == Status::Backed),
        "{outcome:#?}"
    );
    // ... and backs what it states at an end. "made answers up" is no rise.
    expect(64, "94%", Status::Backed, "ra-hallu-max");
    // "65%, down from a 77% peak": the level reached, not a fall of 65%.
    expect(65, "About 65%", Status::Backed, "ed-phd-industry-tw");
    // "over 2024" is the year the change is counted from, no amount.
    expect(66, "17.2%", Status::Contradicted, "e-europe-private-growth");
    assert!(!findings.iter().any(|f| f.text() == "over 2024"));
    // "at least ten stars" is the metric's own number, no count to judge.
    expect(67, "11%", Status::Backed, "r-github-china-share");
    unsourced(67, "at least ten");
    // "the United Kingdom's." ends its sentence: the next one's words are
    // no part of it.
    expect(68, "nearly fifty times", Status::Backed, "e-us-uk-ratio");
    // "more than double" is a multiple, as "more than doubled" is.
    expect(69, "more than double", Status::Derived, "e-corp-invest");
    // "30 more than China" is a gap between two subjects: 59 - 35.
    expect(70, "30", Status::Contradicted, "r-notable-models-us");
    assert_eq!(
        finding_at(&findings, 70, "30").arithmetic(),
        Some("59 - 35 = 24 (23, 25)")
    );
    // A count is of the noun after it: "800 million parameters" is the
    // parameters', though the sentence names the cells better.
    expect(71, "100 million", Status::Backed, "s-cellfm-cells");
    expect(71, "800 million", Status::Backed, "s-cellfm-params");
    // "233 incidents during 2025": the year after the noun the number
    // counts is its year, and 233 is 2024's count.
    expect(72, "233", Status::Contradicted, "ra-incidents-2025");
    // A fraction word rounds as "about" does: "Half" is no cry of wolf
    // against 52%.
    expect(73, "Half", Status::Backed, "pu-nervous-2025");
    // Subjects swapped: the United States' $285.9 billion does not back
    // China's, the subject right before it, though the sentence names the
    // United States (for its other number): it is China's figure stated
    // wrong. Nor does China's $12.4 billion back the United States', whose
    // name follows it: it is the United States' figure stated wrong.
    expect(
        74,
        "$285.9 billion",
        Status::Contradicted,
        "e-china-private",
    );
    expect(74, "$12.4 billion", Status::Contradicted, "e-us-private");
    // "topped 500" says more than 500: no cry of wolf against 536.
    expect(75, "topped 500", Status::Backed, "m-imaging-trials-2025");
    // "six" is a word of the subject's name, "Six leading AI conferences":
    // a number, but none of the name's facts speaks of it.
    unsourced(76, "six");
    // "from 233 to 362, up 95%": the change of the two ends the sentence
    // states, and wrong.
    expect(77, "95%", Status::Contradicted, "ra-incidents-2025");
    // "from about 17% in 2024 to 46.4%": the year before "to" is the
    // start's; the end is early 2026's, and wrong.
    expect(78, "about 17%", Status::Backed, "p-mlebench-2024");
    expect(78, "46.4%", Status::Contradicted, "p-mlebench-top");
    // A sentence set in 2025 ("... in 2025") is not backed by 2024's 7.8%;
    // and "US" of "US information sector" names no other subject.
    expect(79, "7.8%", Status::Contradicted, "e-info-sector-2025");
    // "Utah 24, Virginia 52, Maryland 28": a comma parts a name from the
    // number before it, so Maryland is not the word right after 52.
    expect(80, "52", Status::Contradicted, "po-va-bills");
    expect(80, "28", Status::Backed, "po-md-bills");
    // A FAQ's answer is read with its question: "large US high schools"
    // is asked, "91%" answered.
    expect(81, "91%", Status::Backed, "ed-hs-cs-large");
    // "surveyed by Pew": the store's one survey of countries (Ipsos) is
    // only implied, and the sentence names another source.
    unsourced(82, "25");
    // DeepSeek, named for 23 Wh, is no rival subject of 12.9 Wh: GPT-5's
    // energy per query, and wrong.
    expect(83, "23 Wh", Status::Backed, "r-deepseek-query-energy");
    expect(83, "12.9 Wh", Status::Contradicted, "r-gpt5-query-energy");
    // "41 in China": a name led on by "in" or "from" is as near its number
    // as the word right after it, so the United States before is the 46's;
    // and "up from 35 in 2021" is China's count three years before.
    expect(84, "46", Status::Backed, "r-top100-us-2024");
    expect(84, "41", Status::Backed, "r-top100-china-2024");
    expect(84, "35", Status::Contradicted, "r-top100-china-2021");
    // "172 in China and 161 in the United Kingdom" swaps the two: the 172
    // is China's count stated wrong, and the 161 is not backed by China's
    // 161, a name the 172 holds. The list settles the 161's metric: the
    // 1,953 beside it is the United States' count of the same.
    expect(85, "1,953", Status::Backed, "e-us-new-cos");
    expect(85, "172", Status::Contradicted, "e-china-new-cos");
    expect(85, "161", Status::Contradicted, "e-uk-new-cos");
    // "fell 95%" says the "decline" of "decline in AI researchers and
    // developers moving to the US" by its form, the rest of the name
    // written out: a clear link, and a wrong value.
    expect(86, "95%", Status::Contradicted, "r-talent-inflow-drop");
    // "trails people by about 6 percentage points" is a gap between two
    // things, not GAIA accuracy's change from January to September: with
    // no word of change it relates no two years of a metric.
    expect(87, "74.5%", Status::Backed, "p-gaia-top");
    let gap = finding_at(&findings, 87, "about 6 percentage points");
    assert_ne!(gap.status, Status::Contradicted, "{:?}", gap.arithmetic());
    // "GPT-4" is a word of its own as well as "GPT": GPT-4's emissions,
    // not GPT-3's, are the ones stated wrong.
    expect(
        88,
        "5,814 tonnes of CO2 equivalent",
        Status::Contradicted,
        "r-gpt4-co2",
    );
    // "..., respectively" gives 25 to Stanford, whose count is 26, however
    // near "notable AI models" (a subject's name as well as the metric's
    // words) stands to it.
    expect(90, "26", Status::Backed, "r-tsinghua-models-cum");
    expect(90, "25", Status::Contradicted, "r-stanford-models-cum");
    // "has since dropped by more than 90%" counts from 2022, the year the
    // sentence names: the decline "since 2017" is not what it states.
    expect(92, "324.6", Status::Backed, "r-us-net-inflow-2022");
    unsourced(92, "more than 90%");
    // "19% slower" is a fall of 19%, the METR study's change in speed.
    expect(94, "19%", Status::Backed, "e-metr-slower");
    // A list whose other numbers state data centers of the subjects they
    // name settles the metric for Germany's, which is wrong.
    expect(96, "592", Status::Contradicted, "r-dc-germany");
    expect(96, "523", Status::Backed, "r-dc-uk");
    // "climbed to 5,505 from 3,835" and "362 in 2025, up from 233": the
    // value a count came from is the year before's, however well "funding
    // rounds" names other metrics, and "in 2025" dates the 362 alone.
    expect(98, "3,835", Status::Contradicted, "e-events-2024");
    expect(98, "233", Status::Backed, "ra-incidents-2024");
    // "more than halved" leaves less than half: 11% of 24% is 0.46.
    expect(
        100,
        "more than halved",
        Status::Derived,
        "ra-no-policy-2025",
    );
    // Two subjects that trade their values: neither backs the other's.
    expect(102, "28,910", Status::Contradicted, "s-pubs-physical");
    expect(102, "33,050", Status::Contradicted, "s-pubs-life");
    // COMPOSER's 17% in the sentence before does not back TREWS's.
    let trews = findings
        .iter()
        .filter(|f| f.line == 104 && f.text() == "17%")
        .map(|f| f.status)
        .collect::<Vec<_>>();
    assert_eq!(trews, [Status::Backed, Status::Contradicted]);
    // The frontier mean the 93% states is no rival for the baseline's
    // figure: another number of the sentence holds it.
    expect(106, "93%", Status::Backed, "p-gpqa-mean");
    expect(106, "82.1%", Status::Contradicted, "p-gpqa-expert");
    // Most of a subject's name right beside the number ("Defense
    // Department" of "US Department of Defense") stands as near as all of it.
    expect(108, "47.1%", Status::Contradicted, "po-dod-share");
    // 2017 dates the third the share rose from, not the share of now.
    expect(110, "Some three in five", Status::Backed, "ed-hs-cs-2024");
    expect(110, "roughly a third", Status::Backed, "ed-hs-cs-2017");
    // The chips' power "within data center capacity" holds only words of
    // the data centers' power capacity, named in full: no rival to it.
    expect(112, "31.9 GW", Status::Contradicted, "r-dc-power");
    // $581 billion cuts the digits of $581.69 billion off, as `check` reads it.
    expect(114, "$581 billion", Status::Backed, "e-corp-invest");
    // The 2 of "Evo 2" is its name's, no number to pull the name from the
    // 0.75 after it; and no version starts at zero, so "GPN-Star 0.53" is a
    // score. The two models' scores are swapped.
    expect(116, "0.75", Status::Contradicted, "m-evo2-auprc");
    expect(116, "0.53", Status::Contradicted, "m-gpn-auprc");
    // "More than tripled" bounds the model uploads' growth and states no
    // fourfold growth of dataset uploads, which "doubled" misstates.
    expect(118, "doubled", Status::Contradicted, "r-hf-dataset-uploads");
    // "from 963 companies" says where the devices came from, no change's start.
    expect(120, "963", Status::Contradicted, "m-fda-companies");
    // A figure a hundred times off the one fact its words imply, with other
    // digits, is of something else: the lab's conference is no NeurIPS.
    unsourced(122, "Roughly 800");
    // "the V100" is half of "V100 hardware", and clear beside the metric
    // named in full.
    expect(124, "84", Status::Backed, "r-a100-models");
    expect(124, "96", Status::Contradicted, "r-v100-models");
    // "5 in 2017, 18 in 2022": the year a comma parts from a number closes
    // the item before; the number's own year comes after it.
    expect(126, "5", Status::Backed, "po-witnesses-2017");
    expect(126, "18", Status::Backed, "po-witnesses-2022");
    expect(126, "131", Status::Backed, "po-witnesses-2023");
    // "$98 → $152" is "from $98 to $152": the start is the year before's,
    // and the end, 2026's figure, is wrong ($125).
    expect(128, "$98", Status::Backed, "e-surplus-avg-2025");
    expect(128, "$152", Status::Contradicted, "e-surplus-avg-2026");
    // A sentence naming only its subject beside the number speaks of the
    // metric the sentence before names in full: Canada's is $4.28 billion.
    expect(130, "$5.9 billion", Status::Backed, "e-uk-private");
    expect(
        130,
        "$4.82 billion",
        Status::Contradicted,
        "e-canada-private",
    );
    // The subject the number is compared with, named after it, lends it no
    // value: 0.86 is LLM-X's score, Gemini 2.5 Flash's is 0.82.
    expect(132, "0.86", Status::Contradicted, "ra-helm-arabic-gemini");
    // Nor does a subject named in part by another number's words: "drug"
    // is the 3,311's, and structure prediction's share is 23.9%.
    expect(134, "3,311", Status::Backed, "m-drug-discovery-pubs");
    expect(134, "54.4%", Status::Contradicted, "m-structure-share-2025");
    // "50%+" is at least half, and "over 2010–2024" the span it is of.
    expect(136, "50%+", Status::Backed, "r-fwd-cites-us");
    // Two counts of one subject: the "teachers" after the 300 are its
    // metric, no other subject to give it to. The pilot had 3,000.
    expect(138, "roughly 20,000", Status::Backed, "ed-estonia-students");
    expect(138, "300", Status::Contradicted, "ed-estonia-teachers");
    // The two numbers before a gap say what it is of: 32.3% - 29.5% is
    // 2.8 points.
    expect(140, "29.5%", Status::Backed, "r-female-italy");
    let gap = finding_at(&findings, 140, "3.8 percentage points");
    assert_eq!(gap.status, Status::Contradicted);
    assert_eq!(
        gap.arithmetic(),
        Some("32.3% - 29.5% = 2.8pp (2.7pp, 2.9pp)")
    );
    // A fraction is as coarse as the writer's rounding to it: 47% is
    // "nearly half".
    expect(142, "nearly half", Status::Backed, "r-venue-journals");
    // A subject left out ("outside China") is none of the number's.
    expect(144, "27", Status::Backed, "po-eap-clusters");
    // A value that happens to agree with a metric named in part (the
    // nonresident share of AI PhDs, 55%) backs nothing beside one named in
    // full: the share entering industry is about 65%.
    expect(146, "62.75%", Status::Backed, "ed-phd-industry-md");
    unsourced(146, "roughly 56%");
    // A multiple between two numbers it agrees with is their ratio (37% /
    // 13%), no wrong value of the growth in witnesses (nearly 20x).
    expect(148, "37%", Status::Backed, "po-industry-witness-119");
    unsourced(148, "almost three times");
    // "at the start of the series" dates the number to the earliest year.
    expect(150, "3,866", Status::Backed, "r-patents-2010");
    // "the earlier best" is the year before the latest's.
    expect(152, "about 17%", Status::Backed, "p-mlebench-2024");
    expect(152, "64.4%", Status::Backed, "p-mlebench-top");
    // "Writer (Palmyra X5)" is "Writer" in prose: "Writer 27" is its score
    // (72), no product at a version.
    expect(154, "27", Status::Contradicted, "ra-fmti-writer");
    // A list whose numbers before were linked to one metric's figures for
    // the subjects they name settles it for the next subject named ...
    expect(156, "20", Status::Backed, "r-openai-models");
    expect(156, "9", Status::Contradicted, "r-anthropic-models");
    // ... as one subject's like figures under the names beside them do.
    expect(158, "48%", Status::Backed, "ra-obst-budget");
    expect(158, "14%", Status::Contradicted, "ra-obst-regulatory");
    // A question that names the year it asks about is still a question.
    expect(160, "258", Status::Backed, "m-fda-2025");
    // A range one end of which states a fact states its pair at the other
    // end: the high end of the span is wrong ...
    expect(
        162,
        "between 11.8 and 19.2",
        Status::Contradicted,
        "m-noharm-high",
    );
    // ... where a range neither end of which states a fact hedges.
    expect(164, "between 10 and 20", Status::Backed, "m-noharm-high");
    // Points after percentages are percentage points: a change of the two
    // is derived from them, and a gap they do not make (73 - 23 is 50) is
    // contradicted by them, not backed by ClockBench's 40-point gap.
    expect(168, "10 points", Status::Derived, "e-org-adoption");
    expect(166, "40-point", Status::Contradicted, "pu-experts-jobs");
    // Where the experts' share is not linked, the 40 points are still no
    // other gap of 40 points.
    unsourced(170, "40-point");
    // A number before that the best fact backed states its value rightly:
    // the next number traded no figure with it, and is no wrong world total.
    expect(172, "3,499", Status::Backed, "e-new-cos-world");
    unsourced(172, "1,953");
    // "China: 35. South Korea: 11.": a label and its figure go on the list
    // of the sentence before, and the wrong one is contradicted (8).
    expect(174, "35", Status::Backed, "r-notable-models-china");
    expect(174, "11", Status::Contradicted, "r-notable-models-skorea");
    // "23.1 times that of China and 48.5 times that of the UK": a list of
    // multiples of the subject named first, each of the name after "that
    // of" (the US and the UK are two of the names, not their union's).
    expect(176, "23.1 times", Status::Backed, "e-us-china-ratio");
    expect(176, "48.5 times", Status::Backed, "e-us-uk-ratio");
    expect(178, "38.5 times", Status::Contradicted, "e-us-private");
    // The physicians are the 41%'s: GPT-4, the one word left that names
    // the physicians' subject for the 42%, is GPT-4 alone's too, so no
    // values were traded.
    expect(180, "42%", Status::Backed, "m-gpt4-mgmt");
    expect(180, "41%", Status::Backed, "m-phys-gpt4-mgmt");
    // A list of citation shares whose best link for each item is a share of
    // citations: Europe's share of papers (11.1%) is no reading of it.
    expect(182, "20.6%", Status::Backed, "r-cites-china");
    expect(182, "11.1%", Status::Contradicted, "r-cites-europe");
    // "Deal count" is the store's count of investment events: the change
    // it states (36%) is not the 55.6% of its two ends.
    expect(187, "3,538", Status::Backed, "e-events-2024");
    expect(187, "36%", Status::Contradicted, "e-events-2025");
    // "from 20 to 87%" starts at 20%.
    expect(189, "20", Status::Backed, "p-terminal-bench-start");
    expect(189, "87%", Status::Contradicted, "p-terminal-bench");
    // "That's about twenty-three times." points back at the two figures
    // stated last, and relates them; "That's a forty-point gap." is 73% -
    // 23%, 50 points, not ClockBench's gap of about 40 points.
    expect(
        191,
        "about twenty-three times",
        Status::Derived,
        "e-us-private",
    );
    expect(193, "forty-point", Status::Contradicted, "pu-experts-jobs");
    // "That's up about 130% on 2024's $253 billion." names nothing itself:
    // the sentence it points back at names the investment for it.
    expect(195, "about 130%", Status::Backed, "e-corp-invest-growth");
    expect(195, "$253 billion", Status::Backed, "e-corp-invest-2024");
    // "Canada's was 4.28 billion": money, as the sentence before's was.
    expect(197, "4.28 billion", Status::Backed, "e-canada-private");
    expect(197, "15.4 billion", Status::Contradicted, "e-china-private");
    // One multiple is of the subject named first, as each of a list is:
    // four times India's, not Germany's, however near Germany stands.
    let multiple = finding_at(&findings, 199, "more than four times");
    let pair: Vec<&str> = multiple.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        (multiple.status, pair),
        (Status::Derived, vec!["r-talent-us", "r-talent-india"])
    );
    // 16.3 / 5.8 = 2.81: nearly 3x, as a writer rounds.
    expect(201, "nearly 3x", Status::Derived, "e-openai-compute-2025");
    // A list item's label names its subject beside the number: the lead-in's
    // conferences, named farther off, are no rival for it.
    expect(205, "462", Status::Backed, "ra-papers-fairness");
    expect(206, "450", Status::Contradicted, "ra-papers-transparency");
    // Words that are the metric's name and nothing else link as clearly as
    // a table's header: a label before a colon, or a clause of its words.
    expect(210, "59%", Status::Backed, "ra-obst-knowledge");
    expect(211, "68%", Status::Contradicted, "ra-obst-budget");
    expect(213, "$66.5 billion", Status::Contradicted, "e-avg-event");
    // A list of one metric's values for the subjects it names settles the
    // metric, though the words hold little of its name.
    expect(215, "78", Status::Backed, "m-healer-o1");
    expect(215, "57", Status::Contradicted, "m-healer-gpt4");
    // The word after a number names what it counts: "95 databases" is the
    // databases' count, though "software packages" stands nearer in rank.
    expect(217, "95", Status::Contradicted, "m-biomni-dbs");
    // "the expert-public gap" names both sides: its "public" is not the
    // 73%'s, which the experts named after it own.
    expect(219, "73%", Status::Backed, "pu-experts-jobs");
    expect(219, "23%", Status::Backed, "pu-public-jobs");
    // The best link of the 17%, nonstate activity, is the 39%'s: the next
    // link, government programs, is the 17%'s, and wrong.
    expect(221, "39%", Status::Backed, "ra-africa-nonstate");
    expect(221, "17%", Status::Contradicted, "ra-africa-gov");
    // "Over 80%" of students is that number's fact: its bound allows 94%
    // too, but the estimate of middle and high schoolers' use is 84%.
    expect(223, "94%", Status::Contradicted, "ed-k12-use-high");
    // "(Feb '25)" dates the 20% it follows, not the 77.3% past the arrow.
    expect(225, "20%", Status::Backed, "p-terminal-bench-start");
    expect(225, "77.3%", Status::Backed, "p-terminal-bench");
    // "faster" says a change in speed, and the wrong direction: METR's
    // developers were 19% slower.
    expect(227, "19%", Status::Contradicted, "e-metr-slower");
    // The best link of the 90.1% is the model's, which the 50.6% states:
    // the next link, the humans', is the 90.1%'s, however far behind.
    expect(229, "90.1%", Status::Backed, "p-clockbench-human");
    // ">200%" and "<10%" are bounds, as "more than 200%" and "under 10%".
    expect(231, ">200%", Status::Backed, "e-genai-growth");
    expect(231, "<10%", Status::Backed, "p-hle-start");
    // "Grok 4" names Grok 4, not Grok 3: the version is part of the name.
    expect(
        233,
        "an estimated 27,816 tonnes of CO2 equivalent",
        Status::Contradicted,
        "r-grok4-co2",
    );
    // A metric named in full is a candidate however many rarer names the
    // clause of contracts and grants touches: $285.9 billion is 2025's
    // private investment, no wrong total of 2013-2025 (a false alarm).
    expect(235, "$285.9 billion", Status::Backed, "e-us-private");
    // "close to triple" owns to rounding as "nearly" does: 16.3 / 5.8 =
    // 2.81x, derived, no false alarm.
    expect(
        237,
        "close to triple",
        Status::Derived,
        "e-openai-compute-2025",
    );
    // A number the writer denies states nothing to back or contradict.
    expect(29, "$285.9 billion", Status::Backed, "e-us-private");
    let denied = findings
        .iter()
        .find(|f| f.text() == "$109.1 billion")
        .unwrap();
    assert_eq!(denied.status, Status::Unsourced);
    let simulated = findings.iter().find(|f| f.text() == "89.4%").unwrap();
    assert_eq!(simulated.status, Status::Unsourced);
    // Every other number is linked, but for spelled-out counts that speak
    // of no fact ("at least one business function", "four-year
    // universities"), reported all the same, and the low end of "from about
    // 50% to 94%" (line 223), read as where a change started: two estimates
    // are no change, a gap still open.
    let spelled = ["at least one", "four-year", "six"];
    let unlinked: Vec<_> = findings
        .iter()
        .filter(|f| {
            ![
                21, 29, 33, 41, 58, 63, 67, 81, 82, 85, 87, 92, 120, 122, 146, 148, 170, 172, 223,
            ]
            .contains(&f.line)
        })
        .filter(|f| f.status == Status::Unsourced && !spelled.contains(&&*f.text()))
        .map(|f| (f.line, f.text()))
        .collect();
    assert!(unlinked.is_empty(), "{unlinked:?}");
    let derived = findings.iter().find(|f| f.text() == "1.7 times").unwrap();
    assert_eq!(
        derived.arithmetic(),
        Some("59 / 35 = 1.686x (1.6479x, 1.7246x)")
    );
    settings("audit").bind(|| {
        let report = AuditReport::new(vec![article.to_owned()], findings);
        insta::assert_snapshot!(
            "paraphrase-digest.human",
            render::audit_human(&report, false, Detail::Verbose)
        );
    });
}

mod units {
    use claimcheck::audit::{Auditor, Format, Status};
    use claimcheck::check::Options;
    use claimcheck::quantity::{Unit, prose_quantity};
    use proptest::prelude::*;

    use super::relative_store;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Issue 9: whatever the words and the number, no finding is backed
        /// by a fact in another dimension (a count by a percentage, dollars
        /// by gigawatts).
        #[test]
        fn no_number_is_backed_in_another_dimension(
            name in prop::sample::select(
                relative_store().aliases.iter().map(|(_, alias, _)| alias.clone()).collect::<Vec<_>>()
            ),
            value in 1u32..1000,
            unit in prop::sample::select(vec!["", "%", " GW", "x", " billion dollars", " percent"]),
        ) {
            let sentence = format!("The {name} came to {value}{unit} in 2025.");
            let store = relative_store();
            let findings = Auditor::new(store, Options::default())
                .audit("p.md", &sentence, Format::Markdown, &[]);
            for f in findings.iter().filter(|f| f.status == Status::Backed) {
                let (q, _) = prose_quantity(&f.text(), true).unwrap();
                for fact in f.facts.iter() {
                    let id = store.fact_by_id(&fact.id).unwrap();
                    let fact_unit = &store.fact(id).value.unit;
                    let fits = match (&q.unit, fact_unit) {
                        (Unit::Bare, Unit::Bare | Unit::Noun(_) | Unit::Measure(_)) => true,
                        (Unit::Measure(_) | Unit::Noun(_), Unit::Bare) => true,
                        (a, b) => a != &Unit::Bare && b != &Unit::Bare && a.compatible(b),
                    };
                    prop_assert!(fits, "{sentence}: {} backed by {} ({:?})", f.text(), fact.id, fact_unit);
                }
            }
        }
    }
}

/// A fact with no unit is compared in base units, so a measure written in
/// another unit is none of its: "3-minute" (180 seconds, or up to 240 cut
/// short) was backed by the 233 AI incidents of 2024.
#[test]
fn a_measure_in_minutes_is_no_count() {
    let text = "This 3-minute video is about reported AI incidents in 2024.\n";
    let auditor = Auditor::new(relative_store(), Options::default());
    let findings = auditor.audit("video.md", text, Format::Markdown, &[]);
    let statuses: Vec<(String, Status)> = findings
        .iter()
        .map(|f| (f.text().into_owned(), f.status))
        .collect();
    assert_eq!(statuses, [("3-minute".to_owned(), Status::Unsourced)]);
}

/// A table cell is read as the line its headers make, so its numbers stand
/// after the headers in the sentence judged: relating two of them (a
/// multiple between two shares, a gap after two percentages) must find
/// them there. It once underflowed on the headers' length.
#[test]
fn numbers_related_inside_a_table_cell() {
    let text = "| Group | Share |\n| --- | --- |\n\
                | Industry witnesses | 37%, almost three times its 13% |\n\
                | Experts and public | 73% vs 23%, a 40-point gap |\n";
    let auditor = Auditor::new(relative_store(), Options::default());
    let findings = auditor.audit("cells.md", text, Format::Markdown, &[]);
    let read: Vec<(u32, String)> = findings
        .iter()
        .map(|f| (f.line, f.text().into_owned()))
        .collect();
    let row = |line: u32, text: &str| (line, text.to_owned());
    assert_eq!(
        read,
        [
            row(3, "37%"),
            row(3, "almost three times"),
            row(3, "13%"),
            row(4, "73%"),
            row(4, "23%"),
            row(4, "40-point"),
        ]
    );
    // The multiple is the ratio of the two shares beside it, no wrong one.
    assert!(findings.iter().all(|f| f.status != Status::Contradicted));
}

/// The audit as an extractor: every number is a finding, a spelled-out
/// count no fact answers among them, and each finding's reading is what the
/// words around the number made of it: the unit a list shares, the loss an
/// account writes in parentheses (not an aside's), a currency code before
/// the digits, a range's two ends.
#[test]
fn every_number_is_reported_with_its_reading() {
    let text = "They sold three hundred and twenty-one copies for USD 1,200.\n\n\
                The patients were given 45 and 50 mg, and the year closed at ($99.99).\n\n\
                Prices ranged from 3 to 4 dollars, in Peru (US$2.50) too.\n";
    let auditor = Auditor::new(relative_store(), Options::default());
    let findings = auditor.audit("extract.txt", text, Format::PlainText, &[]);
    let read: Vec<(String, f64, Option<f64>, String)> = findings
        .iter()
        .map(|f| {
            let r = f.reading().unwrap();
            (f.text().into_owned(), r.value, r.high, r.kind.to_owned())
        })
        .collect();
    let row = |text: &str, value: f64, high: Option<f64>, kind: &str| {
        (text.to_owned(), value, high, kind.to_owned())
    };
    assert_eq!(
        read,
        [
            row("three hundred and twenty-one", 321.0, None, "number"),
            row("USD 1,200", 1200.0, None, "currency"),
            row("45", 45.0, None, "measure"),
            row("50 mg", 50.0, None, "measure"),
            row("$99.99", -99.99, None, "currency"),
            row("3 to 4 dollars", 3.0, Some(4.0), "currency"),
            row("US$2.50", 2.5, None, "currency"),
        ]
    );
    assert!(findings.iter().all(|f| f.status == Status::Unsourced));
}
