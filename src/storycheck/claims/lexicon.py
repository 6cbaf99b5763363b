"""Word lists the claims rules share, as exact inflected forms.

The lemmatizer is not loaded (it costs parse time and nothing else needs it), so
verbs are matched by their written forms. Prefix matching was tried first and
misfired ("add" matched "addressed"); exact forms generated from base verbs don't.
"""

from __future__ import annotations


def inflections(base: str) -> set[str]:
    """Regular English forms of a base verb: say -> says, sayed, saying (irregulars listed by callers)."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    if base.endswith("l"):
        forms |= {base + "led", base + "ling"}  # British "labelled"
    return forms


def verb_forms(bases: str, irregular: str = "") -> frozenset[str]:
    out: set[str] = set(irregular.split())
    for base in bases.split():
        out |= inflections(base)
    return frozenset(out)


# verbs that report what someone said (take a quote or a that-clause)
SPEECH_VERBS = verb_forms(
    """say tell note add state explain stress emphasise emphasize underscore warn argue insist claim recall
    continue conclude ask reply respond tweet post describe characterise characterize label brand dub term
    denounce condemn accuse praise hail dismiss express declare announce acknowledge admit promise pledge vow
    urge call predict suggest remark comment observe complain lament boast joke quip threaten demand deny
    confirm assert maintain tout thank write decry mock blast slam criticise criticize blame""",
    "said told wrote written dubbed dubbing labelled labelling branded termed admitted admitting quipped quipping "
    "regretted submitted",
)
# verbs whose meaning is only "speech" with a that-clause or quote ("added Colombia to the list" is not)
SPEECH_NEEDS_CLAUSE = verb_forms("add state continue post note call term name find show", "found")
# verbs that attribute a claim to a source: speech plus belief and evidence
ATTRIBUTION_VERBS = SPEECH_VERBS | verb_forms(
    "believe expect estimate report show find indicate suggest think reckon allege fear hope doubt",
    "found thought",
)
EVIDENCE_VERBS = verb_forms("show find indicate suggest tell reveal", "found told")
# an accusation is a factual charge someone can be asked to back up: always worth checking
ACCUSATION_VERBS = verb_forms("accuse allege charge blame implicate", "")
REFUSAL_VERBS = verb_forms("refuse deny reject decline rebuff veto", "denied")
EVENT_VERBS = verb_forms(
    """meet host sign kill capture arrest impose sanction announce resume raid elect vote approve launch attack
    seize revoke deploy withdraw rise fall surge drop reach increase decrease win lose die fire resign appoint
    visit accept refuse reject threaten agree reverse cancel suspend ban pass release order denounce condemn
    urge deport halt return travel invade bomb shoot injure sentence charge convict acquit sue fine pay cut
    hike raise produce grow add designate call""",
    "met rose fell withdrew won lost shot paid grew",
)
EVALUATIVE = frozenset(
    """essential crucial critical important vital necessary pivotal notable significant remarkable stark
    unprecedented historic dangerous disastrous shameful welcome good bad better worse best worst right wrong
    clear obvious unacceptable outrageous absurd wise unwise foolish troubling worrying concerning encouraging
    promising interesting surprising consequential key""".split()
)
