"""Allow `python -m wsw`."""

from wsw.main import main

raise SystemExit(main())
