"""The ids of the walks commands use when none is named, kept apart so start-up reads them free.

`wsw reflect` (and render, prompts, cards) use the individual walk; `wsw group` the group
walk. The packs define both; a pack may replace either with `replaces: true`.
"""

DEFAULT_WALK = "individual"
GROUP_WALK = "group"
