//! The claim language: one claim per line, parsed with nom.
//!
//! See `GRAMMAR.md` for the grammar in EBNF. The parser only splits a line
//! into references, operators and quantities; which subject, metric and
//! period a reference phrase names is decided later, against the store's
//! vocabulary, because real names contain digits, hyphens and `vs`.

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_till1, take_while1},
    character::complete::{char, digit1, space0, space1},
    combinator::{all_consuming, consumed, cut, map, map_res, not, opt, peek, recognize, value},
    error::context,
    multi::{many0, many1},
    sequence::{delimited, preceded, terminated},
};
use serde::Serialize;

use crate::quantity::{Quantity, quantity};
use crate::syntax::{PResult, SyntaxError};

/// One line of a claims file, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Directive(Directive),
    Claim(Box<Claim>),
}

/// A file-level setting that applies to the claims below it.
#[derive(Debug, Clone, PartialEq)]
pub enum Directive {
    /// `@source ID`: facts must come from this source.
    Source(String),
    /// `@period P`: the period of claims that name none.
    Period(String),
    /// `@article PATH`: the prose these claims are about.
    Article(String),
    /// `@tolerance 5%`: the width of `about`, `~` and `nearly`.
    Tolerance(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub label: Option<String>,
    /// `@L57`: the line of the article the claim comes from.
    pub article_line: Option<u32>,
    /// A per-claim citation (`@source ID` after the claim).
    pub cite: Option<String>,
    /// `@waive "reason"`: the claim is accepted as it is, for this reason.
    pub waiver: Option<String>,
    pub body: Body,
    /// The claim as written, without its label, annotations and comment.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// `EXPR OP RHS`: a value, a bound, a ratio, a change against a period,
    /// or arithmetic between facts.
    Compare { lhs: Expr, op: Op, rhs: Rhs },
    /// `REF: P1 -> P2 [-> P3…] = V1 -> V2 […]` or `REF: P1 -> P2 = CHANGE`.
    Chain {
        reference: Reference,
        periods: Vec<String>,
        op: Op,
        values: ChainValues,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChainValues {
    /// One value per period.
    Each(Vec<Quantity>),
    /// The change from the first period to the last (`-13pp`, `+55%`, `1.55x`).
    Change(Quantity),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Rhs {
    /// A plain quantity: `$285.9 billion`, `22%..94%`, `< 6pp`.
    Value(Quantity),
    /// A quantity against another reference: `23x China`, `+127.5% vs 2024`.
    Against {
        quantity: Quantity,
        other: Reference,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Op {
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "~")]
    Approx,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Approx => "~",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl ArithOp {
    pub fn as_str(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }
}

/// A reference, or arithmetic between references as written: `a + b * c`,
/// where `*` and `/` bind tighter than `+` and `-`. The grammar has no
/// parentheses, so a flat list holds every expression; it is kept flat, not
/// as a tree, so that nothing that walks it recurses once per term (a tree
/// of 8,000 terms overflowed the stack).
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub first: Reference,
    pub rest: Vec<(ArithOp, Reference)>,
}

impl Expr {
    pub fn of(reference: Reference) -> Expr {
        Expr {
            first: reference,
            rest: Vec::new(),
        }
    }

    /// The reference, when the expression is one and no arithmetic.
    pub fn single(&self) -> Option<&Reference> {
        self.rest.is_empty().then_some(&self.first)
    }

    pub fn references(&self) -> impl Iterator<Item = &Reference> {
        std::iter::once(&self.first).chain(self.rest.iter().map(|(_, r)| r))
    }

    /// The terms of the sum, each a product of factors: the operator before
    /// each term (`+` for the first) and its factors with the operator
    /// before each (`*` for the first).
    pub fn terms(&self) -> Vec<(ArithOp, Vec<(ArithOp, &Reference)>)> {
        let mut terms: Vec<(ArithOp, Vec<(ArithOp, &Reference)>)> =
            vec![(ArithOp::Add, vec![(ArithOp::Mul, &self.first)])];
        for (op, reference) in &self.rest {
            match op {
                ArithOp::Add | ArithOp::Sub => terms.push((*op, vec![(ArithOp::Mul, reference)])),
                ArithOp::Mul | ArithOp::Div => {
                    if let Some((_, factors)) = terms.last_mut() {
                        factors.push((*op, reference));
                    }
                }
            }
        }
        terms
    }

    /// The same expression with every reference passed through `f`.
    pub fn map_references(&self, f: impl Fn(&Reference) -> Reference) -> Expr {
        Expr {
            first: f(&self.first),
            rest: self.rest.iter().map(|(op, r)| (*op, f(r))).collect(),
        }
    }
}

impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.first)?;
        for (op, reference) in &self.rest {
            write!(f, " {} {reference}", op.as_str())?;
        }
        Ok(())
    }
}

/// Something that names facts.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// `US private AI investment 2025`, split by the store's vocabulary.
    Phrase(String),
    /// `{United States | private AI investment | 2025}`: no splitting.
    Explicit {
        subject: Option<String>,
        metric: Option<String>,
        period: Option<String>,
    },
    /// `{e-us-private}`: one fact by its id.
    FactId(String),
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reference::Phrase(p) => f.write_str(p),
            Reference::FactId(id) => write!(f, "{{{id}}}"),
            Reference::Explicit {
                subject,
                metric,
                period,
            } => {
                write!(
                    f,
                    "{{{} | {}",
                    subject.as_deref().unwrap_or(""),
                    metric.as_deref().unwrap_or("")
                )?;
                if let Some(p) = period {
                    write!(f, " | {p}")?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A line that does not follow the grammar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseError {
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Byte offset in the line.
    pub offset: usize,
    pub message: String,
}

/// Parses one line of a claims file. `Ok(None)` for blank and comment lines.
pub fn parse_line(line: &str) -> Result<Option<Entry>, ParseError> {
    // Control characters would reach reports and terminals as they are.
    if let Some((offset, c)) = line
        .char_indices()
        .find(|(_, c)| c.is_control() && *c != '\t')
    {
        return Err(ParseError {
            column: line[..offset].chars().count() + 1,
            offset,
            message: format!("unexpected control character U+{:04X}", u32::from(c)),
        });
    }
    let content = strip_comment(line).trim_end();
    if content.trim().is_empty() {
        return Ok(None);
    }
    let result = all_consuming(delimited(space0, entry, space0)).parse(content);
    match result {
        Ok((_, entry)) => Ok(Some(entry)),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            let mut offset = line.len() - e.rest.len() - (line.len() - content.len());
            let mut message = e.describe();
            // With no operator found, the line may hold one written in a
            // way the grammar does not take: say how to write it, there.
            if message.contains("comparison operator")
                && let Some((at, how)) =
                    chain_out_of_order(content).or_else(|| glued_operator(content))
            {
                (offset, message) = (at, how);
            }
            Err(ParseError {
                column: line[..offset].chars().count() + 1,
                offset,
                message,
            })
        }
        Err(nom::Err::Incomplete(_)) => Err(ParseError {
            column: content.chars().count() + 1,
            offset: content.len(),
            message: "incomplete claim".to_owned(),
        }),
    }
}

/// `X 2024 -> 2025: 58 -> 40`, periods before the colon: where the first
/// period starts, and the chain as the grammar writes it.
fn chain_out_of_order(content: &str) -> Option<(usize, String)> {
    let (left, right) = content.split_once(": ")?;
    let (name_and_first, later) = left.split_once(" -> ")?;
    if !right.contains(" -> ") {
        return None;
    }
    let (name, first) = name_and_first.trim_end().rsplit_once(' ')?;
    let at = content.find(name_and_first)? + name.len() + 1;
    Some((
        at,
        format!(
            "a chain names its periods after the colon and its values after an operator: `{}: {first} -> {} = {}`",
            name.trim(),
            later.trim(),
            right.trim()
        ),
    ))
}

/// `2025=362`: an operator written without a space on each side, where it
/// starts and how to write it.
fn glued_operator(content: &str) -> Option<(usize, String)> {
    let is_op = |c: char| "=<>~≈≤≥".contains(c);
    let mut chars = content.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_op(c) || content[..start].ends_with('-') {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek().filter(|(_, n)| is_op(*n)) {
            end = i + next.len_utf8();
            chars.next();
        }
        let before = content[..start].chars().next_back();
        let after = content[end..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
        if glued(before) || glued(after) {
            let word_start = content[..start]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word_end = content[end..]
                .find(char::is_whitespace)
                .map_or(content.len(), |i| end + i);
            let op = &content[start..end];
            let spaced: Vec<&str> = [&content[word_start..start], op, &content[end..word_end]]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect();
            return Some((
                start,
                format!("`{op}` needs a space on each side: `{}`", spaced.join(" ")),
            ));
        }
    }
    None
}

/// A `#` starts a comment at the start of a line or after white space.
fn strip_comment(line: &str) -> &str {
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        if c == '#' && previous.is_whitespace() {
            return &line[..i];
        }
        previous = c;
    }
    line
}

fn entry(i: &str) -> PResult<'_, Entry> {
    alt((
        map(directive, Entry::Directive),
        map(claim, |c| Entry::Claim(Box::new(c))),
    ))
    .parse(i)
}

fn directive(i: &str) -> PResult<'_, Directive> {
    let argument = |name: &'static str| {
        preceded(
            (tag(name), space1),
            cut(context("a value for the directive", rest_of_line)),
        )
    };
    preceded(
        peek(char('@')),
        cut(context(
            "a directive (@source, @period, @article or @tolerance)",
            alt((
                map(argument("@source"), |s| Directive::Source(s.to_owned())),
                map(argument("@period"), |s| Directive::Period(s.to_owned())),
                map(argument("@article"), |s| Directive::Article(s.to_owned())),
                preceded(
                    (tag("@tolerance"), space1),
                    cut(context("a percentage such as 5%", tolerance)),
                ),
            )),
        )),
    )
    .parse(i)
}

