# SPDX-License-Identifier: AGPL-3.0-or-later
from .cli import main

main()
