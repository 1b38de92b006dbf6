"""Records built from notes wsw wrote: the CPD record, the supervision record, the team's view.

They read the notes back (through the case index's note reader) and never the answers files
or drafts: the note is the record, so nothing here can know more than a note says.
"""
