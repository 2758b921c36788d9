"""Builds ulcp.json 2.0.0 from 1.0.0: every barrier rule says where it holds and on what basis.

Run once from the repository root; kept so that the reasoning behind each entry is reviewable
(CHANGELOG.md gives each change with its reason and source).
"""
import json

SRC = "core/protocols/ulcp-1.0.0.json"
OUT = "core/protocols/ulcp.json"

PA_STD = ["pa2023"]
PA_LT = ["pa2023_light_touch"]
PA_BT = ["pa2023_below_threshold"]
PA = PA_STD + PA_LT
PCR_STD = ["pcr2015"]
PCR_LT = ["pcr2015_light_touch"]
PCR_BT = ["pcr2015_below_threshold"]
PCR = PCR_STD + PCR_LT
SCOT = ["scotland", "scotland_light_touch", "scotland_below_threshold"]
PSR = ["psr"]
GRANT = ["grant"]
CONTRACTS = PA + PA_BT + PCR + PCR_BT + SCOT  # every procurement regime but the PSR


def c(source, clause):
    return {"source": source, "clause": clause}


def L(clause):
    return c("LOCAL", "protocol setting: " + clause)


def e(regimes, standing, cites, note=None, nations=None):
    out = {"regimes": regimes}
    if nations:
        out["nations"] = nations
    out["standing"] = standing
    out["cites"] = cites
    if note:
        out["note"] = note
    return out


def by_nation(regimes, local, england, wales, note):
    """Policy under `regimes` (England, Wales and Northern Ireland buyers), with the social care
    law of the buyer's own nation as context: the Care Act 2014 only in England."""
    return [
        e(regimes, "policy", [local] + england, note, ["england"]),
        e(regimes, "policy", [local] + wales, note, ["wales"]),
        e(regimes, "policy", [local], note, ["northern_ireland", "scotland"]),
    ]


CA5 = c("CA14", "s.5")
PRS8 = c("PRSA14", "s.8")
PRS9 = c("PRSA14", "s.9")
SCOT_BT = ["scotland_below_threshold"]
SCOT_ABOVE = ["scotland", "scotland_light_touch"]
PROP_NOTE = "Procurement Reform (Scotland) Act 2014 s.8 requires a regulated procurement to be proportionate but sets no figure; this is this protocol's policy."
SME_NOTE = "Procurement Reform (Scotland) Act 2014 s.9 asks the authority to consider how to involve small businesses and third sector bodies; this figure is this protocol's policy."

def scot_prop(clause):
    """Scottish entries for a proportionality setting: s.8 (below the higher thresholds only)."""
    return [e(SCOT_BT, "policy", [L(clause), PRS8], PROP_NOTE), e(SCOT_ABOVE, "policy", [L(clause)], POLICY_NOTE)]
SSW16 = c("SSWBWA14", "s.16")
SDS1 = c("SDSSA13", "s.1")
POLICY_NOTE = "A setting of the authority adopting this protocol, not a requirement of the law that governs this tender."

p = json.load(open(SRC))
p["version"] = "2.0.0"
p["effective_date"] = "2027-01-04"
p["summary"] = (
    "A commissioning protocol for social care services that user-led organisations, such as Centres for "
    "Independent Living, can win on merit. It decides first which law governs a tender (Procurement Act 2023, "
    "its light-touch and below-threshold rules, the Public Contracts Regulations 2015, Scottish law, the Provider "
    "Selection Regime, or a grant), then checks the tender's design for barriers: a barrier is a legal MUST only "
    "where that law imposes it; the protocol's own settings are policy, the adopting authority's choice. It "
    "defines a user-led organisation, and sets out how bids are scored."
)

