"""The terminal: one screen renderer, the askers for reflect, group and demo, and views."""
