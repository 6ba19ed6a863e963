use super::*;

/// A one-line sketch of what a line parsed into, so tests read like the grammar.
fn sketch(line: &str) -> String {
    match parse_line(line) {
        Ok(None) => "nothing".to_owned(),
        Ok(Some(Entry::Directive(d))) => format!("{d:?}"),
        Ok(Some(Entry::Claim(c))) => {
            let mut out = String::new();
            if let Some(l) = &c.label {
                out.push_str(&format!("[{l}] "));
            }
            match &c.body {
                Body::Compare { lhs, op, rhs } => {
                    out.push_str(&format!("{} {} ", expr(lhs), op.as_str()));
                    match rhs {
                        Rhs::Value(q) => out.push_str(&format!("«{q}»")),
                        Rhs::Against { quantity, other } => {
                            out.push_str(&format!("«{quantity}» against <{other}>"))
                        }
                    }
                }
                Body::Chain {
                    reference,
                    periods,
                    op,
                    values,
                } => {
                    out.push_str(&format!(
                        "<{reference}>: {} {} ",
                        periods.join(" -> "),
                        op.as_str()
                    ));
                    match values {
                        ChainValues::Each(v) => out.push_str(
                            &v.iter()
                                .map(|q| format!("«{q}»"))
                                .collect::<Vec<_>>()
                                .join(" -> "),
                        ),
                        ChainValues::Change(q) => out.push_str(&format!("change «{q}»")),
                    }
                }
            }
            if let Some(n) = c.article_line {
                out.push_str(&format!(" @L{n}"));
            }
            if let Some(s) = &c.cite {
                out.push_str(&format!(" cite {s}"));
            }
            out
        }
        Err(e) => format!("error at column {}: {}", e.column, e.message),
    }
}

/// The expression with its precedence made visible: `((<a> + (<b> * <c>)) - <d>)`.
fn expr(e: &Expr) -> String {
    let fold = |items: Vec<(ArithOp, String)>| {
        let mut items = items.into_iter();
        let first = items.next().map(|(_, s)| s).unwrap_or_default();
        items.fold(first, |left, (op, right)| {
            format!("({left} {} {right})", op.as_str())
        })
    };
    fold(
        e.terms()
            .into_iter()
            .map(|(op, factors)| {
                let factors = factors
                    .into_iter()
                    .map(|(op, r)| (op, format!("<{r}>")))
                    .collect();
                (op, fold(factors))
            })
            .collect(),
    )
}