# Sources: the built-in ids of core/src/regime/law.rs keep their titles; new sources for the
# devolved social care Acts, Scottish procurement law and the real origin of the staff test.
sources = {s["id"]: s for s in p["sources"]}
sources["PCR15"]["title"] = "Public Contracts Regulations 2015 (SI 2015/102)"
del sources["DRUK"]
new_sources = [
    {"id": "PRSA14", "title": "Procurement Reform (Scotland) Act 2014", "kind": "legislation",
     "url": "https://www.legislation.gov.uk/asp/2014/12"},
    {"id": "SSWBWA14", "title": "Social Services and Well-being (Wales) Act 2014", "kind": "legislation",
     "url": "https://www.legislation.gov.uk/anaw/2014/4"},
    {"id": "SDSSA13", "title": "Social Care (Self-directed Support) (Scotland) Act 2013", "kind": "legislation",
     "url": "https://www.legislation.gov.uk/asp/2013/1"},
    {"id": "PPN005", "title": "Procurement Policy Note 005: Reserving below threshold procurements (2025)",
     "kind": "guidance"},
    {"id": "ODIDPULO", "title": "Office for Disability Issues, Strengthening Disabled People's User-Led Organisations programme (2011-2015)",
     "kind": "guidance"},
]
order = [s["id"] for s in p["sources"] if s["id"] != "DRUK"]
order.insert(2, "PRSA14")
idx = order.index("CA14") + 1
order.insert(idx, "SSWBWA14")
order.insert(idx + 1, "SDSSA13")
order.insert(order.index("PPN002") + 1, "PPN005")
order.insert(order.index("DHULO") + 1, "ODIDPULO")
for s in new_sources:
    sources[s["id"]] = s
sources["INCLDN"]["title"] = "Inclusion London, definition of Deaf and Disabled People's Organisations and guidance on commissioning them"
p["sources"] = [sources[i] for i in order]

rules = {b["id"]: b for b in p["barriers"]}


def regime_aware(rule_id, applies, **changes):
    b = rules[rule_id]
    b.pop("severity", None)
    b.pop("cites", None)
    b.update(changes)
    # `applies` goes after `require`'s neighbours, in the position `cites` had: at the end.
    b["applies"] = applies
    return b



regime_aware("lots-or-reasons", [
    e(PA, "law", [c("PA23", "s.18")],
      "PA 2023 s.18: the authority must consider lots and, if it does not use them, give its reasons in the tender notice."),
    e(PCR_STD, "law", [c("PCR15", "reg 46")],
      "PCR 2015 reg 46: the reasons for not dividing into lots are given in the procurement documents."),
    e(PCR_LT + PA_BT + PCR_BT + SCOT, "policy", [L("lots or reasons")], POLICY_NOTE),
], question="Would the council divide the contract into lots, or publish its reasons for not doing so?")

regime_aware("lot-size", [
    e(PA, "policy", [L("largest lot per year"), c("PA23", "s.12(4)")],
      "PA 2023 s.12(4) asks authorities to have regard to the barriers small businesses face; the GBP 500,000 figure is this protocol's policy."),
    e(PA_BT + PCR + PCR_BT, "policy", [L("largest lot per year")], POLICY_NOTE),
    e(SCOT, "policy", [L("largest lot per year"), PRS9], SME_NOTE),
])

rules["turnover-proportionate"]["require"] = {"fact": "turnover_to_annual_value", "at_most": "2"}
regime_aware("turnover-proportionate", [
    e(PCR_STD, "policy", [L("minimum yearly turnover at most twice the lot's yearly value")],
      "PCR 2015 reg 58(9) compares the minimum yearly turnover with the whole estimated contract value (rule turnover-whole-contract); comparing it with the lot's yearly value is this protocol's policy."),
    e(PA, "policy", [L("minimum yearly turnover at most twice the lot's yearly value"), c("PA23", "s.22")],
      "PA 2023 s.22 requires conditions of participation to be proportionate but sets no turnover multiple; twice the lot's yearly value is this protocol's policy."),
    e(PA_BT + PCR_LT + PCR_BT, "policy", [L("minimum yearly turnover at most twice the lot's yearly value")], POLICY_NOTE),
] + scot_prop("minimum yearly turnover at most twice the lot's yearly value"),
    title="Yearly turnover asked for in proportion to the lot's yearly value",
    finding="The minimum yearly turnover asked for is more than twice the lot's value per year.",
    fix="Set any minimum yearly turnover at no more than twice the lot's value per year (its value divided by its years), or drop it and assess financial standing another way.",
    question="Would the council lower the minimum yearly turnover to no more than twice the lot's value per year?",
)

regime_aware("insurance-proportionate", [
    e(PA, "policy", [L("insurance levels"), c("PA23", "s.22")],
      "PA 2023 s.22 requires conditions of participation to be proportionate; the cover figures are this protocol's policy."),
    e(PA_BT + PCR + PCR_BT, "policy", [L("insurance levels")], POLICY_NOTE),
        ] + scot_prop("insurance levels") + [
])

