#!/usr/bin/env python3
"""Convert the AI Index 2026 reference facts into the bundled claimcheck fact store.

Usage (from anywhere):
    python3 tools/convert_ai_index.py [INPUT_FACTS_JSONL]

INPUT defaults to ../shared/reference/ai-index-2026/facts.jsonl relative to the
repository root. Outputs (overwritten on every run, byte-identical for the same
input) go to sources/ai-index-2026/ under the repository root:

    source.json   the document record (id, title, publisher, ...)
    facts.jsonl   one fact a line, in input order, then the added range facts,
                  then the added facts

Why a script and not a hand-edited store: the reference gives values as JSON
numbers plus a unit and a qualifier, while the store wants quantity strings
("nearly $285.9 billion") that keep the precision the report wrote. Python's
json loses trailing zeros (44.0 -> 44), so the number text is taken from the raw
input line. Keeping the conversion in the repo makes the store reproducible
and reviewable. Standard library only (Python 3.11).
"""

from __future__ import annotations

import json
import os
import re
import sys
from decimal import Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO_ROOT / ".." / "shared" / "reference" / "ai-index-2026" / "facts.jsonl"
OUT_DIR = REPO_ROOT / "sources" / "ai-index-2026"

SOURCE = {
    "id": "ai-index-2026",
    "title": "The AI Index 2026 Annual Report",
    "publisher": "AI Index Steering Committee, Institute for Human-Centered AI, Stanford University",
    "published": "2026-04",
    "url": "https://hai.stanford.edu/ai-index/2026-ai-index-report",
    "licence": "CC BY-ND 4.0",
    "kind": "primary",
    "citation": (
        "Stanford HAI, The AI Index 2026 Annual Report, AI Index Steering Committee, "
        "Institute for Human-Centered AI, Stanford University, April 2026."
    ),
}

# Chapter number -> (title, first page). A chapter runs to the page before the
# next one starts; the appendix starts on 385.
CHAPTERS = {
    1: ("Research and Development", 12),
    2: ("Technical Performance", 68),
    3: ("Responsible AI", 126),
    4: ("Economy", 171),
    5: ("Science", 231),
    6: ("Medicine", 255),
    7: ("Education", 288),
    8: ("Policy and Governance", 323),
    9: ("Public Opinion", 360),
}
APPENDIX_START = 385

QUALIFIERS = {"about", "nearly", "over", "more than", "under", "less than", "up to"}

# unit -> format string; {n} is the raw number text, {u} the unit verbatim.
UNIT_FORMATS = {
    "percent": "{n}%",
    "percentage points": "{n}pp",
    "ratio": "{n}x",
    "count": "{n}",
    "score": "{n}",
    "index value": "{n}",
    "USD": "${n}",
    "USD million": "${n} million",
    "USD billion": "${n} billion",
    "USD trillion": "${n} trillion",
    "count (thousand)": "{n} thousand",
    "count (million)": "{n} million",
    "count (billion)": "{n} billion",
    "count (trillion)": "{n} trillion",
    "people (million)": "{n} million people",
    "H100-equivalent million": "{n} million H100-equivalents",
    "parameters (million)": "{n} million parameters",
    "parameters (billion)": "{n} billion parameters",
    "parameters (trillion)": "{n} trillion parameters",
    "kiloliters (million)": "{n} million kiloliters",
    "kiloliters": "{n} kiloliters",
    "count per 100k": "{n} per 100k",
    "count per 100": "{n} per 100",
    "Elo points": "{n} Elo points",
}
# Physical / time / data units written verbatim after the number. Anything not
# listed here or above is an error: better to stop than to guess a unit.
VERBATIM_UNITS = {"GW", "MW", "Wh", "tCO2e", "hours", "minutes", "years", "TB", "GB"}

