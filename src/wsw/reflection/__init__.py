"""A reflection from start to finish: drafts, answers files, the runner, the written note."""