regime_aware("no-performance-bond", [
    e(PA, "policy", [L("bonds"), c("PA23", "s.22")],
      "PA 2023 s.22 requires conditions of participation to be proportionate; refusing bonds altogether is this protocol's policy."),
    e(PA_BT + PCR + PCR_BT, "policy", [L("bonds")], POLICY_NOTE),
        ] + scot_prop("bonds") + [
])

regime_aware("price-weight-cap", [
    e(PA, "policy", [L("price weight cap"), c("PA23", "s.19")],
      "PA 2023 s.19 awards to the most advantageous tender, not the cheapest, but sets no cap on the weight of price; 40% is this protocol's policy."),
    e(PA_BT + PCR + PCR_BT + SCOT + PSR, "policy", [L("price weight cap")], POLICY_NOTE),
])

regime_aware("quality-weight-floor",
             by_nation(PA + PA_BT + PCR + PCR_BT, L("quality weight floor"), [CA5], [SSW16], POLICY_NOTE)
             + [e(SCOT, "policy", [L("quality weight floor")], POLICY_NOTE),
                e(PSR, "policy", [L("quality weight floor")], POLICY_NOTE)])

sv_note = "Social value is weighed under the Public Services (Social Value) Act 2012 (England); the 10% figure is PPN 002's for central government, adopted here as this protocol's policy."
regime_aware("social-value-floor", [
    e(PA + PA_BT + PCR + PCR_BT, "policy", [L("social value weight"), c("SVA12", "s.1"), c("PPN002", "minimum 10% weighting")], sv_note, ["england"]),
    e(PA + PA_BT + PCR + PCR_BT, "policy", [L("social value weight")], POLICY_NOTE, ["wales", "northern_ireland", "scotland"]),
    e(SCOT, "policy", [L("social value weight")], POLICY_NOTE),
], question="Would the council weight social value at 10% or more?")

regime_aware("user-leadership-weight", [
    e(PA, "policy", [L("user leadership weight"), c("PA23", "s.23")],
      "PA 2023 s.23 lets award criteria assess how the services will be delivered; scoring user leadership in delivery at 5% or more is this protocol's policy."),
    e(PCR_LT, "policy", [L("user leadership weight"), c("PCR15", "reg 76")],
      "PCR 2015 reg 76 lets light-touch awards weigh the involvement and empowerment of users; the 5% figure is this protocol's policy."),
    e(PA_BT + PCR_STD + PCR_BT + SCOT + PSR, "policy", [L("user leadership weight")], POLICY_NOTE),
],
    finding="How this contract will be user-led in delivery carries less than 5% of the marks.",
    why="People with lived experience delivering and leading a service, and users' part in governing and reviewing it, are what user-led organisations do best; leaving them out of the marks hides it.",
    fix="Include a criterion on how the contract will be user-led in delivery (lived experience in the team and its leadership, peer support, users in governance and review, co-production), worth at least 5% of the marks.",
    question="Would the council score how the service will be user-led in delivery?")

regime_aware("lived-experience-panel",
             by_nation(PA + PA_BT + PCR + PCR_BT, L("panel make-up"), [c("CSSG", "ch. 4 (co-production)")], [SSW16], POLICY_NOTE)
             + [e(SCOT, "policy", [L("panel make-up"), SDS1], POLICY_NOTE),
                e(PSR, "policy", [L("panel make-up")], POLICY_NOTE)])

rules["response-window-minimum"]["require"] = {"any": [
    {"fact": "response_window_days", "at_least": "25"},
    {"all": [{"fact": "planned_procurement_notice", "is": True}, {"fact": "response_window_days", "at_least": "10"}]},
]}
regime_aware("response-window-minimum", [
    e(PA_STD, "law", [c("PA23", "s.54")],
      "PA 2023 s.54: at least 25 days for an open procedure with electronic tenders (10 after a qualifying planned procurement notice)."),
    e(PA_LT, "policy", [L("minimum time to respond")],
      "PA 2023 s.54 sets no mandatory minimum tendering period for light-touch contracts; 25 days is this protocol's policy."),
    e(PA_BT + PCR + PCR_BT + SCOT, "policy", [L("minimum time to respond")], POLICY_NOTE),
],
    title="At least 25 days to respond",
    finding="Bidders have less than 25 days to respond (or 10 after a qualifying planned procurement notice).",
    why="A short window shuts out small organisations that cannot drop their services to write a bid; under PA 2023 outside light-touch, 25 days is the legal minimum for an open procedure with electronic tenders.",
    question="Would the council extend the deadline to at least 25 days?")

