"""The catalogue: the loaded library bundled with its suggestion index, and their cache."""
