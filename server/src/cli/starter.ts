// The corroborate.yaml that `corroborate init` writes: what a newcomer reads
// first, so every section says what it is for and shows one entry to copy.
// test/unit/cli-init.test.ts checks that it is a clean corpus as written.
// A new registry field belongs here too, with the comment a newcomer needs.

export const STARTER_REGISTRY = `# corroborate.yaml: the registry of this corpus. It says which files are
# the reports, what a claim may assert, and who and what the reports name.
#
# Each report opens with front matter naming its outlet (an actor below):
#
#   ---
#   source: example-agency
#   published: 2024-05-17
#   ---
#
# and marks mentions and claims in its text:
#
#   [The army]{@example-army} said it [repelled the attack]{claim by=@example-army event=@example-attack outcome=repelled}.
#
# Then \`corroborate check\` in this folder lists what is missing, wrong or in
# conflict. Ids (the keys below) are letters, digits, - and _.

# Which files are reports: globs relative to this folder.
documents: ["**/*.txt"]

# What a claim may assert, as key=value in its block. The type decides how
# two values compare, and so what counts as a contradiction.
#
# cues: are words that signal the property in a report, in any language:
# \`corroborate suggest\` and the editor use them to propose claims you have
# not annotated yet. measure: names a count's columns in the events export
# (\`corroborate export --format events\`: fatalities_low, fatalities_best…),
# as conflict-event datasets such as ACLED name them; a count without one
# gets no columns there.
properties:
  killed:           # people killed: 12, 20..50, >=20, ~50 (about 50), or ? when not given
    type: count
    measure: fatalities
    cues: [tués, morts, killed, dead, قتلى]
  casualties:       # killed or wounded: a different fact from killed
    type: count
    measure: casualties
    cues: [tués ou blessés, victimes, killed or wounded, casualties, ضحايا]
  captured:         # people taken prisoner
    type: count
    measure: prisoners
    cues: [capturés, faits prisonniers, captured, taken prisoner, أسرى]
  date:             # 2024, 2024-05, 2024-05-17, or a range 2024-05-16..2024-05-17
    type: date
  place:            # where: the @id of a place below
    type: entity
    kind: place
  outcome:          # what became of the attacked position
    type: enum
    values: [captured, repelled, withdrawn]
    # Values listed together here do not contradict each other: a camp can
    # be taken, then left.
    compatible: [[captured, withdrawn]]
    # An enum's cues are given per value.
    cues:
      captured: [pris le contrôle, s'est emparé, took control, overran, سيطر]
      repelled: [repoussé, repelled, fought off, صد]
      withdrawn: [se sont retirés, withdrew, انسحب]

# Vague quantities ("des dizaines", "dozens", "عشرات") stand for counts when
# claims are proposed: "dozens" is >=20 unless you say otherwise. The
# defaults are listed in Corroborate's docs/assist.md ("Vague quantities");
# your own, here, replace them phrase by phrase. Quote the values.
# vague:
#   des dizaines: ">=12"
#   dozens: ">=12"

# Who reports, speaks or acts: outlets, armed groups, state forces, officials.
# Aliases are the names the reports use; Corroborate points out the ones you
# have not marked yet.
actors:
  # An outlet: the source: of the reports it publishes.
  example-agency:
    name: Example News Agency
    kind: media
    aliases: [Example News Agency]
  # A party to the events, which makes claims of its own.
  example-army:
    name: Example national army
    kind: state-force
    aliases: [Example army]
  # Unnamed sources. anonymous: true makes the local sources of each report
  # a different claimant, since nothing says they are the same people.
  local-sources:
    name: Local sources
    kind: other
    aliases: [local sources]
    anonymous: true

# Where things happen. in: puts one place inside another, so a claim naming
# the region agrees with one naming a town in it.
places:
  example-region:
    name: Example Region
  example-town:
    name: Example Town
    aliases: [Example Town]
    in: example-region

# What claims are about: every claim names one with event=@id.
events:
  example-attack:
    name: Attack on Example Town
    date: 2024-05-17
    place: example-town
    # Once you have weighed the reports, record your own figures, in the
    # claims' value syntax. They are shown beside the claims and exported in
    # their own column (fatalities_estimate), never compared with the claims:
    # estimate: { killed: 10..20, outcome: repelled }
`;