regime_aware("response-window-consortia", [
    e(PA, "policy", [c("INCLDN", "at least 6 weeks to bid"), L("consortium window"), c("PA23", "s.12(4)")],
      "No law sets six weeks; it is this protocol's policy, so that consortia can form (PA 2023 s.12(4): regard to the barriers small businesses face)."),
    e(PA_BT + PCR + PCR_BT, "policy", [c("INCLDN", "at least 6 weeks to bid"), L("consortium window")], POLICY_NOTE),
    e(SCOT, "policy", [c("INCLDN", "at least 6 weeks to bid"), L("consortium window"), PRS9], SME_NOTE),
])

regime_aware("prompt-payment", [
    e(PA, "law", [c("PA23", "s.68")],
      "PA 2023 s.68: a term is implied into every public contract that sums due are paid within 30 days of a valid invoice."),
    e(PCR, "law", [c("PCR15", "reg 113")],
      "PCR 2015 reg 113: public contracts must provide for payment within 30 days of a valid and undisputed invoice."),
    e(PA_BT + PCR_BT + SCOT + PSR, "policy", [L("payment within 30 days")], POLICY_NOTE),
], question="Will the council pay valid invoices within 30 days?")

for rid, clause in [("no-payment-in-arrears", "payment in arrears"),
                    ("payment-by-results-cap", "payment by results"),
                    ("contract-length", "contract length")]:
    regime_aware(rid, by_nation(PA + PA_BT + PCR + PCR_BT, L(clause), [CA5], [SSW16], POLICY_NOTE)
                 + [e(SCOT, "policy", [L(clause)], POLICY_NOTE), e(PSR, "policy", [L(clause)], POLICY_NOTE)])

regime_aware("core-costs",
             by_nation(PA + PA_BT + PCR + PCR_BT, L("core costs"), [c("CSSG", "para 4.31"), CA5], [SSW16], POLICY_NOTE)
             + [e(SCOT, "policy", [L("core costs")], POLICY_NOTE), e(PSR, "policy", [L("core costs")], POLICY_NOTE)])

regime_aware("no-reverse-auction", [
    e(PA, "policy", [L("no reverse auctions"), c("ADASS09", "position on reverse auctions"), c("PA23", "s.19")],
      "The law allows electronic auctions; refusing them for care, where price must not drive out quality (PA 2023 s.19: the most advantageous tender), is this protocol's policy."),
    e(PA_BT + PCR + PCR_BT + SCOT, "policy", [L("no reverse auctions"), c("ADASS09", "position on reverse auctions")], POLICY_NOTE),
],
    why="Reverse auctions drive care prices down regardless of quality; ADASS rejected them for care.",
    question="Would the council drop the reverse auction and evaluate on quality and price together?")

regime_aware("abnormally-low-procedure", [
    e(PA, "policy", [L("published abnormally low price procedure"), c("PA23", "s.19(3)(c) and (4)")],
      "PA 2023 s.19(4) requires notice and a chance to show the price is sustainable before an abnormally low tender is disregarded; publishing the test in advance is this protocol's policy."),
    e(PCR_STD, "policy", [L("published abnormally low price procedure"), c("PCR15", "reg 69")],
      "PCR 2015 reg 69 requires an explanation to be sought before an abnormally low tender is rejected; publishing the test in advance is this protocol's policy."),
    e(PA_BT + PCR_LT + PCR_BT + SCOT, "policy", [L("published abnormally low price procedure")], POLICY_NOTE),
], question="How will the council identify and handle abnormally low prices?")

regime_aware("tupe-information", [
    e(CONTRACTS + PSR, "policy", [L("staff transfer information"), c("TUPE06", "reg 11")],
      "TUPE 2006 reg 11 obliges the outgoing provider, not the authority, to give employee liability information; publishing it with the tender is this protocol's policy."),
])