fn rest_of_line(i: &str) -> PResult<'_, &str> {
    map(take_till1(|_| false), str::trim).parse(i)
}

fn tolerance(i: &str) -> PResult<'_, Directive> {
    map_res(
        terminated(recognize((digit1, opt((char('.'), digit1)))), char('%')),
        |digits: &str| {
            digits
                .parse::<f64>()
                .map(|p| Directive::Tolerance(p / 100.0))
        },
    )
    .parse(i)
}

fn claim(i: &str) -> PResult<'_, Claim> {
    let (i, label) = opt(terminated(label, space0)).parse(i)?;
    // Only a line with an arrow can be a chain; trying the chain form on every
    // line would parse each comparison twice.
    let maybe_chain = i.contains("->") || i.contains('→');
    let (i, (text, body)) = if maybe_chain {
        consumed(context("a claim", alt((chain, compare)))).parse(i)?
    } else {
        consumed(context("a claim", compare)).parse(i)?
    };
    let (i, annotations) = many0(preceded(space1, annotation)).parse(i)?;
    let mut claim = Claim {
        label: label.map(str::to_owned),
        article_line: None,
        cite: None,
        waiver: None,
        body,
        text: text.trim().to_owned(),
    };
    for a in annotations {
        match a {
            Annotation::Line(n) => claim.article_line = Some(n),
            Annotation::Cite(s) => claim.cite = Some(s.to_owned()),
            Annotation::Waive(s) => claim.waiver = Some(s.trim().to_owned()),
        }
    }
    Ok((i, claim))
}

