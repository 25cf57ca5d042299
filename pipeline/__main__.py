# SPDX-License-Identifier: AGPL-3.0-or-later
from pipeline.cli.main import main

main()