regime_aware("users-in-design",
             by_nation(PA + PA_BT + PCR + PCR_BT, L("co-designed services"),
                       [c("CSSG", "ch. 4 (co-production)"), c("LCDP05", "recommendation 4.3")],
                       [SSW16, c("LCDP05", "recommendation 4.3")], POLICY_NOTE)
             + [e(SCOT, "policy", [L("co-designed services"), c("LCDP05", "recommendation 4.3")], POLICY_NOTE),
                e(PSR, "policy", [L("co-designed services"), c("LCDP05", "recommendation 4.3")], POLICY_NOTE)])

new_rules = [
    {
        "id": "audited-accounts",
        "title": "Audited accounts only from bidders the law requires to have them",
        "scope": "tender",
        "require": {"fact": "audited_accounts_from_every_bidder", "is": False},
        "finding": "The tender asks every bidder for audited accounts, including those the law does not require to have them.",
        "why": "Many small charities and community groups are not required to have their accounts audited; asking for audited accounts shuts them out or costs them thousands of pounds.",
        "fix": "Ask for audited accounts only from bidders required to have them audited, and accept other evidence of financial standing from the rest.",
        "question": "Would the council accept unaudited accounts from bidders who are not required to have them audited?",
        "applies": [
            e(PA, "law", [c("PA23", "s.22")],
              "PA 2023 s.22: a condition of participation may not require audited accounts from a supplier that is not required to have its accounts audited."),
            e(PA_BT + PCR + PCR_BT, "policy", [L("audited accounts")], POLICY_NOTE),
        ] + scot_prop("audited accounts") + [
        ],
    },
    {
        "id": "insurance-at-award",
        "title": "Insurance needed only at contract award",
        "scope": "tender",
        "require": {"fact": "insurance_before_award", "is": False},
        "finding": "The tender requires insurance to be in place before the contract is awarded.",
        "why": "Buying cover for a contract a small organisation may not win costs money it does not have.",
        "fix": "Ask bidders to confirm they will have the cover from the start of the contract, not before award.",
        "question": "Would the council require the insurance only from the winning bidder, from the start of the contract?",
        "applies": [
            e(PA, "law", [c("PA23", "s.22")],
              "PA 2023 s.22: a condition of participation may not require insurance relating to the contract to be in place before it is awarded."),
            e(PA_BT + PCR + PCR_BT, "policy", [L("insurance at award")], POLICY_NOTE),
        ] + scot_prop("insurance at award") + [
        ],
    },
    {
        "id": "no-suitability-gate-below-threshold",
        "title": "No turnover gate on who may tender below the threshold",
        "scope": "tender",
        "require": {"fact": "minimum_turnover", "at_most": "0"},
        "finding": "The tender sets a minimum turnover that bidders must have before they may tender.",
        "why": "Below the threshold, a turnover gate stops small organisations from tendering at all; their financial standing can be assessed within the evaluation instead.",
        "fix": "Remove the minimum turnover as a condition of tendering; assess financial standing, if needed, within the evaluation.",
        "question": "Would the council remove the minimum turnover as a condition of tendering?",
        "applies": [
            e(PA_BT, "law", [c("PA23", "s.85")],
              "PA 2023 s.85(1)-(2): when inviting tenders for a regulated below-threshold contract, the authority may not restrict who may tender by an assessment of legal and financial capacity or technical ability (not for devolved Welsh authorities, s.85(5)).",
              ["england"]),
            e(PA_BT, "policy", [L("no turnover gate below threshold")],
              "PA 2023 s.85 does not bind devolved Welsh authorities (s.85(5)), and Part 6 does not apply to transferred Northern Ireland authorities (s.84(2)); this is this protocol's policy.",
              ["wales", "northern_ireland", "scotland"]),
        ],
    },
    {
        "id": "reservation-basis",
        "title": "A reservation only on a ground the law allows",
        "scope": "tender",
        "require": {"fact": "reservation_lawful", "is": True},
        "finding": "The contract is reserved on a ground the law that governs it does not allow.",
        "why": "A reservation with no legal basis can be challenged and the award set aside, which harms the user-led organisation that won it. Procurement law does not let a contract be reserved for user-led organisations; a grant can be.",
        "fix": "Remove the reservation, use a ground the law allows (supported employment providers, public service mutuals for light-touch services, or a below-threshold location reservation), or fund the service by grant if the council is not buying it for its own purposes.",
        "question": "On what legal ground is the contract reserved?",
        "applies": [
            e(PA, "law", [c("PA23", "s.32"), c("PA23", "s.33")],
              "PA 2023 allows a contract to be reserved only for supported employment providers (s.32) or, for light-touch services of 5 years or less, public service mutuals (s.33)."),
            e(PCR_LT, "law", [c("PCR15", "reg 77")],
              "PCR 2015 reg 77 allows certain light-touch services to be reserved for qualifying organisations, for 3 years at most."),
            e(PA_BT, "policy", [L("reservations"), c("PPN005", "location, then SME and VCSE")],
              "Below the threshold, PPN 005 allows a reservation by supplier location, then for SMEs and VCSEs; a reservation for user-led organisations is not among them."),
            e(PCR_STD + PCR_BT + SCOT + GRANT, "policy", [L("reservations")], POLICY_NOTE),
        ],
    },
]