fn label(i: &str) -> PResult<'_, &str> {
    delimited(
        char('['),
        cut(context(
            "a label of letters, digits, `-`, `_`, `.` or `:`",
            take_while1(|c: char| c.is_alphanumeric() || "-_.:".contains(c)),
        )),
        cut(context("`]` closing the label", char(']'))),
    )
    .parse(i)
}

enum Annotation<'a> {
    Line(u32),
    Cite(&'a str),
    Waive(&'a str),
}

fn annotation(i: &str) -> PResult<'_, Annotation<'_>> {
    alt((
        map(
            preceded(
                tag("@L"),
                cut(context(
                    "a line number after @L",
                    map_res(digit1, str::parse::<u32>),
                )),
            ),
            Annotation::Line,
        ),
        map(
            preceded(
                (tag("@source"), space1),
                cut(context("a source id", identifier)),
            ),
            Annotation::Cite,
        ),
        map(
            preceded(
                tag("@waive"),
                cut(context(
                    "a reason in double quotes after @waive",
                    preceded(
                        space1,
                        delimited(
                            char('"'),
                            nom::combinator::verify(take_till1(|c| c == '"'), |r: &str| {
                                !r.trim().is_empty()
                            }),
                            char('"'),
                        ),
                    ),
                )),
            ),
            Annotation::Waive,
        ),
    ))
    .parse(i)
}

fn identifier(i: &str) -> PResult<'_, &str> {
    take_while1(|c: char| c.is_alphanumeric() || "-_.".contains(c)).parse(i)
}

