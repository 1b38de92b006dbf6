"""Case memory: the notes on one case read back, indexed, and brought to the next reflection.

The notes are the record. `record` reads a note's front matter and sections back; `index`
keeps what it read in a SQLite file that can always be rebuilt from the notes folder;
`history` works out a case's chronology, open actions and open questions from its notes;
`review` turns them into the follow-up questions of the next walk; `outcomes` writes an
action's outcome into the note it came from.
"""

JSON_VERSION = 1  # the `version` of every `--json` shape of `wsw case` and `wsw actions`