# The tender example's procurement block; the 1.0.0 flag gives way to the reservation ground.
tender_path = "core/protocols/example-tender.json"
t = json.load(open(tender_path))
if "procurement" not in t:
    new = {}
    for k, v in t.items():
        if k == "reserved_for_user_led":
            new["procurement"] = {
                "nation": "england",
                "authority_type": "council",
                "started": "2026-05-11",
                "cpv": ["85312000"],
                "value_including_vat": "1050000",
            }
            new["reservation"] = {"basis": "none"}
            continue
        new[k] = v
    open(tender_path, "w").write(json.dumps(new, indent=2, ensure_ascii=False) + "\n")

# PCR 2015 reg 58(9) as the law states it: the minimum yearly turnover against the estimated value
# of the contract (of each lot, reg 58(11)), not its yearly value. Law under PCR 2015 only; the
# light-touch regime (regs 74-76) does not apply reg 58, and the Scottish regulations were not read.
TURNOVER_WHOLE = {
    "id": "turnover-whole-contract",
    "title": "Yearly turnover asked for at most twice the lot's estimated value",
    "scope": "lot",
    "require": {"fact": "turnover_multiple", "at_most": "2"},
    "finding": "The minimum yearly turnover asked for is more than twice the lot's estimated value.",
    "why": "A turnover test out of proportion to the contract shuts out small organisations that could deliver it.",
    "fix": "Set any minimum yearly turnover at no more than twice the lot's estimated value, or record why a higher figure is justified by the special risks of the service.",
    "question": "Would the council lower the minimum yearly turnover to no more than twice the lot's estimated value, or say what special risk justifies it?",
    "applies": [
        e(PCR_STD, "law", [c("PCR15", "reg 58(9)")],
          "PCR 2015 reg 58(9): the minimum yearly turnover required shall not exceed two times the estimated contract value, except in duly justified cases; reg 58(11): each lot on its own."),
    ],
}

# Order: the 1.0.0 rules in their order, each new rule after the rule it belongs with.
out = []
for b in p["barriers"]:
    out.append(b)
    if b["id"] == "turnover-proportionate":
        out.append(new_rules[2])
        out.append(TURNOVER_WHOLE)
    if b["id"] == "insurance-proportionate":
        out += [new_rules[0], new_rules[1]]
out.insert(1, new_rules[3])
p["barriers"] = out

# Eligibility: the staff test's real sources; it and a volunteers test are optional (reported,
# not deciding the verdict) and do not apply to an organisation with none (a volunteer-run ULO can
# be "yes"). Inclusion London's figure is "over 50%", so it is cited beside the ODI's "at least".
tests = []
for t in p["eligibility"]["tests"]:
    if t["id"] == "staff-share":
        t["title"] = "At least 50% of paid staff are disabled people"
        t["optional"] = True
        t["cites"] = [c("ODIDPULO", "definition of a DPULO: at least 50% of staff are disabled people"),
                      c("INCLDN", "definition of a Deaf and Disabled People's Organisation: over 50% Deaf and Disabled staff")]
        tests.append(t)
        tests.append({
            "id": "volunteer-share",
            "title": "At least 50% of volunteers are disabled people",
            "rule": {"type": "volunteer_share", "op": "at_least", "percent": "50"},
            "optional": True,
            "cites": [c("ODIDPULO", "definition of a DPULO: at least 50% of volunteers are disabled people")],
        })
        continue
    if t["id"] == "social-model":
        t["cites"] = [c("ODIDPULO", "definition of a DPULO: run on the social model of disability"),
                      c("INCLDN", "definition of a Deaf and Disabled People's Organisation")]
    tests.append(t)