# Derivations the report states. op semantics (as the Rust checker reads them):
#   ratio          from[0] / from[1]
#   difference     from[0] - from[1]
#   percent-change from = [old, new]; (new - old) / old * 100
#   share          from[0] / from[1] * 100
#   sum            all of from added
#   range          from = [low, high]
# A derivation is declared only when the fact's meaning is that arithmetic of
# those exact facts; whether it holds numerically is for the tool to report.
DERIVED: dict[str, tuple[str, list[str]]] = {
    # --- 1 Research and Development
    # 93 industry models out of the 102 notable models counted in 2025.
    "r-industry-share-notable": ("share", ["r-industry-models", "r-notable-models-total"]),
    # OLMo 3.1 Think 32B has "nearly 90x fewer" parameters than Grok 4 (3T / 32B).
    "r-olmo-grok-ratio": ("ratio", ["r-grok4-params", "r-olmo-params"]),
    # US data centres vs the next country (Germany, 529): "more than 10x any other".
    "r-dc-us-multiple": ("ratio", ["r-dc-us", "r-dc-germany"]),
    # Supporting infrastructure power = total data-centre capacity - chip TDP power.
    "r-dc-infra-power": ("difference", ["r-dc-power", "r-chip-power"]),
    # US share of granted AI patents = US granted patents / world granted patents (2024).
    "r-patents-us-share": ("share", ["r-patents-us-count", "r-patents-2024"]),
    # --- 2 Technical Performance
    # HLE: "gained 30 points in a year, from under 10% to 38.3%".
    "p-hle-gain": ("difference", ["p-hle-top", "p-hle-start"]),
    # ClockBench: humans 90.1% vs top model 50.6% (chapter 2 value).
    "p-clockbench-gap": ("difference", ["p-clockbench-human", "p-clockbench-ch2"]),
    # Top four Arena models: Anthropic 1,503 ... OpenAI 1,481 (the report lists these four).
    "p-arena-top4-spread": ("difference", ["p-arena-anthropic", "p-arena-openai"]),
    # Top US model (Claude Opus 4.6, 1,503) leads top Chinese model (1,464) by 2.7%.
    "p-us-china-gap": ("percent-change", ["p-china-top-elo", "p-arena-anthropic"]),
    # ... and by 39 Elo points.
    "p-us-china-gap-pts": ("difference", ["p-arena-anthropic", "p-china-top-elo"]),
    # DeepSeek-R1 (1,400) trailed o1 (1,405) by 5 points ...
    "p-r1-gap-pts": ("difference", ["p-o1-elo", "p-r1-elo"]),
    # ... i.e. 0.4% (lead relative to the trailing model, as for the open-model gap).
    "p-r1-gap-pct": ("percent-change", ["p-r1-elo", "p-o1-elo"]),
    # Closed vs open lead, chapter highlight (3.3%): Claude Opus 4.6 1,503 vs GLM-5 1,454.
    "p-open-gap-highlight": ("percent-change", ["p-glm5-elo", "p-arena-anthropic"]),
    # Same lead as stated in section 2.1 (3.4% = 49 / 1,454).
    "p-open-gap-body": ("percent-change", ["p-glm5-elo", "p-arena-anthropic"]),
    # Same lead in Elo points (49).
    "p-open-gap-pts": ("difference", ["p-arena-anthropic", "p-glm5-elo"]),
    # OSWorld: humans 72.35% vs top agent 66.3%, "within 6 points".
    "p-osworld-gap": ("difference", ["p-osworld-human", "p-osworld-top"]),
    # --- 3 Responsible AI
    # Accepted RAI papers 1,278 (2024) -> 1,521 (2025): +19%.
    "ra-papers-growth": ("percent-change", ["ra-papers-2024", "ra-papers-2025"]),
    # --- 4 Economy
    # Corporate AI investment $253B (2024) -> $581.69B (2025): +129.9%.
    "e-corp-invest-growth": ("percent-change", ["e-corp-invest-2024", "e-corp-invest"]),
    # Private investment as a share of total corporate AI investment (2025).
    "e-private-share": ("share", ["e-private-invest", "e-corp-invest"]),
    # Generative AI share of private AI investment (2025).
    "e-genai-share": ("share", ["e-genai-private", "e-private-invest"]),
    # US $285.9B / China $12.4B private AI investment = 23.1x.
    "e-us-china-ratio": ("ratio", ["e-us-private", "e-china-private"]),
    # Same ratio as the Top Takeaway states it ("more than 23 times").
    "e-us-china-ratio-23": ("ratio", ["e-us-private", "e-china-private"]),
    # US $285.9B / UK $5.9B = 48.5x.
    "e-us-uk-ratio": ("ratio", ["e-us-private", "e-uk-private"]),
    # Consumer surplus $112B (early 2025) -> $172B (early 2026): +54%.
    "e-surplus-growth": ("percent-change", ["e-surplus-prior", "e-surplus-2026"]),
    # Average surplus per user $98 -> $125: +27%.
    "e-surplus-avg-growth": ("percent-change", ["e-surplus-avg-2025", "e-surplus-avg-2026"]),
    # China's 295,000 of the 542,000 robots installed worldwide in 2024.
    "e-robots-china-share": ("share", ["e-robots-china", "e-robots-installed"]),
    # China 295,000 installations "six times" Japan's 44,500.
    "e-robots-china-japan": ("ratio", ["e-robots-china", "e-robots-japan"]),
    # China 295,000 installations "8.6 times" the US's 34,200.
    "e-robots-china-us": ("ratio", ["e-robots-china", "e-robots-us"]),
    # --- 5 Science
    # Natural-science AI publications 63,547 (2024) -> about 80,150 (2025): +26%.
    "s-pubs-growth": ("percent-change", ["s-pubs-2024", "s-pubs-2025"]),
    # Evo 2 (40B parameters) is nearly 200x GPN-Star (200M parameters).
    "s-evo2-vs-gpn": ("ratio", ["s-evo2-params", "s-gpn-star"]),
    # --- 6 Medicine
    # AI protein-research publications 2,259 (2024) -> 3,855 (2025): about +71%.
    "m-protein-growth": ("percent-change", ["m-protein-pubs-2024", "m-protein-pubs-2025"]),
    # Prospective imaging-AI trials 417 (2024) -> 536 (2025): +28.5%.
    "m-imaging-trials-growth": ("percent-change", ["m-imaging-trials-2024", "m-imaging-trials-2025"]),
    # Radiology's 1,039 of the 1,357 cumulative FDA AI devices.
    "m-radiology-share": ("share", ["m-radiology-devices", "m-fda-cumulative"]),
    # --- 7 Education
    # The 45 states with K-12 CS standards split into minimal AI (29), no AI (10)
    # and significant AI content (6).
    "ed-states-cs-standards": ("sum", ["ed-states-minimal-ai", "ed-states-no-ai", "ed-states-significant-ai"]),
    # --- 8 Policy and Governance
    # Congressional AI hearing witnesses 5 (2017) -> 102 (2025): "nearly 20x".
    "po-witnesses-growth": ("ratio", ["po-witnesses-2025", "po-witnesses-2017"]),
    # --- 9 Public Opinion
    # Experts 73% vs public 23% expecting a positive job impact: 50-point gap.
    "pu-jobs-gap": ("difference", ["pu-experts-jobs", "pu-public-jobs"]),
}