#[test]
fn design_examples_parse_as_written() {
    let cases = [
        (
            "@source ai-index-2026            # facts must come from this source",
            r#"Source("ai-index-2026")"#,
        ),
        ("@period 2025", r#"Period("2025")"#),
        (
            "@article summaries/digest.md",
            r#"Article("summaries/digest.md")"#,
        ),
        (
            "US private AI investment 2025 = $285.9 billion",
            "<US private AI investment 2025> = «$285.9 billion»",
        ),
        ("AI incidents 2025 = 362", "<AI incidents 2025> = «362»"),
        (
            "NVIDIA share of AI compute > 60%",
            "<NVIDIA share of AI compute> > «60%»",
        ),
        (
            "Google capital expenditure 2025 > $150B",
            "<Google capital expenditure 2025> > «$150B»",
        ),
        (
            "global AI compute capacity ~ 17 million H100-equivalents",
            "<global AI compute capacity> ~ «17 million H100-equivalents»",
        ),
        (
            "US private AI investment = 23x China",
            "<US private AI investment> = «23x» against <China>",
        ),
        (
            "global corporate AI investment 2025 >= 2x 2024          # \"more than doubled\"",
            "<global corporate AI investment 2025> >= «2x» against <2024>",
        ),
        (
            "AI incidents: 2024 -> 2025 = 233 -> 362",
            "<AI incidents>: 2024 -> 2025 = «233» -> «362»",
        ),
        (
            "Foundation Model Transparency Index: 2023 -> 2024 -> 2025 = 37 -> 58 -> 40",
            "<Foundation Model Transparency Index>: 2023 -> 2024 -> 2025 = «37» -> «58» -> «40»",
        ),
        (
            "private AI investment 2025 = +127.5% vs 2024",
            "<private AI investment 2025> = «+127.5%» against <2024>",
        ),
        (
            "firms without a responsible AI policy: 2024 -> 2025 = -13pp",
            "<firms without a responsible AI policy>: 2024 -> 2025 = change «-13pp»",
        ),
        (
            "hallucination rate across models = 22%..94%",
            "<hallucination rate across models> = «22%..94%»",
        ),
        (
            "human OSWorld task success - top agent OSWorld task success < 6pp",
            "(<human OSWorld task success> - <top agent OSWorld task success>) < «6pp»",
        ),
        (
            "US private AI investment / China private AI investment = 23.1x",
            "(<US private AI investment> / <China private AI investment>) = «23.1x»",
        ),
        (
            "[us-china-ratio] US private AI investment = 23x China   @L57",
            "[us-china-ratio] <US private AI investment> = «23x» against <China> @L57",
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(sketch(line), expected, "{line}");
    }
}

#[test]
fn messy_names_stay_whole() {
    assert_eq!(
        sketch("gpt-oss-20B (high) hallucination rate 2026 = 94%"),
        "<gpt-oss-20B (high) hallucination rate 2026> = «94%»"
    );
    assert_eq!(
        sketch("Top US vs top Chinese model Arena lead = 2.7%"),
        "<Top US vs top Chinese model Arena lead> = «2.7%»"
    );
    assert_eq!(
        sketch("Claude Opus 4.5 OSWorld accuracy = 66.3%"),
        "<Claude Opus 4.5 OSWorld accuracy> = «66.3%»"
    );
    assert_eq!(
        sketch("tau-bench pass@1 score = 5"),
        "<tau-bench pass@1 score> = «5»"
    );
    assert_eq!(
        sketch("US software developers aged 22-25 employment decline = nearly 20%"),
        "<US software developers aged 22-25 employment decline> = «nearly 20%»"
    );
}

#[test]
fn explicit_references_name_subject_metric_and_period() {
    assert_eq!(
        sketch(
            "{Microsoft AI Diagnostic Orchestrator + OpenAI o3 | diagnostic accuracy | 2025} = 85.5%"
        ),
        "<{Microsoft AI Diagnostic Orchestrator + OpenAI o3 | diagnostic accuracy | 2025}> = «85.5%»"
    );
    assert_eq!(
        sketch("{ | reported AI incidents} = 362"),
        "<{ | reported AI incidents}> = «362»"
    );
    assert_eq!(
        sketch("{p-clockbench-ch2} = 50.6%"),
        "<{p-clockbench-ch2}> = «50.6%»"
    );
    assert_eq!(
        sketch("{e-us-private} / {e-china-private} = 23x"),
        "(<{e-us-private}> / <{e-china-private}>) = «23x»"
    );
}

#[test]
fn arithmetic_binds_division_before_subtraction() {
    assert_eq!(sketch("a - b / c = 1"), "(<a> - (<b> / <c>)) = «1»");
    assert_eq!(sketch("a / b - c = 1"), "((<a> / <b>) - <c>) = «1»");
}

#[test]
fn annotations_and_comments() {
    assert_eq!(
        sketch("AI incidents 2025 = 362 @L12 @source ai-index-2026 # why"),
        "<AI incidents 2025> = «362» @L12 cite ai-index-2026"
    );
    assert_eq!(sketch("   # only a comment"), "nothing");
    assert_eq!(sketch(""), "nothing");
    assert_eq!(
        sketch("a = 5 #no space needed before a comment after a space"),
        "<a> = «5»"
    );
    assert_eq!(sketch("@tolerance 10%"), "Tolerance(0.1)");
}

#[test]
fn chains_of_changes_and_ratios() {
    assert_eq!(
        sketch("AI incidents: 2024 -> 2025 = +55%"),
        "<AI incidents>: 2024 -> 2025 = change «+55%»"
    );
    assert_eq!(
        sketch("AI incidents: 2024 -> 2025 = 1.55x"),
        "<AI incidents>: 2024 -> 2025 = change «1.55x»"
    );
    assert_eq!(
        sketch("consumer surplus: early 2025 -> early 2026 = $112B -> $172B"),
        "<consumer surplus>: early 2025 -> early 2026 = «$112B» -> «$172B»"
    );
    assert_eq!(
        sketch("share of firms no policy 2025 = -13pp vs 2024"),
        "<share of firms no policy 2025> = «-13pp» against <2024>"
    );
}

#[test]
fn errors_point_at_the_column() {
    let cases = [
        (
            "US private AI investment 2025",
            "error at column 30: expected a comparison operator (=, <, >, <=, >=, ~) between spaces, found end of line",
        ),
        (
            "US private AI investment = ",
            "error at column 27: expected a quantity, found end of line",
        ),
        (
            "US private AI investment = lots",
            "error at column 28: expected a number, found `lots`",
        ),
        (
            "AI incidents: 2024 -> 2025 = 233 -> 362 -> 400",
            "error at column 30: 2 periods but 3 values: give one value per period, or one change",
        ),
        (
            "@bogus x",
            "error at column 1: expected a directive (@source, @period, @article or @tolerance), found `@bogus`",
        ),
        (
            "[bad label] a = 1",
            "error at column 5: expected `]` closing the label, found `label]`",
        ),
        (
            "{a | b | c | d} = 1",
            "error at column 16: braces hold a fact id, or `subject | metric` with an optional `| period`",
        ),
        (
            "a = 22%..$94",
            "error at column 13: the ends of a range differ in unit: percent and USD",
        ),
        (
            "= 5",
            "error at column 1: expected a subject, metric or period, found `=`",
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(sketch(line), expected, "{line}");
    }
}

/// `@waive "reason"` next to a claim accepts it as it is; the reason is kept.
#[test]
fn waivers_next_to_claims() {
    let claim = |line: &str| match parse_line(line) {
        Ok(Some(Entry::Claim(c))) => c,
        other => panic!("{line}: {other:?}"),
    };
    let c = claim(r#"[gap] X m = 3.3% @L40 @waive "the report states 3.3% and 3.4%""#);
    assert_eq!(c.waiver.as_deref(), Some("the report states 3.3% and 3.4%"));
    assert_eq!(c.article_line, Some(40));
    assert_eq!(c.label.as_deref(), Some("gap"));
    // The reason does not leak into a reference after the value.
    let c = claim(r#"US data centers 2025 = 10x Germany @waive "counted by region""#);
    assert_eq!(c.waiver.as_deref(), Some("counted by region"));
    match &c.body {
        Body::Compare {
            rhs: Rhs::Against { other, .. },
            ..
        } => assert_eq!(other.to_string(), "Germany"),
        body => panic!("{body:?}"),
    }
    let c = claim(r#"AI incidents: 2024 -> 2025 = 233 -> 362 @waive "ok""#);
    assert_eq!(c.waiver.as_deref(), Some("ok"));
    assert_eq!(claim("X m = 5").waiver, None);
    for bad in [
        "X m = 5 @waive",
        "X m = 5 @waive \"\"",
        "X m = 5 @waive reason",
    ] {
        let err = parse_line(bad).unwrap_err();
        assert!(
            err.message
                .contains("a reason in double quotes after @waive"),
            "{bad}: {}",
            err.message
        );
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_any_line(line in "\\PC{0,80}") {
            let _ = parse_line(&line);
        }

        #[test]
        fn on_claim_like_lines(line in "[a-zA-Z0-9 {}|:@#\\[\\]$%.,~<>=+*/-]{0,60}") {
            let _ = parse_line(&line);
        }

        #[test]
        fn on_any_quantity(text in "\\PC{0,40}") {
            let _ = crate::quantity::parse_quantity(&text);
        }
    }
}
