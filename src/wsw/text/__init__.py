"""Text handling below the packs: word folding and stems, trigger syntax, Markdown escaping."""