# Range facts the report states as a range ("from X to Y"), appended after the
# reference facts. Each takes locator/url/via from its low fact; corroboration
# is the smaller of the two ends and seen_in_text is true only if both are.
# (new id, subject, metric, period, low id, high id)
ADDED_RANGES = [
    # "hallucination rates range from 22% to 94% across 26 models" (AA-Omniscience).
    ("ra-hallu-range", "AA-Omniscience", "hallucination rate across models", "2026",
     "ra-hallu-min", "ra-hallu-max"),
    # HHEM-2.3: top-15 models hallucinate between 1.8% and 5.4%.
    ("ra-hhem-range", "Top-15 models (HHEM-2.3)", "hallucination rate", "2025",
     "ra-hhem-low", "ra-hhem-high"),
    # Frontier models score 60% to 90% in tax, mortgage, corporate finance and legal evals.
    ("p-prof-domains-range", "Frontier models",
     "performance in tax, mortgage, corporate finance and legal evaluations", "early 2026",
     "p-prof-domains-low", "p-prof-domains-high"),
    # Customer-support productivity gains of 14% to 15%.
    ("e-prod-support-range", "Customer support agents",
     "productivity gain (issues resolved per hour)", None,
     "e-prod-support-low", "e-prod-support-high"),
    # Physical and life sciences AI publications grew 27% to 28%.
    ("s-growth-phys-life-range", "Physical and life sciences", "AI publication growth", "2025",
     "s-growth-phys-life-low", "s-growth-phys-life-high"),
    # FourCastNet 3 is 8x to 60x faster than prior approaches.
    ("s-fourcastnet-speed-range", "FourCastNet 3", "speed-up over prior approaches", "2025",
     "s-fourcastnet-speed-low", "s-fourcastnet-speed-high"),
    # 84% to 92% of health-related Google searches trigger an AI Overview.
    ("m-overviews-range", "Google health-related searches", "queries triggering an AI Overview", None,
     "m-overviews-low", "m-overviews-high"),
]

