"""The bundle's entry point: what ``hero-desktop`` runs inside the PyInstaller bundle."""

import sys

from hero_desktop.__main__ import main

sys.exit(main())
