"""wsw: What? So What? Then What? Reflective practice for child-safeguarding practitioners."""

__version__ = "0.1.0"