# Facts the reference data names only in conflicts.md: the second variant of a
# figure the report states twice, where both variants are the report's own.
# Kept as separate facts (as the reference keeps the other pairs) so that
# `claimcheck lint` can find the conflict; conflicts.json acknowledges it.
# (new id, subject, metric, period, value, chapter, section, via, seen_in_text)
ADDED_FACTS = [
    # C9: the chapter 4 highlight says 70% of organisations use generative AI in
    # at least one business function; the section 4.3 text says 79% (vs 71% in 2024).
    ("e-genai-function-body", "Organizations (surveyed)",
     "use generative AI in at least one business function (section 4.3 text)", "2025",
     "79%", 4, "4.3 Corporate AI Adoption",
     ["a markdown transcription of the full report text (per conflicts.md C9)"], True),
]

RAW_VALUE_RE = re.compile(r'"value":\s*(-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*[,}]')

# Exponent-notation raw values expanded to plain digits (reported on stderr).
expanded_exponents: list[str] = []


def die(msg: str) -> None:
    print(f"convert_ai_index: error: {msg}", file=sys.stderr)
    sys.exit(1)


def plain_digits(raw: str, fact_id: str) -> str:
    """Return the raw number text; expand exponent notation to plain digits."""
    if "e" not in raw.lower():
        return raw
    d = Decimal(raw)
    text = format(d, "f")
    expanded_exponents.append(f"{fact_id}: {raw} -> {text}")
    return text


def quantity(raw: str, unit: str, qualifier: str | None, fact_id: str) -> str:
    n = plain_digits(raw, fact_id)
    if unit in UNIT_FORMATS:
        q = UNIT_FORMATS[unit].format(n=n)
    elif unit in VERBATIM_UNITS:
        q = f"{n} {unit}"
    else:
        die(f"fact {fact_id}: unit {unit!r} is not covered by the conversion table")
    if qualifier is None:
        return q
    if qualifier not in QUALIFIERS:
        die(f"fact {fact_id}: unknown qualifier {qualifier!r}")
    return f"{qualifier} {q}"


def chapter_info(ch: object, fact_id: str) -> tuple[str, str | None] | None:
    """Map the reference chapter (int, numeric string or 'Appendix') to
    (chapter label, page range). None when the chapter is missing."""
    if ch is None:
        return None
    if isinstance(ch, bool):
        die(f"fact {fact_id}: chapter {ch!r} is not a chapter")
    if isinstance(ch, str):
        s = ch.strip()
        if s.lower() == "appendix":
            # The appendix's last page is not pinned down (423 vs 425 pages), so no range.
            return ("Appendix", None)
        if not s.isdigit():
            die(f"fact {fact_id}: chapter {ch!r} is not a chapter number")
        ch = int(s)
    if not isinstance(ch, int) or ch not in CHAPTERS:
        die(f"fact {fact_id}: chapter {ch!r} is not one of 1-9")
    title, start = CHAPTERS[ch]
    end = CHAPTERS[ch + 1][1] - 1 if ch + 1 in CHAPTERS else APPENDIX_START - 1
    return (f"{ch} {title}", f"{start}-{end}")


def locator(rec: dict) -> dict:
    loc = {}
    info = chapter_info(rec.get("chapter"), rec["id"])
    if info is not None:
        loc["chapter"] = info[0]
    section = rec.get("section")
    if section:
        loc["section"] = section
    if info is not None and info[1] is not None:
        loc["pages"] = info[1]
    return loc


def convert(line: str, rec: dict) -> dict:
    fid = rec["id"]
    raws = RAW_VALUE_RE.findall(line)
    if len(raws) != 1:
        die(f"fact {fid}: expected exactly one numeric \"value\" in the line, found {raws!r}")
    raw = raws[0]
    # The raw text must be the same number json parsed.
    if Decimal(raw) != Decimal(str(rec["value"])):
        die(f"fact {fid}: raw value {raw!r} does not match parsed {rec['value']!r}")
    if not isinstance(rec.get("corroboration"), int) or isinstance(rec.get("corroboration"), bool):
        die(f"fact {fid}: corroboration is not an integer")
    if not isinstance(rec.get("seen_in_report_text"), bool):
        die(f"fact {fid}: seen_in_report_text is not a boolean")
    if not isinstance(rec.get("via"), list):
        die(f"fact {fid}: via is not a list")
    return {
        "id": fid,
        "subject": rec["subject"],
        "metric": rec["metric"],
        "period": rec["period"],
        "value": quantity(raw, rec["unit"], rec["qualifier"], fid),
        "locator": locator(rec),
        "url": rec["source_url"],
        "retrieved": None,
        "via": rec["via"],
        "corroboration": rec["corroboration"],
        "seen_in_text": rec["seen_in_report_text"],
    }


