"""Privacy: finding identifiers in practitioners' text, and replacing declared names by roles."""

from wsw.privacy.detect import (
    KINDS,
    Finding,
    find_identifiers,
    is_valid_nhs_number,
    nhs_check_digit,
)
from wsw.privacy.pseudonyms import Ambiguity, Person, Redaction, Replacement, redact

__all__ = [
    "KINDS",
    "Ambiguity",
    "Finding",
    "Person",
    "Redaction",
    "Replacement",
    "find_identifiers",
    "is_valid_nhs_number",
    "nhs_check_digit",
    "redact",
]