p["eligibility"]["tests"] = tests
p["eligibility"]["summary"] = (
    "A user-led organisation is run and controlled by the people it serves: at least three quarters "
    "of its voting board are disabled people or people who use support services, it is accountable "
    "to its members, committed to the social model of disability, and independent and not for "
    "profit. The shares of its paid staff and of its volunteers who are disabled people are "
    "reported (at least half is the aim) but do not decide the verdict, and do not apply to an "
    "organisation with no paid staff or no volunteers."
)

# Award model: no criterion on the bidder's board, no tie-break on being user-led.
am = p["award_model"]
for crit in am["criteria"]:
    if crit["id"] == "user-leadership":
        crit["title"] = "User leadership in delivery"
        crit["cites"] = [c("PA23", "s.23"), c("PCR15", "reg 76")]
        crit["children"] = [
            {
                "id": "ul-delivery",
                "title": "User-led delivery of this contract",
                "description": "How will this contract be user-led: people with lived experience delivering and leading the service, peer support, and people who use it taking part in governing and reviewing it?",
                "weight": "50",
                "method": {"type": "panel", "scale": "five-point"},
                "cites": [c("PA23", "s.23(2)(a) and (5)(b)"), c("PCR15", "reg 76")],
            },
            {
                "id": "ul-coproduction",
                "title": "Co-production with people who use the service",
                "description": "How will people who use the service shape and review it?",
                "weight": "50",
                "method": {"type": "panel", "scale": "five-point"},
                "cites": [c("PA23", "s.23(2)(a) and (5)(b)"), c("CSSG", "ch. 4 (co-production)")],
            },
        ]
    if crit["id"] == "quality":
        for ch in crit["children"]:
            if ch["id"] == "q-outcomes":
                ch["cites"] = [c("PA23", "s.23(2)(a)"), c("LOCAL", "protocol setting: independent living outcomes")]
am["tie_break"] = [r for r in am["tie_break"] if r["rule"] != "user_led_first"]
am["abnormally_low"]["cites"] = [c("PA23", "s.19(3)(c) and (4)"), c("PCR15", "reg 69")]

# The award model's clauses of PA 2023 and PCR 2015 are shown only under the regimes whose law
# they are, as docs/law.md lists them (core/tests/shipped_law.rs holds the two together): s.19
# and s.23 govern covered procurements (standard and light-touch), not Part 6 below-threshold
# contracts; PCR reg 69 the standard regime; reg 76 the light-touch regime. A Scottish, PSR,
# grant or below-threshold scorecard keeps the protocol's other sources and no clause of a law
# that does not govern it; nothing is put in their place (no other clause was read).
AWARD_REGIMES = {
    ("PA23", None): PA,
    ("PCR15", "reg 69"): PCR_STD,
    ("PCR15", "reg 76"): PCR_LT,
    # English law and guidance: never shown on a Scottish scorecard (nor a PSR or grant one);
    # docs/law.md lists them under the PA 2023 and PCR 2015 regimes, for English buyers.
    ("CSSG", None): PA + PA_BT + PCR + PCR_BT,
    ("SVA12", None): PA + PA_BT + PCR + PCR_BT,
    # A Cabinet Office procurement policy note: not Scottish policy.
    ("PPN002", None): PA + PA_BT + PCR + PCR_BT,
}