def range_value(low: dict, high: dict, fid: str) -> str:
    lo, hi = low["value"], high["value"]
    for v in (lo, hi):
        if v.split(" ", 1)[0] in {"about", "nearly", "over", "more", "under", "less", "up"}:
            die(f"added range {fid}: end {v!r} is qualified; write it by hand")
        if " " in v:
            die(f"added range {fid}: end {v!r} has a word unit; range syntax not settled")
    return f"{lo}..{hi}"


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        die("usage: convert_ai_index.py [INPUT_FACTS_JSONL]")
    src = Path(argv[1]) if len(argv) == 2 else DEFAULT_INPUT
    try:
        text = src.read_text(encoding="utf-8")
    except OSError as e:
        die(f"cannot read {src}: {e}")

    facts: list[dict] = []
    by_id: dict[str, dict] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            die(f"{src}:{lineno}: bad JSON: {e}")
        fact = convert(line, rec)
        if fact["id"] in by_id:
            die(f"{src}:{lineno}: duplicate id {fact['id']}")
        facts.append(fact)
        by_id[fact["id"]] = fact

    for fid, (op, ids) in DERIVED.items():
        if fid not in by_id:
            die(f"derivation for unknown fact {fid}")
        for ref in ids:
            if ref not in by_id:
                die(f"derivation {fid} refers to unknown fact {ref}")
            if ref == fid:
                die(f"derivation {fid} refers to itself")
        by_id[fid]["derived"] = {"op": op, "from": list(ids)}

    for fid, subject, metric, period, low_id, high_id in ADDED_RANGES:
        if fid in by_id:
            die(f"added range id {fid} already exists")
        low, high = by_id.get(low_id), by_id.get(high_id)
        if low is None or high is None:
            die(f"added range {fid} refers to a missing fact")
        fact = {
            "id": fid,
            "subject": subject,
            "metric": metric,
            "period": period,
            "value": range_value(low, high, fid),
            "locator": dict(low["locator"]),
            "url": low["url"],
            "retrieved": None,
            "via": list(low["via"]),
            "corroboration": min(low["corroboration"], high["corroboration"]),
            "seen_in_text": low["seen_in_text"] and high["seen_in_text"],
            "derived": {"op": "range", "from": [low_id, high_id]},
        }
        facts.append(fact)
        by_id[fid] = fact

    for fid, subject, metric, period, value, chapter, section, via, seen in ADDED_FACTS:
        if fid in by_id:
            die(f"added fact id {fid} already exists")
        fact = {
            "id": fid,
            "subject": subject,
            "metric": metric,
            "period": period,
            "value": value,
            "locator": locator({"id": fid, "chapter": chapter, "section": section}),
            "url": None,
            "retrieved": None,
            "via": via,
            "corroboration": 1,
            "seen_in_text": seen,
        }
        facts.append(fact)
        by_id[fid] = fact

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_atomic(OUT_DIR / "source.json", json.dumps(SOURCE, indent=2, ensure_ascii=False) + "\n")
    write_atomic(OUT_DIR / "facts.jsonl",
                 "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts))

    no_loc = [f["id"] for f in facts if "chapter" not in f["locator"] or "section" not in f["locator"]]
    added = len(ADDED_RANGES) + len(ADDED_FACTS)
    print(f"wrote {len(facts)} facts ({len(facts) - added} converted, "
          f"{len(ADDED_RANGES)} added ranges, {len(ADDED_FACTS)} added facts, "
          f"{len(DERIVED)} derivations) to {OUT_DIR}")
    if no_loc:
        print(f"facts without chapter or section: {', '.join(no_loc)}")
    for e in expanded_exponents:
        print(f"expanded exponent notation: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