/// `REF: P1 -> P2 … OP V1 -> V2 …`
fn chain(i: &str) -> PResult<'_, Body> {
    let (i, reference) = reference_until(i, Stop::Colon)?;
    let (i, _) = (char(':'), space1).parse(i)?;
    let (i, first) = period(i)?;
    // Only a `->` after the first period makes this a chain; otherwise the
    // colon belongs to a name and the line is read as a comparison.
    let (i, rest) = many1(preceded(arrow, period)).parse(i)?;
    let (i, op) = cut(context(
        "a comparison operator (=, <, >, <=, >=, ~)",
        preceded(space1, op),
    ))
    .parse(i)?;
    let (i, _) = cut(context("a quantity", space1)).parse(i)?;
    let values_start = i;
    let (i, first_value) = cut(context("a quantity", quantity)).parse(i)?;
    let (i, more) = many0(preceded(arrow, cut(context("a quantity", quantity)))).parse(i)?;
    let mut periods = vec![first.to_owned()];
    periods.extend(rest.into_iter().map(str::to_owned));
    let values = if more.is_empty() {
        ChainValues::Change(first_value)
    } else {
        let mut all = vec![first_value];
        all.extend(more);
        if all.len() != periods.len() {
            return Err(nom::Err::Failure(SyntaxError {
                rest: values_start,
                expected: None,
                message: Some(format!(
                    "{} periods but {} values: give one value per period, or one change",
                    periods.len(),
                    all.len()
                )),
            }));
        }
        ChainValues::Each(all)
    };
    Ok((
        i,
        Body::Chain {
            reference,
            periods,
            op,
            values,
        },
    ))
}

fn arrow(i: &str) -> PResult<'_, ()> {
    value((), (space1, alt((tag("->"), tag("→"))), space1)).parse(i)
}

/// A period in a chain: text up to the next arrow or operator.
fn period(i: &str) -> PResult<'_, &str> {
    context(
        "a period",
        recognize(many1(preceded(
            not(alt((arrow, value((), (space1, op, space1))))),
            take_till1(char::is_whitespace).or(space1),
        ))),
    )
    .parse(i)
    .map(|(rest, p)| (rest, p.trim_end()))
}

/// `TERM (OP TERM)*` then a comparison and its right-hand side.
fn compare(i: &str) -> PResult<'_, Body> {
    let (i, lhs) = expr(i)?;
    let (i, op) = cut(context(
        "a comparison operator (=, <, >, <=, >=, ~) between spaces",
        preceded(space1, op),
    ))
    .parse(i)?;
    let (i, rhs) = cut(context("a quantity", preceded(space1, rhs))).parse(i)?;
    Ok((i, Body::Compare { lhs, op, rhs }))
}

/// Arithmetic between references, read left to right (see [`Expr`]).
fn expr(i: &str) -> PResult<'_, Expr> {
    let operand = |i| reference_until(i, Stop::Operator);
    let (mut i, first) = operand(i)?;
    let mut rest = Vec::new();
    loop {
        match (space1, alt((additive, multiplicative)), space1).parse(i) {
            Ok((after, (_, op, _))) => {
                let (after, reference) = cut(operand).parse(after)?;
                rest.push((op, reference));
                i = after;
            }
            Err(nom::Err::Error(_)) => return Ok((i, Expr { first, rest })),
            Err(e) => return Err(e),
        }
    }
}

fn additive(i: &str) -> PResult<'_, ArithOp> {
    alt((
        value(ArithOp::Add, char('+')),
        value(ArithOp::Sub, char('-')),
        value(ArithOp::Sub, char('−')),
    ))
    .parse(i)
}

fn multiplicative(i: &str) -> PResult<'_, ArithOp> {
    alt((
        value(ArithOp::Mul, char('*')),
        value(ArithOp::Mul, char('×')),
        value(ArithOp::Div, char('/')),
        value(ArithOp::Div, char('÷')),
    ))
    .parse(i)
}

fn op(i: &str) -> PResult<'_, Op> {
    terminated(
        alt((
            value(Op::Ge, tag(">=")),
            value(Op::Le, tag("<=")),
            value(Op::Ge, char('≥')),
            value(Op::Le, char('≤')),
            value(Op::Eq, tag("==")),
            value(Op::Eq, char('=')),
            value(Op::Gt, char('>')),
            value(Op::Lt, char('<')),
            value(Op::Approx, char('~')),
            value(Op::Approx, char('≈')),
        )),
        peek(alt((space1, nom::combinator::eof))),
    )
    .parse(i)
}