def limit_award_cites(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "cites":
                for cite in x:
                    regimes = AWARD_REGIMES.get((cite["source"], cite["clause"]), AWARD_REGIMES.get((cite["source"], None)))
                    if regimes is not None:
                        cite["regimes"] = regimes
                    elif cite["source"] in ("PA23", "PCR15"):
                        raise SystemExit("no regimes for award cite %s %s" % (cite["source"], cite["clause"]))
            else:
                limit_award_cites(x)
    elif isinstance(v, list):
        for x in v:
            limit_award_cites(x)


limit_award_cites(am)

# Lot evaluation models (issue 15). The law does not forbid any of the five: PA 2023 s.19 awards
# to the most advantageous tender assessed against the published award criteria and s.23 lets
# those criteria be set as the authority chooses, to be applied as published; the Guidance Note
# (5.1, 5.3, 7.3) describes each model. So the protocol allows them all, and the barrier check
# warns (policy, never a MUST) where a model works against user-led organisations.
am["models_allowed"] = ["weighted", "price_per_quality_point", "sequential", "quality_only", "price_only"]
p["barriers"] += [
    {
        "id": "ppqp-quality-threshold",
        "title": "Price per quality point with a quality threshold of at least 50%",
        "scope": "lot",
        "require": {"any": [
            {"fact": "lot_price_per_quality_point", "is": False},
            {"fact": "lot_quality_threshold_percent", "at_least": "50"},
        ]},
        "finding": "The lot is evaluated by price per quality point with no quality threshold, or one below 50%.",
        "why": "Dividing the price by the quality marks rewards the cheapest bid: a bid with half the quality at half the price ties with the best, so without a threshold low-cost, low-quality bids win and organisations that compete on quality are shut out.",
        "fix": "Set a quality threshold of at least 50% (for example 60%) that a bid must reach before its cost per quality point is compared, or use the weighted model.",
        "question": "Would the council set a quality threshold that bids must reach before their cost per quality point is compared?",
        "applies": [
            e(CONTRACTS + PSR, "policy", [L("price per quality point threshold"), c("COBEG", "7.3 (price per quality point)")], POLICY_NOTE),
        ],
    },
    {
        "id": "not-price-only",
        "title": "Not awarded on price alone",
        "scope": "lot",
        "require": {"fact": "lot_price_only", "is": False},
        "finding": "The lot is awarded on price (or whole-life cost) alone.",
        "why": "With no quality criteria nothing rewards what user-led organisations bring to a care or support service: lived experience, peer support and co-production; the cheapest bid wins.",
        "fix": "Evaluate quality as well as price (the weighted model, or sequential evaluation with a quality pass mark).",
        "question": "Would the council evaluate quality as well as price for this lot?",
        "applies": [
            e(PA, "policy", [L("price only"), c("PA23", "s.19")],
              "PA 2023 s.19 awards to the most advantageous tender and does not forbid an award on price alone; evaluating quality is this protocol's policy."),
            e(PA_BT + PCR + PCR_BT + SCOT + PSR, "policy", [L("price only")], POLICY_NOTE),
        ],
    },
]

text = json.dumps(p, indent=2, ensure_ascii=False) + "\n"
open(OUT, "w").write(text)
print("barriers", len(p["barriers"]))

# The worked example's bids: the panel's scores for the new criterion on user-led delivery of
# this contract (it replaces the banded score on the bidder's board).
bids_path = "core/protocols/example-bids.json"
bids = json.load(open(bids_path))
UL_DELIVERY = {
    "b-northfield": [5, 4, 5, 5],
    "b-nationwide": [2, 2, 1, 2],
    "b-quicksupport": [1, 1, 1, 1],
    "b-harbour": [3, 3, 3, 3],
    "b-riverside": [4, 4, 4, 4],
    "b-westbridge": [4, 4, 4, 4],
    "b-southgate": [4, 4, 4, 4],
    "b-northfield-info": [5, 5, 5, 5],
}
for b in bids["bids"]:
    s = b["scores"]
    if "ul-delivery" in s or b["id"] not in UL_DELIVERY:
        continue
    new = {}
    for k, v in s.items():
        if k == "ul-coproduction":
            new["ul-delivery"] = {f"e{i + 1}": {"score": x} for i, x in enumerate(UL_DELIVERY[b["id"]])}
        new[k] = v
    b["scores"] = new
open(bids_path, "w").write(json.dumps(bids, indent=2, ensure_ascii=False) + "\n")

draft_path = "core/protocols/example-self-check.json"
d = json.load(open(draft_path))
if "ul-delivery" not in d["expected"]:
    new = {}
    for k, v in d["expected"].items():
        if k == "ul-coproduction":
            new["ul-delivery"] = {"low": 4, "high": 5}
        new[k] = v
    d["expected"] = new
open(draft_path, "w").write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