fn rhs(i: &str) -> PResult<'_, Rhs> {
    let (i, q) = context("a quantity", quantity).parse(i)?;
    let (i, other) = opt(preceded(
        (
            not(peek((space1, annotation))),
            space1,
            opt((alt((tag("vs."), tag("vs"), tag("than"))), space1)),
        ),
        |i| reference_until(i, Stop::Annotation),
    ))
    .parse(i)?;
    Ok((
        i,
        match other {
            None => Rhs::Value(q),
            Some(other) => Rhs::Against { quantity: q, other },
        },
    ))
}

/// Where a reference phrase ends.
#[derive(Clone, Copy, PartialEq)]
enum Stop {
    /// Before `: ` (the chain form).
    Colon,
    /// Before a comparison or arithmetic operator between spaces.
    Operator,
    /// Before a trailing `@L…` / `@source …` or the end of the line.
    Annotation,
}

fn reference_until(i: &str, stop: Stop) -> PResult<'_, Reference> {
    if i.starts_with('{') {
        return explicit(i);
    }
    let (rest, phrase) = context(
        "a subject, metric or period",
        preceded(
            not(op),
            // Every phrase end starts with white space or `:`, so runs of
            // other characters are taken whole without testing each one.
            recognize(many1(alt((
                take_till1(|c: char| c.is_whitespace() || c == ':'),
                recognize(preceded(
                    not(|i| phrase_end(i, stop)),
                    nom::character::complete::anychar,
                )),
            )))),
        ),
    )
    .parse(i)?;
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a subject, metric or period"),
            message: None,
        }));
    }
    Ok((rest, Reference::Phrase(phrase.to_owned())))
}

fn phrase_end(i: &str, stop: Stop) -> PResult<'_, ()> {
    // Every end is white space followed by an operator or `@` (or, in a
    // chain, a colon): a cheap look at the next word spares the parsers below
    // on the common case, a space between two words of a name.
    let after_space = i.trim_start_matches([' ', '\t']);
    let could_end = match after_space.chars().next() {
        _ if stop == Stop::Colon && i.starts_with(':') => true,
        _ if after_space.len() == i.len() => false,
        Some(c) => "=<>~≈≥≤+-−*×/÷@".contains(c),
        None => false,
    };
    if !could_end {
        return Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: None,
            message: None,
        }));
    }
    let mut annotation_ahead = value(
        (),
        (
            space1,
            alt((
                preceded(tag("@L"), digit1),
                tag("@source "),
                terminated(tag("@waive"), peek(alt((space1, nom::combinator::eof)))),
            )),
        ),
    );
    match stop {
        Stop::Colon => value((), alt((value((), (char(':'), space1)), annotation_ahead))).parse(i),
        Stop::Operator => value(
            (),
            alt((
                value((), (space1, op)),
                value((), (space1, alt((additive, multiplicative)), space1)),
                annotation_ahead,
            )),
        )
        .parse(i),
        Stop::Annotation => annotation_ahead.parse(i),
    }
}

/// `{subject | metric | period}`, `{subject | metric}` or `{fact-id}`.
fn explicit(i: &str) -> PResult<'_, Reference> {
    let field = || {
        map(
            recognize(many0(nom::character::complete::none_of("|}"))),
            str::trim,
        )
    };
    let (i, inner) = delimited(
        char('{'),
        cut(context(
            "`subject | metric | period` or a fact id inside braces",
            (field(), many0(preceded(char('|'), field()))),
        )),
        cut(context("`}`", char('}'))),
    )
    .parse(i)?;
    let (first, rest) = inner;
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let reference = match rest.as_slice() {
        [] if !first.is_empty() && !first.contains(char::is_whitespace) => {
            Reference::FactId(first.to_owned())
        }
        [metric] => Reference::Explicit {
            subject: non_empty(first),
            metric: non_empty(metric),
            period: None,
        },
        [metric, period] => Reference::Explicit {
            subject: non_empty(first),
            metric: non_empty(metric),
            period: non_empty(period),
        },
        _ => {
            return Err(nom::Err::Failure(SyntaxError {
                rest: i,
                expected: None,
                message: Some(
                    "braces hold a fact id, or `subject | metric` with an optional `| period`"
                        .to_owned(),
                ),
            }));
        }
    };
    Ok((i, reference))
}

#[cfg(test)]
mod tests;
